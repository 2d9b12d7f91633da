import { useEffect, useLayoutEffect, useMemo, useRef, useState, type MouseEvent } from "react";
import DOMPurify from "dompurify";
import type { ViewProps } from "@vitrine/core";
import {
  DEFAULT_LATEX_DELIMITERS,
  renderMarkdownBlocks,
  type CodeHighlighter,
  type LatexDelimiter,
  type RenderedBlocks,
  type MathRenderer,
  type RenderOptions,
} from "./render.js";
import { patchBlocks, type ShownBlock } from "./blocks-dom.js";
import { markdownStyle } from "./style.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { loadedMathRenderer, useLoadMath } from "./math.js";

/** Config props the Markdown view reads. */
export interface MarkdownViewProps {
  /** Whether HTML in the rendered Markdown is sanitized (scripts, event handlers and `javascript:` links removed). */
  sanitize_html: boolean;
  /** Whether single newlines become line breaks (`<br>`). */
  line_breaks: boolean;
  /** Right-to-left text. */
  rtl: boolean;
  /** Delimiters of the LaTeX formulas typeset with KaTeX, each `display` (on a line of its own) or inline. */
  latex_delimiters?: readonly LatexDelimiter[];
  /** Whether headings get an id (a GitHub-style slug) and a `#` link to themselves. */
  header_links?: boolean;
  /** Gradio 5's spelling of `buttons: ["copy"]`. */
  show_copy_button?: boolean;
  /** Buttons over the text (Gradio 6): `"copy"` copies the whole source. */
  buttons?: readonly string[] | null;
  /** Whether the text has the theme's block padding around it. */
  padding?: boolean;
  /** Height of the Markdown: pixels, or a CSS length; taller text scrolls. */
  height?: number | string | null;
  /** Largest height (pixels or a CSS length); taller text scrolls. */
  max_height?: number | string | null;
  /** Smallest height (pixels or a CSS length). */
  min_height?: number | string | null;
}

function sameDelimiters(a: readonly LatexDelimiter[], b: readonly LatexDelimiter[]): boolean {
  return a === b || (a.length === b.length && a.every((d, i) => d.left === b[i]!.left && d.right === b[i]!.right && d.display === b[i]!.display));
}

/** Whether two renders' options give the same HTML for the same source. */
function sameOptions(a: RenderOptions, b: RenderOptions): boolean {
  return (
    a.purify === b.purify &&
    a.sanitize === b.sanitize &&
    a.lineBreaks === b.lineBreaks &&
    sameDelimiters(a.latexDelimiters ?? [], b.latexDelimiters ?? []) &&
    a.math === b.math &&
    a.highlight === b.highlight &&
    a.headerLinks === b.headerLinks &&
    a.codeCopyButtons === b.codeCopyButtons
  );
}

/** A CSS length from a number (pixels) or a CSS string. */
function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/** highlight.js once loaded (shared by every Markdown of the page), and its loading. */
let loadedHighlight: CodeHighlighter | null = null;
let loadingHighlight: Promise<CodeHighlighter> | null = null;

/**
 * How the view loads the highlighter: `./highlight.ts` bundled on its own
 * (scripts/build-highlight.mjs) beside this view, served at `components/markdown/highlight.js`.
 * Imported by URL so the view's bundle holds no part of it. Tests may replace `load`.
 */
export const highlighterModule = {
  load: (): Promise<{ highlightCode: CodeHighlighter }> =>
    import(/* @vite-ignore */ new URL("./markdown/highlight.js", import.meta.url).href) as Promise<{ highlightCode: CodeHighlighter }>,
};

/** Loads highlight.js, the first time a Markdown holds a code block with a language. */
function loadHighlight(): Promise<CodeHighlighter> {
  loadingHighlight ??= highlighterModule
    .load()
    .then(({ highlightCode }) => {
      loadedHighlight = highlightCode;
      return highlightCode;
    })
    .catch((err: unknown) => {
      loadingHighlight = null;
      throw err;
    });
  return loadingHighlight;
}

/** Writes text to the clipboard (the Clipboard API where the page may use it). */
async function copyText(text: string): Promise<void> {
  if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) await navigator.clipboard.writeText(text);
}

/** Shows "Copied" on a button for a moment. */
function flashCopied(button: HTMLElement, idle: string): void {
  button.textContent = "Copied";
  setTimeout(() => {
    button.textContent = idle;
  }, 1500);
}

/**
 * The Markdown view: the value rendered by marked and, unless `sanitize_html` is false,
 * sanitized by DOMPurify before it reaches the page. Formulas between `latex_delimiters` are
 * typeset by KaTeX, loaded only when the text holds one (their source shows meanwhile). The text
 * is rendered block by block: when it changes (a streamed reply growing), the blocks before the
 * first changed one keep their HTML and their nodes in the page.
 */
