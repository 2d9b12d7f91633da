import type { ExampleProps } from "@vitrine/core";
import type { HighlightedToken } from "./spans.js";

/** The HighlightedText example view: the spans' text joined, cut at 60 characters. */
export function HighlightedTextExample({ value }: ExampleProps<HighlightedToken[] | null>) {
  const text = (value ?? []).map((t) => t.token).join("");
  return <span className="vt-example-text">{text.length > 60 ? `${text.slice(0, 59)}…` : text}</span>;
}
