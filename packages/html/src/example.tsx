import type { ExampleProps } from "@vitrine/core";
import { sanitize } from "./sanitize.js";

/** The HTML example view: the value's text (tags dropped), or a templated value's JSON, cut at 60 characters. */
export function HtmlExample({ value }: ExampleProps<unknown>) {
  if (value !== null && value !== undefined && typeof value !== "string") {
    // A value an html_template shows (a list, an object): its JSON text.
    const json = JSON.stringify(value) ?? "";
    return <span className="vt-example-text">{json.length > 60 ? `${json.slice(0, 59)}…` : json}</span>;
  }
  // A parsed document is inert: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(sanitize(value ?? ""), "text/html");
  const text = (doc.body.textContent ?? "").trim();
  return <span className="vt-example-text">{text.length > 60 ? `${text.slice(0, 59)}…` : text}</span>;
}
