import { useEffect, useMemo, useState } from "react";
import DOMPurify from "dompurify";
import type { ViewProps } from "@vitrine/core";
import { DEFAULT_LATEX_DELIMITERS, hasMath, renderMarkdown, type LatexDelimiter, type MathRenderer } from "./render.js";

/** Config props the Markdown view reads. */
export interface MarkdownViewProps {
  sanitize_html: boolean;
  line_breaks: boolean;
  rtl: boolean;
  latex_delimiters?: readonly LatexDelimiter[];
}

/** KaTeX's renderer once loaded (shared by every Markdown of the page), and its loading. */
let loadedMath: MathRenderer | null = null;
let loadingMath: Promise<MathRenderer> | null = null;

/**
 * Loads KaTeX, the first time a Markdown holds a formula: its stylesheet (with its fonts) and
 * the chunk `./katex.js` was split into. Both sit beside this view (see tools/build-ui.mjs,
 * `--lazy markdown`): the page serves them at `components/markdown/…`.
 */
function loadMath(): Promise<MathRenderer> {
  loadingMath ??= (async () => {
    if (typeof document !== "undefined" && !document.querySelector("link[data-vt-katex]")) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = new URL("./markdown/katex.css", import.meta.url).href;
      link.dataset.vtKatex = "";
      document.head.append(link);
    }
    const { renderMath } = await import("./katex.js");
    loadedMath = renderMath;
    return renderMath;
  })().catch((err: unknown) => {
    loadingMath = null;
    throw err;
  });
  return loadingMath;
}

/**
 * The Markdown view: the value rendered by marked and, unless `sanitize_html` is false,
 * sanitized by DOMPurify before it reaches the page. Formulas between `latex_delimiters` are
 * typeset by KaTeX, loaded only when the text holds one (their source shows meanwhile).
 */
export function MarkdownView({ value, props, status }: ViewProps<string | null, MarkdownViewProps>) {
  const sanitize = props.sanitize_html !== false;
  const lineBreaks = props.line_breaks === true;
  const delimiters = props.latex_delimiters ?? DEFAULT_LATEX_DELIMITERS;
  const text = value ?? "";
  const needsMath = useMemo(() => hasMath(text, delimiters, lineBreaks), [text, delimiters, lineBreaks]);
  const [math, setMath] = useState<MathRenderer | null>(loadedMath);
  useEffect(() => {
    if (!needsMath || math) return;
    let current = true;
    loadMath().then(
      (render) => {
        if (current) setMath(() => render);
      },
      (err: unknown) => console.warn("[vitrine] could not load KaTeX; formulas show as source:", err),
    );
    return () => {
      current = false;
    };
  }, [needsMath, math]);
  const html = useMemo(() => {
    try {
      return renderMarkdown(text, { purify: DOMPurify, sanitize, lineBreaks, latexDelimiters: delimiters, math });
    } catch {
      // No working sanitizer: show nothing rather than unsanitized HTML.
      return null;
    }
  }, [text, sanitize, lineBreaks, delimiters, math]);
  const label = props.label ?? undefined;
  return (
    <div className="vt-field vt-markdown-field" aria-busy={status?.stage === "pending" || status?.stage === "generating"}>
      {props.show_label && label ? <span className="vt-label">{label}</span> : null}
      {html === null ? (
        <div className="vt-markdown" dir={props.rtl ? "rtl" : undefined}>
          {text}
        </div>
      ) : (
        <div
          className="vt-markdown"
          dir={props.rtl ? "rtl" : undefined}
          data-math={needsMath ? (math ? "ready" : "loading") : undefined}
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
    </div>
  );
}
