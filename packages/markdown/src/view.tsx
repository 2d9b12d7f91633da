import { useMemo } from "react";
import DOMPurify from "dompurify";
import type { ViewProps } from "@vitrine/core";
import { renderMarkdown } from "./render.js";

/** Config props the Markdown view reads. */
export interface MarkdownViewProps {
  sanitize_html: boolean;
  line_breaks: boolean;
  rtl: boolean;
}

/**
 * The Markdown view: the value rendered by marked and, unless `sanitize_html` is false,
 * sanitized by DOMPurify before it reaches the page.
 */
export function MarkdownView({ value, props, status }: ViewProps<string | null, MarkdownViewProps>) {
  const sanitize = props.sanitize_html !== false;
  const lineBreaks = props.line_breaks === true;
  const html = useMemo(() => {
    try {
      return renderMarkdown(value ?? "", { purify: DOMPurify, sanitize, lineBreaks });
    } catch {
      // No working sanitizer: show nothing rather than unsanitized HTML.
      return null;
    }
  }, [value, sanitize, lineBreaks]);
  const label = props.label ?? undefined;
  return (
    <div className="vt-field vt-markdown-field" aria-busy={status?.stage === "pending" || status?.stage === "generating"}>
      {props.show_label && label ? <span className="vt-label">{label}</span> : null}
      {html === null ? (
        <div className="vt-markdown" dir={props.rtl ? "rtl" : undefined}>
          {value ?? ""}
        </div>
      ) : (
        <div
          className="vt-markdown"
          dir={props.rtl ? "rtl" : undefined}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
    </div>
  );
}
