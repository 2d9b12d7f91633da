import type { CSSProperties } from "react";

/** Where a block sits: inside a row (side by side) or a column (stacked). */
export type Parent = "row" | "column";

/**
 * The inline style of a block's outer element: hidden when `visible` is false or "hidden"; in a column, a
 * `scale` grows it into spare height; inside a row,
 * `scale` is the flex-grow (default 1, 0 = keep its minimum width) and `min_width` the
 * minimum width, so a row wraps when its children cannot fit.
 */
export function blockStyle(props: Record<string, unknown>, parent: Parent): CSSProperties {
  const style: CSSProperties = {};
  if (props.visible === false || props.visible === "hidden") style.display = "none";
  // In a column with room to spare (an app with `fill_height`, a stretched column), a block
  // with a `scale` takes its share of the height.
  if (parent === "column" && typeof props.scale === "number" && props.scale > 0) style.flexGrow = props.scale;
  if (parent === "row") {
    const scale = typeof props.scale === "number" && props.scale >= 0 ? props.scale : 1;
    style.flex = `${scale} 1 0%`;
    if (typeof props.min_width === "number" && props.min_width > 0) style.minWidth = `min(${props.min_width}px, 100%)`;
  }
  return style;
}

/** The class list of a block: its own classes plus the user's `elem_classes`. */
export function blockClasses(base: string[], props: Record<string, unknown>): string {
  const extra = props.elem_classes;
  const user = Array.isArray(extra) ? extra : typeof extra === "string" ? extra.split(/\s+/) : [];
  return [...base, ...user].filter(Boolean).join(" ");
}

/** The HTML id of a block (`elem_id`), if set. */
export function elemId(props: Record<string, unknown>): string | undefined {
  return typeof props.elem_id === "string" && props.elem_id ? props.elem_id : undefined;
}
