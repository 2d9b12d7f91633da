import { describe, expect, it } from "@jest/globals";
import { createProgress, progressUnit, type ProgressUnit } from "./index.js";

/** A progress reporter that records what it would send at each change. */
function recorder() {
  const sent: ProgressUnit[][] = [];
  const progress = createProgress((read) => sent.push(read()));
  return { progress, sent };
}

describe("progress", () => {
  it("builds units from fractions, [done, total] pairs and step counts with a total", () => {
    expect(progressUnit(0.3, { desc: "Loading" })).toEqual({ index: null, length: null, unit: "steps", progress: 0.3, desc: "Loading" });
    expect(progressUnit([3, 10], { unit: "files" })).toEqual({ index: 3, length: 10, unit: "files", progress: null, desc: null });
    expect(progressUnit([3, null])).toMatchObject({ index: 3, length: null });
    expect(progressUnit(4, { total: 8 })).toMatchObject({ index: 4, length: 8, progress: null });
  });

  it("reports each step of a tracked array, from 0 to its length", () => {
    const { progress, sent } = recorder();
    const seen: string[] = [];
    for (const x of progress.track(["a", "b", "c"], { desc: "letters", unit: "letters" })) seen.push(x);
    expect(seen).toEqual(["a", "b", "c"]);
    expect(sent.map((s) => s[0]!.index)).toEqual([0, 1, 2, 3]);
    expect(sent[0]).toEqual([{ index: 0, length: 3, unit: "letters", progress: null, desc: "letters" }]);
  });

  it("takes the total from options, a Set's size, a string's length, or leaves it unknown", () => {
    const { progress, sent } = recorder();
    for (const _ of progress.track(new Set([1, 2]))) void _;
    for (const _ of progress.track("abc")) void _;
    for (const _ of progress.track((function* () { yield 1; })())) void _;
    for (const _ of progress.track((function* () { yield 1; })(), { total: 5 })) void _;
    expect(sent.filter((s) => s[0]!.index === 0).map((s) => s[0]!.length)).toEqual([2, 3, null, 5]);
  });

  it("tracks async iterables", async () => {
    const { progress, sent } = recorder();
    async function* numbers() {
      yield 1;
      yield 2;
    }
    const seen: number[] = [];
    for await (const n of progress.track(numbers(), { total: 2, desc: "async" })) seen.push(n);
    expect(seen).toEqual([1, 2]);
    expect(sent.map((s) => [s[0]!.index, s[0]!.length])).toEqual([[0, 2], [1, 2], [2, 2]]);
  });

  it("lists nested loops outer first, and drops a loop once it ends (or breaks)", () => {
    const { progress, sent } = recorder();
    for (const _ of progress.track([1, 2], { desc: "outer" })) {
      for (const i of progress.track([1, 2, 3], { desc: "inner" })) if (i === 2) break;
    }
    const inner = sent.filter((s) => s.length === 2);
    expect(inner[0]!.map((u) => u.desc)).toEqual(["outer", "inner"]);
    expect(sent[sent.length - 1]).toEqual([{ index: 2, length: 2, unit: "steps", progress: null, desc: "outer" }]);
    progress(0.5);
    expect(sent[sent.length - 1]).toEqual([{ index: null, length: null, unit: "steps", progress: 0.5, desc: null }]);
  });

  it("shows a direct update after the loops running, until the next loop starts", () => {
    const { progress, sent } = recorder();
    for (const _ of progress.track([1], { desc: "loop" })) {
      progress(0.5, { desc: "half" });
      expect(sent[sent.length - 1]!.map((u) => u.desc)).toEqual(["loop", "half"]);
    }
  });

  it("reads the latest state when the reader is called late", () => {
    let reader: (() => unknown[]) | null = null;
    const progress = createProgress((read) => (reader = read));
    progress(0.1);
    progress(0.9);
    expect(reader!()).toEqual([expect.objectContaining({ progress: 0.9 })]);
  });

  it("rejects what is not iterable", () => {
    const { progress } = recorder();
    expect(() => progress.track(42 as unknown as number[])).toThrow(TypeError);
  });
});
