/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { loadHead, updateChildren } from "./dom.js";

describe("updateChildren", () => {
  it("changes only what differs, keeping elements (and their listeners) that stay", () => {
    const root = document.createElement("div");
    updateChildren(root, '<ul><li class="a">one</li><li>two</li></ul><input value="x"><p>end</p>');
    const ul = root.querySelector("ul")!;
    const first = root.querySelector("li")!;
    let clicks = 0;
    first.addEventListener("click", () => clicks++);
    updateChildren(root, '<ul><li class="b">uno</li><li>two</li><li>three</li></ul><input value="y"><span>new</span>');
    expect(root.querySelector("ul")).toBe(ul);
    expect(root.querySelector("li")).toBe(first);
    expect(first.className).toBe("b");
    expect(first.textContent).toBe("uno");
    expect([...root.querySelectorAll("li")].map((li) => li.textContent)).toEqual(["uno", "two", "three"]);
    expect(root.querySelector("input")!.value).toBe("y");
    expect(root.querySelector("p")).toBeNull();
    expect(root.querySelector("span")!.textContent).toBe("new");
    first.click();
    expect(clicks).toBe(1);
    updateChildren(root, "");
    expect(root.childNodes).toHaveLength(0);
  });
});

describe("loadHead", () => {
  it("adds links once per href and runs an inline script once per text", async () => {
    const head = '<link rel="stylesheet" href="https://example.com/a.css"><script>window.__headRuns = (window.__headRuns ?? 0) + 1;</script><meta name="x" content="y">';
    await loadHead(head);
    await loadHead(head);
    expect(document.head.querySelectorAll('link[href="https://example.com/a.css"]')).toHaveLength(1);
    expect((window as unknown as { __headRuns?: number }).__headRuns).toBe(1);
    expect(document.head.querySelector('meta[name="x"]')!.getAttribute("content")).toBe("y");
    await expect(loadHead("   ")).resolves.toBeUndefined();
  });
});
