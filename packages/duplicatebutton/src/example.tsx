import type { ExampleProps } from "@vitrine/core";

/** The DuplicateButton's example view: the button's text. */
export function DuplicateButtonExample({ value }: ExampleProps<string | null>) {
  return <span className="vt-example-text">{value ?? ""}</span>;
}
