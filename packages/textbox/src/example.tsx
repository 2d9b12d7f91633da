import type { ExampleProps } from "@vitrine/core";

/** How many characters of a text an Examples cell shows before an ellipsis. */
const MAX_CHARS = 80;

/** The Textbox's example view: the text, cut short with an ellipsis when long. */
export function TextboxExample({ value }: ExampleProps<string | null>) {
  const text = typeof value === "string" ? value : value == null ? "" : String(value);
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  return (
    <span className="vt-example-text" title={text.length > MAX_CHARS ? text : undefined}>
      {short}
    </span>
  );
}
