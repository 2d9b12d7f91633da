import type { ExampleProps } from "@vitrine/core";

/** The JSON example view: the value's JSON text on one line, cut at 60 characters. */
export function JsonExample({ value }: ExampleProps<unknown>) {
  const text = value === null || value === undefined ? "" : globalThis.JSON.stringify(value);
  return <span className="vt-example-text">{text.length > 60 ? `${text.slice(0, 59)}…` : text}</span>;
}
