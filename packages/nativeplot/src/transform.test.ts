import { describe, expect, it } from "@jest/globals";
import { binStep } from "./options.js";
import { DOWNSAMPLE_BINS, aggregate, axisRange, binStart, bucketize, downsampleLine, extentOf, sortCategories } from "./transform.js";
import { dateSeconds, selectionData } from "./selection.js";

describe("aggregate", () => {
  const ys = [4, 1, null, 3, "x", 2];
  it("sums, averages, takes the median, min and max of the numbers, and counts rows", () => {
    expect(aggregate(ys, "sum")).toBe(10);
    expect(aggregate(ys, "mean")).toBe(2.5);
    expect(aggregate(ys, "median")).toBe(2.5);
    expect(aggregate([5, 1, 3], "median")).toBe(3);
    expect(aggregate(ys, "min")).toBe(1);
    expect(aggregate(ys, "max")).toBe(4);
    expect(aggregate(ys, "count")).toBe(6);
  });
  it("gives 0 for the sum of nothing and null for the others", () => {
    expect(aggregate([], "sum")).toBe(0);
    expect(aggregate([null], "mean")).toBeNull();
    expect(aggregate([], "median")).toBeNull();
    expect(aggregate([], "max")).toBeNull();
    expect(aggregate([], "count")).toBe(0);
  });
  it("refuses an unknown aggregation", () => {
    expect(() => aggregate([1], "mode" as "sum")).toThrow(/unknown aggregation "mode"/);
  });
});

describe("binning", () => {
  it("reads x_bin: a number as is, a duration in ms", () => {
    expect(binStep(null)).toBeNull();
    expect(binStep(undefined)).toBeNull();
    expect(binStep(2.5)).toBe(2.5);
    expect(binStep("10s")).toBe(10_000);
    expect(binStep("15m")).toBe(900_000);
    expect(binStep("1h")).toBe(3_600_000);
    expect(binStep("2d")).toBe(172_800_000);
    expect(binStep("1.5h")).toBe(5_400_000);
    expect(() => binStep("1w")).toThrow(RangeError);
    expect(() => binStep("h")).toThrow(RangeError);
    expect(() => binStep(0)).toThrow(RangeError);
    expect(() => binStep(Number.NaN)).toThrow(RangeError);
  });
  it("puts x in the bin that starts at a multiple of the step", () => {
    expect(binStart(7, 5)).toBe(5);
    expect(binStart(10, 5)).toBe(10);
    expect(binStart(-1, 5)).toBe(-5);
    expect(binStart(0.35, 0.1)).toBe(0.3);
    expect(binStart(Date.UTC(2024, 0, 1, 13, 47), 3_600_000)).toBe(Date.UTC(2024, 0, 1, 13));
  });
  it("groups rows by key in order of first appearance", () => {
    expect(bucketize(["b", "a", "b"], [1, 2, 3])).toEqual([
      { key: "b", ys: [1, 3], rows: [0, 2] },
      { key: "a", ys: [2], rows: [1] },
    ]);
  });
});

describe("sortCategories", () => {
  const cats = ["pear", "apple", "fig"];
  const totals = new Map([["pear", 5], ["apple", 9], ["fig", 1]]);
  it("keeps the data's order without sort", () => {
    expect(sortCategories(cats, null)).toEqual(cats);
  });
  it("sorts by x or y, ascending or descending", () => {
    expect(sortCategories(cats, "x")).toEqual(["apple", "fig", "pear"]);
    expect(sortCategories(cats, "-x")).toEqual(["pear", "fig", "apple"]);
    expect(sortCategories(cats, "y", totals)).toEqual(["fig", "pear", "apple"]);
    expect(sortCategories(cats, "-y", totals)).toEqual(["apple", "pear", "fig"]);
    expect(sortCategories(["10", "9", "100"], "x")).toEqual(["9", "10", "100"]);
    expect(sortCategories([3, 1, 2], "-x")).toEqual([3, 2, 1]);
  });
  it("puts a list's categories first, in its order, and the rest after", () => {
    expect(sortCategories(cats, ["fig", "kiwi", "pear"])).toEqual(["fig", "pear", "apple"]);
  });
});

describe("axisRange", () => {
  it("fixes both ends, or pads the free end from the data", () => {
    expect(axisRange(null, [1, 2])).toBeNull();
    expect(axisRange([null, null], [1, 2])).toBeNull();
    expect(axisRange([0, 10], [])).toEqual([0, 10]);
    expect(axisRange([0, null], [2, 12])).toEqual([0, 12.5]);
    expect(axisRange([null, 20], [2, 12])).toEqual([1.5, 20]);
    expect(axisRange([0, null], [])).toBeNull();
  });
});

