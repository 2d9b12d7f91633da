/**
 * Colour parsing shared by the server side and the view: every accepted form becomes a
 * lower-case `#rrggbb` string, the form Gradio's colour picker gives the function.
 */

/** The colour an empty ColorPicker shows and passes (a native colour input's default). */
export const DEFAULT_COLOR = "#000000";

/** What {@link normalizeColor} accepts, for error messages. */
export const ACCEPTED_COLOR_FORMS = '"#rrggbb", "#rgb" or "rgb(r, g, b)"';

const hex6 = /^#([0-9a-f]{6})$/i;
const hex3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;
const rgbFn = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*(?:0|1|0?\.\d+)\s*)?\)$/i;

/**
 * Turns `#rrggbb`, `#rgb` or `rgb(r, g, b)` (an `rgba(…)` alpha is dropped) into lower-case
 * `#rrggbb`; returns null for anything else (a colour name, a channel over 255, …).
 */
export function normalizeColor(input: string): string | null {
  const text = input.trim();
  const six = hex6.exec(text);
  if (six) return `#${six[1]!.toLowerCase()}`;
  const three = hex3.exec(text);
  if (three) return `#${three.slice(1, 4).map((c) => c!.toLowerCase().repeat(2)).join("")}`;
  const rgb = rgbFn.exec(text);
  if (rgb) {
    const channels = rgb.slice(1, 4).map(Number);
    if (channels.some((c) => c > 255)) return null;
    return `#${channels.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
  }
  return null;
}
