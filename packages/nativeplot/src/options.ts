/**
 * Checks of a native plot's options, shared by the server side (which throws at construction) and
 * the view. Pure.
 */
import type { NativePlotAggregate } from "./types.js";

/** The y aggregations a plot knows. */
export const AGGREGATES: readonly NativePlotAggregate[] = ["sum", "mean", "median", "min", "max", "count"];

/** Seconds in each `x_bin` duration unit. */
export const DURATION_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * The width of one x bin: a number (the step on a quantitative x) as is, and a duration such as
 * `"15m"`, `"1h"`, `"10s"`, `"2d"` in milliseconds (the unit of temporal cells). Null when
 * `x_bin` is not set; throws on anything else.
 */
export function binStep(xBin: string | number | null | undefined): number | null {
  if (xBin === null || xBin === undefined) return null;
  if (typeof xBin === "number") {
    if (!(Number.isFinite(xBin) && xBin > 0)) throw new RangeError(`x_bin must be a positive number or a duration such as "1h", got ${xBin}`);
    return xBin;
  }
  const match = typeof xBin === "string" ? /^(\d+(?:\.\d+)?)([smhd])$/.exec(xBin.trim()) : null;
  if (!match || Number(match[1]) <= 0) {
    throw new RangeError(`x_bin must be a positive number or a duration such as "30s", "15m", "1h" or "2d", got ${JSON.stringify(xBin)}`);
  }
  return Number(match[1]) * DURATION_SECONDS[match[2]!]! * 1000;
}
