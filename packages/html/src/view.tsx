import { useMemo } from "react";
import type { ViewProps } from "@vitrine/core";
import { sanitize } from "./sanitize.js";

/** Config props the HTML view reads. */
export interface HtmlViewProps {
  sanitize_html: boolean;
  min_height: number | string | null;
  max_height: number | string | null;
  padding: boolean;
}

function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/**
 * The HTML view: the value inserted as HTML, cleaned by DOMPurify unless `sanitize_html` is
 * false (scripts inserted this way never run: browsers do not execute `<script>` set through
 * `innerHTML`). A click anywhere in it fires `click`.
 */
export function HtmlView({ value, props, dispatch }: ViewProps<string, HtmlViewProps>) {
  const html = useMemo(() => (props.sanitize_html === false ? (value ?? "") : sanitize(value ?? "")), [value, props.sanitize_html]);
  const showLabel = props.show_label === true && Boolean(props.label);
  return (
    <div className="vt-html-block">
      {showLabel ? <span className="vt-label">{props.label}</span> : null}
      <div
        className="vt-html prose"
        role="region"
        aria-label={props.label ?? "HTML"}
        style={{
          minHeight: cssLength(props.min_height),
          maxHeight: cssLength(props.max_height),
          overflow: props.max_height != null ? "auto" : undefined,
          padding: props.padding === false ? 0 : "var(--block-padding, var(--spacing-md))",
          color: "var(--body-text-color)",
          fontFamily: "var(--font)",
        }}
        onClick={() => dispatch("click")}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </div>
  );
}
