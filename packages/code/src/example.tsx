import type { ExampleProps } from "@vitrine/core";

/** How many characters of code an Examples cell shows before an ellipsis. */
const MAX_CHARS = 80;

/** The Code's example view: the start of the code, in the monospace font, cut short when long. */
export function CodeExample({ value }: ExampleProps<string | null>) {
  const text = typeof value === "string" ? value : "";
  const short = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  return (
    <code className="vt-example-code" title={text.length > MAX_CHARS ? text : undefined}
      style={{ fontFamily: "var(--font-mono, monospace)", whiteSpace: "pre" }}>
      {short}
    </code>
  );
}
