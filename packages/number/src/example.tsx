import type { ExampleProps } from "@vitrine/core";

/** The Number's example view: the number as text. */
export function NumberExample({ value }: ExampleProps<number | null>) {
  return <span className="vt-example-text">{value == null ? "" : String(value)}</span>;
}
