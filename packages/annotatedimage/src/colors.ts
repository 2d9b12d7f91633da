/**
 * The colours of annotations, shared by the server (which paints the overlays) and the view
 * (which paints the legend): a label's colour comes from `color_map`, else from a fixed palette
 * in the order labels first appear, so that both sides agree without sending colours.
 */

/** The palette labels without a `color_map` entry take their colours from, in turn. */
export const DEFAULT_PALETTE: readonly string[] = [
  "#ef4444", "#3b82f6", "#22c55e", "#f59e0b", "#a855f7",
  "#06b6d4", "#ec4899", "#84cc16", "#f97316", "#6366f1",
];

/** Parses `#rgb` or `#rrggbb` (the `#` optional) to `[r, g, b]`, or null when it is not one. */
export function parseHexColor(value: string): [number, number, number] | null {
  const hex = value.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) return [...hex].map((c) => parseInt(c + c, 16)) as [number, number, number];
  if (/^[0-9a-f]{6}$/i.test(hex)) return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  return null;
}

/**
 * The colour (a hex string) of each label of `labels`, in order: its `color_map` entry when it
 * has a valid one, else the palette's next colour for each new label (a label met again keeps
 * its colour).
 */
export function labelColors(labels: readonly string[], colorMap: Record<string, string> | null | undefined): string[] {
  const assigned = new Map<string, string>();
  let next = 0;
  return labels.map((label) => {
    const mapped = colorMap?.[label];
    if (mapped !== undefined && parseHexColor(mapped)) return mapped;
    let color = assigned.get(label);
    if (color === undefined) {
      color = DEFAULT_PALETTE[next++ % DEFAULT_PALETTE.length]!;
      assigned.set(label, color);
    }
    return color;
  });
}
