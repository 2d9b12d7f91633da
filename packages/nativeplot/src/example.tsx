import type { ExampleProps } from "@vitrine/core";
import type { NativePlotData } from "./types.js";

/**
 * The native plots' example view: the plot's title, else "x × y" (as Gradio's), with the number
 * of rows of the sample.
 */
export function NativePlotExample({ value, props }: ExampleProps<NativePlotData | null, { title?: string | null; x?: string | null; y?: string | null }>) {
  const x = props.x ?? value?.columns?.[0] ?? "x";
  const y = props.y ?? value?.columns?.[1] ?? "y";
  const rows = value?.data?.length ?? 0;
  return (
    <span className="vt-example-text">
      {props.title || `${x} × ${y}`}
      {value ? ` (${rows} ${rows === 1 ? "row" : "rows"})` : ""}
    </span>
  );
}
