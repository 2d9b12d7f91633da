import { describe, expect, it } from "@jest/globals";
import { diff, type DiffEdit } from "./diff.js";

/** Applies edits in order, in place, as the official clients do. */
function applyDiff(value: unknown, edits: DiffEdit[]): unknown {
  for (const [action, path, v] of edits) {
    if (path.length === 0) {
      value = action === "append" ? (value as string) + (v as string) : v;
      continue;
    }
    let target = value as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (action === "replace") target[last] = v;
    else if (action === "append") target[last] = (target[last] as string) + (v as string);
    else if (Array.isArray(target)) {
      if (action === "add") target.splice(Number(last), 0, v);
      else target.splice(Number(last), 1);
    } else if (action === "add") target[last] = v;
    else delete target[last];
  }
  return value;
}

describe("diff", () => {
  it("is empty for equal values, deep or not", () => {
    expect(diff("a", "a")).toEqual([]);
    expect(diff({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toEqual([]);
    expect(diff(Number.NaN, Number.NaN)).toEqual([]);
  });

  it("appends where a string grows, replaces where it changes", () => {
    expect(diff("Hel", "Hello")).toEqual([["append", [], "lo"]]);
    expect(diff("Hello", "Help")).toEqual([["replace", [], "Help"]]);
    expect(diff(1, "1")).toEqual([["replace", [], "1"]]);
    expect(diff(null, [1])).toEqual([["replace", [], [1]]]);
  });

  it("sends a streamed chat token as one append at the last message's content", () => {
    const history = [
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello th" },
    ];
    const next = [history[0], { role: "assistant", content: "Hello there" }];
    expect(diff(history, next)).toEqual([["append", [1, "content"], "ere"]]);
  });

  it("adds new items and keys, deletes removed ones last-first", () => {
    expect(diff([{ role: "user", content: "Hi" }], [{ role: "user", content: "Hi" }, { role: "assistant", content: "" }])).toEqual([
      ["add", [1], { role: "assistant", content: "" }],
    ]);
    expect(diff([1, 2, 3, 4], [1])).toEqual([
      ["delete", [3], null],
      ["delete", [2], null],
      ["delete", [1], null],
    ]);
    expect(diff({ a: 1, gone: 2, undef: undefined }, { a: 1, added: { x: 1 } })).toEqual([
      ["delete", ["gone"], null],
      ["add", ["added"], { x: 1 }],
    ]);
  });

  it("gives edits that rebuild the new value when applied in order", () => {
    const cases: [unknown, unknown][] = [
      [
        [{ role: "user", content: "a", metadata: { title: "t", status: "pending" } }, { role: "assistant", content: "b" }],
        [{ role: "user", content: "a!", metadata: { title: "t", status: "done", duration: 1.5 } }],
      ],
      [{ headers: ["a"], data: [[1], [2], [3]] }, { headers: ["a", "b"], data: [[1, 0], [5]] }],
      [[1, [2, [3]]], [1, [2, [3, 4]], "x"]],
      ["", "streamed text"],
    ];
    for (const [before, after] of cases) {
      expect(applyDiff(structuredClone(before), diff(before, after))).toEqual(after);
    }
  });
});
