import type { ExampleProps } from "@vitrine/core";

/** The Label's example view: the top label (or the value, for a plain string or number). */
export function LabelExample({ value }: ExampleProps<{ label?: string | number | null } | string | number | null>) {
  const text = value == null ? "" : typeof value === "object" ? String(value.label ?? "") : String(value);
  return <span className="vt-example-text">{text}</span>;
}
