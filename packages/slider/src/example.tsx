import type { ExampleProps } from "@vitrine/core";

/** The Slider's example view: the number as text. */
export function SliderExample({ value }: ExampleProps<number | null>) {
  return <span className="vt-example-text">{value == null ? "" : String(value)}</span>;
}
