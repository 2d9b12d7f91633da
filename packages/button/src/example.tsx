import type { ExampleProps } from "@vitrine/core";

/** The Button's example view: its text, as an Examples cell shows it. */
export function ButtonExample({ value }: ExampleProps<string | null>) {
  const text = typeof value === "string" ? value : value == null ? "" : String(value);
  return <span className="vt-example-text">{text}</span>;
}
