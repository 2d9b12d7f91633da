/**
 * Gradio's per-screen-size values of a Gallery's `columns` and `rows`: a list gives one value for
 * each of six viewport widths (below 576, 768, 992, 1200 and 1400 pixels, then wider), the last
 * one standing for the sizes after it.
 */
import { useEffect, useState } from "react";

/** The viewport widths (px) where the next value of a per-size list starts. */
export const BREAKPOINTS: readonly number[] = [576, 768, 992, 1200, 1400];

/** A value, or one per screen size (Gradio's `columns: [1, 2, 3]`). */
export type PerScreenSize = number | readonly number[];

/** The value for a viewport `width`: a number as it is; from a list, the one for the width's size (the last for wider ones). */
export function valueForWidth(value: PerScreenSize, width: number): number {
  if (typeof value === "number") return value;
  if (value.length === 0) throw new RangeError("a per-screen-size list needs at least one value");
  const size = BREAKPOINTS.filter((b) => width >= b).length;
  return value[Math.min(size, value.length - 1)]!;
}

/** The viewport's width, kept current as the window resizes (1200 without a window). */
export function useViewportWidth(): number {
  const [width, setWidth] = useState(() => (typeof window === "undefined" ? 1200 : window.innerWidth));
  useEffect(() => {
    const resized = () => setWidth(window.innerWidth);
    window.addEventListener("resize", resized);
    return () => window.removeEventListener("resize", resized);
  }, []);
  return width;
}