export function MarkdownView({ value, props, status, dispatch }: ViewProps<string | null, MarkdownViewProps>) {
  adoptStylesheet("vt-markdown-style", markdownStyle);
  const sanitize = props.sanitize_html !== false;
  const lineBreaks = props.line_breaks === true;
  const delimiters = props.latex_delimiters ?? DEFAULT_LATEX_DELIMITERS;
  const text = value ?? "";
  const headerLinks = props.header_links === true;
  const [highlight, setHighlight] = useState<CodeHighlighter | null>(() => loadedHighlight);
  // The render last shown, with its options: a text that grows re-renders only its new blocks.
  const committed = useRef<(RenderedBlocks & { options: RenderOptions }) | null>(null);
  const [math, setMath] = useState<MathRenderer | null>(loadedMathRenderer);
  const rendered = useMemo(() => {
    const options: RenderOptions = { purify: DOMPurify, sanitize, lineBreaks, latexDelimiters: delimiters, math, highlight, headerLinks };
    const last = committed.current;
    const previous = last && sameOptions(last.options, options) ? last : null;
    try {
      return { options, ...renderMarkdownBlocks(text, options, previous) };
    } catch {
      // No working sanitizer: show nothing rather than unsanitized HTML.
      return null;
    }
  }, [text, sanitize, lineBreaks, delimiters, math, highlight, headerLinks]);
  const needsMath = rendered?.hasMath === true;
  useLoadMath(needsMath && !math, (render) => setMath(() => render));
  const needsHighlight = rendered?.hasHighlightableCode === true;
  useEffect(() => {
    if (!needsHighlight || highlight) return;
    let current = true;
    loadHighlight().then(
      (h) => {
        if (current) setHighlight(() => h);
      },
      (err: unknown) => console.warn("[vitrine] could not load the code highlighter; code shows plain:", err),
    );
    return () => {
      current = false;
    };
  }, [needsHighlight, highlight]);
  const host = useRef<HTMLDivElement>(null);
  const shown = useRef<{ host: Element | null; blocks: ShownBlock[] }>({ host: null, blocks: [] });
  useLayoutEffect(() => {
    const el = host.current;
    if (!el || !rendered) return;
    if (shown.current.host !== el) shown.current = { host: el, blocks: [] };
    shown.current.blocks = patchBlocks(el, shown.current.blocks, rendered.blocks);
    committed.current = rendered;
  }, [rendered]);
  const label = props.label ?? undefined;
  /** A code block's copy button (rendered in the HTML): copies that block's code. */
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const button = (event.target as Element).closest?.("button.vt-copy-code");
    if (!(button instanceof HTMLElement)) return;
    const code = button.parentElement?.querySelector("pre code")?.textContent ?? "";
    const copied = code.endsWith("\n") ? code.slice(0, -1) : code;
    void copyText(copied).then(() => flashCopied(button, "Copy"), () => undefined);
    dispatch?.("copy", { value: copied });
  };
  const box = {
    height: cssLength(props.height),
    maxHeight: cssLength(props.max_height),
    minHeight: cssLength(props.min_height),
  };
  const scrolls = box.height !== undefined || box.maxHeight !== undefined;
  const copyAll = props.show_copy_button === true || (Array.isArray(props.buttons) && props.buttons.includes("copy"));
  const padded = props.padding === true;
  return (
    <div className="vt-field vt-markdown-field" aria-busy={status?.stage === "pending" || status?.stage === "generating"}>
      {props.show_label && label ? <span className="vt-label">{label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {copyAll ? (
        <button
          type="button"
          className="vt-markdown-copy-all"
          aria-label="Copy Markdown"
          onClick={(event) => {
            const button = event.currentTarget;
            void copyText(text).then(() => flashCopied(button, "Copy"), () => undefined);
            dispatch?.("copy", { value: text });
          }}
        >
          Copy
        </button>
      ) : null}
      <div
        className={[scrolls ? "vt-markdown-scroll" : "", padded ? "vt-markdown-padded" : ""].filter(Boolean).join(" ") || undefined}
        style={box}
        onClick={onClick}
      >
        {rendered === null ? (
          <div className="vt-markdown" dir={props.rtl ? "rtl" : undefined}>
            {text}
          </div>
        ) : (
          <div
            className="vt-markdown"
            dir={props.rtl ? "rtl" : undefined}
            data-math={needsMath ? (math ? "ready" : "loading") : undefined}
            data-highlight={needsHighlight ? (highlight ? "ready" : "loading") : undefined}
            ref={host}
          />
        )}
      </div>
    </div>
  );
}
