import type { ExampleProps } from "@vitrine/core";
import { sanitize } from "./sanitize.js";

/** The HTML example view: the value's text (tags dropped), cut at 60 characters. */
export function HtmlExample({ value }: ExampleProps<string | null>) {
  // A parsed document is inert: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(sanitize(value ?? ""), "text/html");
  const text = (doc.body.textContent ?? "").trim();
  return <span className="vt-example-text">{text.length > 60 ? `${text.slice(0, 59)}…` : text}</span>;
}
