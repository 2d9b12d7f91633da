import type { ExampleProps } from "@vitrine/core";

/** The DateTime's example view: the date text as the field shows it. */
export function DateTimeExample({ value }: ExampleProps<string | null>) {
  return <span className="vt-example-text">{typeof value === "string" ? value : ""}</span>;
}