describe("downsampleLine", () => {
  const n = 10_000;
  const rows = Array.from({ length: n }, (_, i) => i);
  const xOf = (r: number) => r;
  const yOf = (r: number) => Math.sin(r / 300) + (r === 5000 ? 10 : 0);

  it("keeps a line of up to 1000 points whole", () => {
    expect(downsampleLine(rows.slice(0, 1000), xOf, yOf)).toEqual(rows.slice(0, 1000));
  });

  it("keeps the lowest and highest point of each of 250 bins, in x order, spikes included", () => {
    const kept = downsampleLine(rows, xOf, yOf);
    expect(kept.length).toBeLessThanOrEqual(2 * DOWNSAMPLE_BINS);
    expect(kept.length).toBeGreaterThan(DOWNSAMPLE_BINS);
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(kept).toContain(5000); // the spike survives
    expect(kept[0]).toBe(0);
    // The kept points span the same y range as the whole line.
    expect(extentOf(kept.map(yOf))).toEqual(extentOf(rows.map(yOf)));
  });

  it("within an x range keeps the points inside and the nearest one on each side", () => {
    expect(downsampleLine(rows, xOf, yOf, [100.5, 200])).toEqual([100, ...Array.from({ length: 100 }, (_, i) => 101 + i), 201]);
    expect(downsampleLine(rows, xOf, yOf, [-50, 20]).at(-1)).toBe(21);
  });

  it("finds the extent of long columns without an argument-count limit", () => {
    expect(extentOf(Array.from({ length: 300_000 }, (_, i) => i))).toEqual([0, 299_999]);
    expect(extentOf([null, "a"])).toBeNull();
  });
});

describe("selectionData", () => {
  it("gives Gradio's x range as index and value, and the points inside", () => {
    const data = selectionData(
      { range: { x: [2.5, 1.25], y: [0, 9] }, points: [{ x: 2, y: 7, pointIndex: 0, data: { name: "north", x: [2], y: [7] } }] },
      "quantitative",
      { box: false, color: true },
    );
    expect(data).toEqual({ index: [1.25, 2.5], value: [1.25, 2.5], selected: true, points: [{ x: 2, y: 7, color: "north" }] });
  });
  it("adds the y range for a box, and reads a stacked bar's own y", () => {
    const data = selectionData(
      { range: { x: [0, 1], y: [3, 4] }, points: [{ x: 1, y: 22, pointIndex: 1, data: { name: "s", x: [0, 1], y: [5, 8] } }] },
      "quantitative",
      { box: true },
    );
    expect(data).toEqual({ index: [0, 1], value: [0, 1], selected: true, y_range: [3, 4], points: [{ x: 1, y: 8 }] });
  });
  it("gives seconds since the epoch on a time axis", () => {
    expect(dateSeconds("2024-01-01 01:00:00")).toBe(Date.UTC(2024, 0, 1, 1) / 1000);
    expect(dateSeconds("2024-01-01")).toBe(Date.UTC(2024, 0, 1) / 1000);
    expect(dateSeconds(1_700_000_000_000)).toBe(1_700_000_000);
    expect(dateSeconds("soon")).toBeNull();
    const data = selectionData({ range: { x: ["2024-01-01 00:00", "2024-01-02 12:00:00.5"] } }, "temporal", { box: false });
    expect(data?.index).toEqual([Date.UTC(2024, 0, 1) / 1000, Date.UTC(2024, 0, 2, 12) / 1000 + 0.5]);
  });
  it("gives the categories inside the range on a category axis", () => {
    const categories = ["mon", "tue", "wed", "thu"];
    expect(selectionData({ range: { x: [0.6, 2.4] } }, "nominal", { box: false, categories })).toMatchObject({
      index: [1, 2],
      value: ["tue", "wed"],
    });
    expect(selectionData({ range: { x: [0.6, 0.7] } }, "nominal", { box: false, categories })).toBeNull();
  });
  it("is null without a selection (a click), and falls back on the points without a range", () => {
    expect(selectionData(undefined, "quantitative", { box: false })).toBeNull();
    expect(selectionData({ points: [] }, "quantitative", { box: false })).toBeNull();
    expect(selectionData({ points: [{ x: 3, y: 1 }, { x: 1, y: 2 }] }, "quantitative", { box: false })?.index).toEqual([1, 3]);
  });
});
