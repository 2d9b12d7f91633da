import type { ExampleProps } from "@vitrine/core";

/** How many characters of the source an Examples cell shows before an ellipsis. */
const MAX_CHARS = 80;

/** The Markdown's example view: its source as plain text, cut short (no rendering in a table cell). */
export function MarkdownExample({ value }: ExampleProps<string | null>) {
  const text = typeof value === "string" ? value : "";
  return <span className="vt-example-text">{text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text}</span>;
}
