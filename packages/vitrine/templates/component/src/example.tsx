import type { ExampleProps } from "@vitrine/core";

/** The __CLASS__'s example view: its text, as a cell of an Examples table shows it. */
export function __CLASS__Example({ value }: ExampleProps<string | null>) {
  return <span className="vt-example-text">{value ?? ""}</span>;
}
