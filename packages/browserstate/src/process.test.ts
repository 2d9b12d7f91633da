import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { BrowserState } from "./index.js";

describe("BrowserState", () => {
  it("seals values so that only the same secret opens them", () => {
    const a = BrowserState({ value: { n: 0 }, secret: "s1", storage_key: "k" });
    const sealed = a.postprocess({ n: 5 });
    // Base64 of IV, ciphertext and tag: no JSON (no quotes or braces) shows through.
    expect(sealed).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(sealed, "base64").toString("latin1")).not.toContain('"n":5');
    expect(a.preprocess(sealed)).toEqual({ n: 5 });
    // Another secret, a tampered value, or nothing at all read as the default.
    expect(BrowserState({ value: { n: 0 }, secret: "s2" }).preprocess(sealed)).toEqual({ n: 0 });
    const tampered = Buffer.from(sealed, "base64");
    tampered[20] = tampered[20]! ^ 1;
    expect(a.preprocess(tampered.toString("base64"))).toEqual({ n: 0 });
    expect(a.preprocess(null)).toEqual({ n: 0 });
    expect(a.preprocess("not base64 at all")).toEqual({ n: 0 });
  });

  it("gives a fresh copy of the default each time", () => {
    const s = BrowserState({ value: [1] });
    s.preprocess(null).push(2);
    expect(s.preprocess(null)).toEqual([1]);
  });

  it("puts its storage key in the config, never its secret or default", () => {
    const app = Blocks(() => {
      BrowserState({ value: "hidden default", storage_key: "visits", secret: "top secret" });
      BrowserState();
    });
    const configs = app.config().components.filter((c) => c.type === "browserstate");
    expect(configs[0]).toMatchObject({ skip_api: true, props: { storage_key: "visits", value: null } });
    expect(String(configs[1]!.props.storage_key)).toMatch(/^vitrine-browserstate-/);
    expect(JSON.stringify(configs)).not.toMatch(/top secret|hidden default/);
  });
});
