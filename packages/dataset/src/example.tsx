import type { ExampleProps } from "@vitrine/core";
import { cellText, type DatasetViewProps } from "./view.js";

/**
 * The Dataset's example view: the sample at the index `value`, as a short text of its values
 * (`Sample 3` when the samples are not at hand).
 */
export function DatasetExample({ value, props }: ExampleProps<number | null, Partial<DatasetViewProps>>) {
  if (value === null || value === undefined) return <span className="vt-example-text" />;
  const row = props.samples?.[value];
  const text = row
    ? row.map((v, i) => cellText(v, props.components?.[i], props.component_props?.[i])).join(", ")
    : `Sample ${value + 1}`;
  return <span className="vt-example-text">{text.length > 60 ? `${text.slice(0, 59)}…` : text}</span>;
}
