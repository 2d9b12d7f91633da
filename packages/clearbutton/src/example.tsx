import type { ExampleProps } from "@vitrine/core";

/** The ClearButton's example view: the button's text. */
export function ClearButtonExample({ value }: ExampleProps<string | null>) {
  return <span className="vt-example-text">{value ?? ""}</span>;
}
