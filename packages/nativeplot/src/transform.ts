/**
 * The table work a native plot does before drawing: aggregating y values, binning x values and
 * ordering x categories. Pure functions, used by the view's figure builder and tested alone.
 */
import type { NativePlotAggregate, NativePlotSort } from "./types.js";

/**
 * Combines y values into one: `sum`, `mean`, `median`, `min`, `max`, or `count` (how many rows,
 * empty ones included). Non-numbers are left out of the others; with none left, the result is
 * null (`sum` of nothing is 0, as in Vega-Lite).
 */
export function aggregate(values: readonly unknown[], how: NativePlotAggregate): number | null {
  if (how === "count") return values.length;
  const numbers = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (how === "sum") return numbers.reduce((a, b) => a + b, 0);
  if (numbers.length === 0) return null;
  switch (how) {
    case "mean":
      return numbers.reduce((a, b) => a + b, 0) / numbers.length;
    case "median": {
      const sorted = [...numbers].sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    }
    case "min":
      return Math.min(...numbers);
    case "max":
      return Math.max(...numbers);
    default:
      throw new RangeError(`unknown aggregation ${JSON.stringify(how)}`);
  }
}

/** The start of the bin of width `step` that holds `x` (bins start at multiples of `step`). */
export function binStart(x: number, step: number): number {
  const start = Math.floor(x / step) * step;
  // Keep float noise out of the bin edges (0.1 * 3 = 0.30000000000000004).
  return Number(start.toPrecision(12));
}

/** A group of rows that share a key (an x category or bin), with the y values they hold. */
export interface Bucket<K> {
  key: K;
  ys: unknown[];
  /** Indices of the rows in the bucket, in table order. */
  rows: number[];
}

/** Groups rows by key, in order of first appearance. */
export function bucketize<K>(keys: readonly K[], ys: readonly unknown[]): Bucket<K>[] {
  const buckets = new Map<K, Bucket<K>>();
  keys.forEach((key, i) => {
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { key, ys: [], rows: [] }));
    bucket.ys.push(ys[i]);
    bucket.rows.push(i);
  });
  return [...buckets.values()];
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

/**
 * Orders x categories. `categories` are in order of first appearance (the order when `sort` is
 * null); `totals` gives each category's y (the sum over its series) for `"y"`/`"-y"`. A list puts
 * the categories it names first, in its order, and the others after, in their order.
 */
export function sortCategories<C>(
  categories: readonly C[],
  sort: NativePlotSort | null | undefined,
  totals?: ReadonlyMap<C, number | null>,
): C[] {
  if (sort === null || sort === undefined) return [...categories];
  if (Array.isArray(sort)) {
    const order = sort as readonly unknown[];
    const listed = order.filter((c) => categories.includes(c as C)) as C[];
    return [...new Set(listed)].concat(categories.filter((c) => !order.includes(c)));
  }
  const byY = (c: C) => totals?.get(c) ?? Number.NEGATIVE_INFINITY;
  switch (sort) {
    case "x":
      return [...categories].sort(compareValues);
    case "-x":
      return [...categories].sort((a, b) => compareValues(b, a));
    case "y":
      return [...categories].sort((a, b) => byY(a) - byY(b));
    case "-y":
      return [...categories].sort((a, b) => byY(b) - byY(a));
    default:
      throw new RangeError(`sort must be "x", "y", "-x", "-y" or a list, got ${JSON.stringify(sort)}`);
  }
}

/** The smallest and largest finite number among `values` (a loop: no argument-count limit on long columns), or null. */
export function extentOf(values: readonly unknown[]): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min === Infinity ? null : [min, max];
}

/**
 * An axis range from `limits` (`[min, max]`, null ends free): a free end follows the data's
 * extent, padded by 5% of its span. Null when neither end is set or nothing fixes the free end.
 */
export function axisRange(
  limits: readonly [number | null, number | null] | null | undefined,
  values: readonly unknown[],
): [number, number] | null {
  if (!limits || (limits[0] === null && limits[1] === null)) return null;
  const [lo, hi] = limits;
  if (lo !== null && hi !== null) return [lo, hi];
  const extent = extentOf(values);
  if (!extent) return null;
  const [min, max] = extent;
  const pad = (max - min || Math.abs(max) || 1) * 0.05;
  if (lo !== null) return [lo, Math.max(max + pad, lo + pad)];
  return [Math.min(min - pad, hi! - pad), hi!];
}

/** Rows a line keeps at most before it is thinned (Gradio's threshold). */
export const DOWNSAMPLE_THRESHOLD = 1000;
/** Bins a thinned line keeps the lowest and highest point of. */
export const DOWNSAMPLE_BINS = 250;

/**
 * Thins a long line as Gradio does: with more than {@link DOWNSAMPLE_THRESHOLD} points, the x
 * range is cut into {@link DOWNSAMPLE_BINS} bins and each keeps only its lowest and highest point,
 * so the line keeps its shape at a fraction of the points. With `[start, end]`, points outside
 * are dropped but for the nearest one on each side (the line runs on to the edge). `rows` are
 * indices sorted by x; returns the indices kept, in x order.
 */
export function downsampleLine(
  rows: readonly number[],
  xOf: (row: number) => number | null,
  yOf: (row: number) => number | null,
  range?: readonly [number, number] | null,
): number[] {
  let inside = rows;
  const edges: number[] = [];
  if (range) {
    const [start, end] = range;
    const before = rows.filter((r) => (xOf(r) ?? Infinity) < start).at(-1);
    const after = rows.find((r) => (xOf(r) ?? -Infinity) > end);
    inside = rows.filter((r) => {
      const x = xOf(r);
      return x !== null && x >= start && x <= end;
    });
    if (before !== undefined) edges.push(before);
    if (after !== undefined) edges.push(after);
  }
  if (inside.length <= DOWNSAMPLE_THRESHOLD) return [...inside, ...edges].sort((a, b) => rows.indexOf(a) - rows.indexOf(b));
  const [low, high] = extentOf(inside.map(xOf)) ?? [0, 0];
  const start = range?.[0] ?? low;
  const end = range?.[1] ?? high;
  const size = (end - start) / DOWNSAMPLE_BINS || 1;
  const bins = new Map<number, { min: number; max: number }>();
  for (const row of inside) {
    const x = xOf(row);
    const y = yOf(row);
    if (x === null || y === null) continue;
    const bin = Math.min(Math.floor((x - start) / size), DOWNSAMPLE_BINS - 1);
    const kept = bins.get(bin);
    if (!kept) bins.set(bin, { min: row, max: row });
    else {
      if (y < yOf(kept.min)!) kept.min = row;
      if (y > yOf(kept.max)!) kept.max = row;
    }
  }
  const keep = new Set<number>(edges);
  for (const { min, max } of bins.values()) {
    keep.add(min);
    keep.add(max);
  }
  return rows.filter((r) => keep.has(r));
}
