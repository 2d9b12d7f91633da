import type { ReactNode } from "react";

/** Escapes a string for use inside a regular expression. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Code text with each of `words` turned into a link to `#h-<word in lower case>` (Gradio's
 * `linkify`). Words are matched literally; the longest first where they overlap. Built as React
 * nodes, so the text is never parsed as HTML.
 */
export function linkifyCode(text: string, words: readonly string[]): ReactNode[] {
  const list = words.filter((w) => w !== "").sort((a, b) => b.length - a.length);
  if (list.length === 0) return [text];
  const pattern = new RegExp(`(${list.map(escapeRegExp).join("|")})`, "g");
  return text.split(pattern).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={`#h-${part.toLowerCase()}`}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}

/** The anchor id of a parameter: `param-<name>`, or `param-<prefix>-<name>` (Gradio's slugs). */
export function parameterSlug(name: string, anchorLinks: boolean | string): string {
  const prefix = typeof anchorLinks === "string" && anchorLinks !== "" ? `param-${anchorLinks}-` : "param-";
  return prefix + name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
