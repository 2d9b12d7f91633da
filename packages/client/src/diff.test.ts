import { describe, expect, it } from "@jest/globals";
import { applyDiff } from "./diff.js";

describe("applyDiff", () => {
  it("replaces the whole value with an empty path", () => {
    expect(applyDiff("old", [["replace", [], "new"]])).toBe("new");
    expect(applyDiff({ a: 1 }, [["replace", [], [1, 2]]])).toEqual([1, 2]);
  });

  it("appends to a string, the way Gradio streams text", () => {
    let value: unknown = "step0 ";
    value = applyDiff(value, [["append", [], "step1 "]]);
    value = applyDiff(value, [["append", [], "step2 "]]);
    expect(value).toBe("step0 step1 step2 ");
  });

  it("replaces, appends, adds and deletes at nested paths", () => {
    const chat = [
      { role: "user", content: "hi", metadata: { title: null } },
      { role: "assistant", content: "Hel", metadata: { title: null } },
    ];
    const next = applyDiff(chat, [
      ["append", [1, "content"], "lo!"],
      ["replace", [1, "metadata", "title"], "Thinking"],
      ["add", [2], { role: "assistant", content: "more" }],
      ["add", [0, "options"], ["a"]],
      ["delete", [0, "metadata"], null],
    ]);
    expect(next).toEqual([
      { role: "user", content: "hi", options: ["a"] },
      { role: "assistant", content: "Hello!", metadata: { title: "Thinking" } },
      { role: "assistant", content: "more" },
    ]);
  });

  it("inserts into and deletes from arrays by index, in order", () => {
    expect(applyDiff([1, 2, 3], [["add", [1], 9]])).toEqual([1, 9, 2, 3]);
    expect(applyDiff([1, 2, 3], [["add", [3], 4]])).toEqual([1, 2, 3, 4]);
    expect(applyDiff([1, 2, 3, 4], [["delete", [3], null], ["delete", [2], null]])).toEqual([1, 2]);
    expect(applyDiff([[1], [2]], [["add", [1, 1], 3]])).toEqual([[1], [2, 3]]);
    // A dataframe-like value: a key holding rows.
    expect(applyDiff({ data: [[1, 2]], headers: ["a", "b"] }, [["add", ["data", 1], [3, 4]]])).toEqual({
      data: [
        [1, 2],
        [3, 4],
      ],
      headers: ["a", "b"],
    });
  });

  it("accepts numeric-string indexes for arrays and numbers as object keys", () => {
    expect(applyDiff(["a", "b"], [["replace", ["1"], "c"]])).toEqual(["a", "c"]);
    expect(applyDiff({ "0": "x" }, [["append", [0], "y"]])).toEqual({ "0": "xy" });
  });

  it("appends lists to lists", () => {
    expect(applyDiff({ items: [1] }, [["append", ["items"], [2, 3]]])).toEqual({ items: [1, 2, 3] });
  });

  it("applies an empty diff as no change", () => {
    const value = { a: [1] };
    expect(applyDiff(value, [])).toBe(value);
  });

  it("never mutates the previous value", () => {
    const previous = { list: [1, 2], text: "a", deep: { x: 1 } };
    const snapshot = structuredClone(previous);
    applyDiff(previous, [
      ["add", ["list", 2], 3],
      ["append", ["text"], "b"],
      ["delete", ["deep", "x"], null],
      ["replace", ["list", 0], 0],
    ]);
    expect(previous).toEqual(snapshot);
  });

  it("sets a __proto__ key as data, not as the prototype", () => {
    const next = applyDiff({}, [["add", ["__proto__"], { polluted: true }]]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.keys(next)).toEqual(["__proto__"]);
  });

  it("rejects malformed diffs and impossible paths with a clear error", () => {
    expect(() => applyDiff("x", "full value")).toThrow(/expected a list of edits/);
    expect(() => applyDiff("x", ["append", [], "y"])).toThrow(/Invalid diff edit/);
    expect(() => applyDiff("x", [["append", [], 3]])).toThrow(/cannot append a number to a string/);
    expect(() => applyDiff("x", [["explode", [], 1]])).toThrow(/Unknown diff action "explode"/);
    expect(() => applyDiff([1], [["add", [], 2]])).toThrow(/needs a non-empty path/);
    expect(() => applyDiff([1], [["replace", [5], 2]])).toThrow(/out of range/);
    expect(() => applyDiff([1], [["replace", [0, "a"], 2]])).toThrow(/cannot index into a number/);
    expect(() => applyDiff({ a: 1 }, [["replace", ["b", "c"], 2]])).toThrow(/no key "b"/);
  });
});
