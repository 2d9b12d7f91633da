/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { adoptStylesheet } from "./browser.js";

afterEach(() => {
  document.head.innerHTML = "";
});

describe("adoptStylesheet", () => {
  it("adds one style element per id, however often it is called", () => {
    adoptStylesheet("vt-a-style", ".a { color: red; }");
    adoptStylesheet("vt-a-style", ".a { color: blue; }");
    adoptStylesheet("vt-b-style", ".b { color: green; }");
    const styles = [...document.head.querySelectorAll("style")];
    expect(styles.map((s) => [s.id, s.textContent])).toEqual([
      ["vt-a-style", ".a { color: red; }"],
      ["vt-b-style", ".b { color: green; }"],
    ]);
  });
});
