/**
 * Markdown, HTML and image cells, for the browser: Markdown rendered by `@vitrine/markdown`
 * (formulas typeset with KaTeX once it is loaded), HTML cleaned by DOMPurify (no `<script>`, no
 * `on*` attributes, no `javascript:` URLs). Results are cached, since a virtualised table
 * renders the same cells again as it scrolls.
 */
import { hasMath, purify, renderMarkdown, type LatexDelimiter, type MathRenderer } from "@vitrine/markdown/ui";

/** How a table renders its "markdown" cells (one object per table and settings: it keys the cache). */
export interface MarkdownSettings {
  /** Whether single newlines become `<br>` (Gradio's `line_breaks`). */
  lineBreaks: boolean;
  /** The delimiters of formulas (Gradio's `latex_delimiters`). */
  latex: readonly LatexDelimiter[];
  /** KaTeX's renderer, or null while it is not loaded (formulas show as their source). */
  math: MathRenderer | null;
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, string>();
const settingKeys = new WeakMap<MarkdownSettings, string>();

function remember(key: string, make: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const made = make();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, made);
  return made;
}

/** HTML cleaned of scripts and event handlers. */
export function sanitizeHtml(html: string): string {
  return remember(`h\0${html}`, () => purify.sanitize(html, { ADD_ATTR: ["target"] }));
}

/** Markdown as sanitized HTML, its formulas typeset when `settings.math` is there. */
export function markdownHtml(text: string, settings: MarkdownSettings): string {
  let key = settingKeys.get(settings);
  if (key === undefined) {
    key = `m${settings.lineBreaks ? 1 : 0}${settings.math ? 1 : 0}${JSON.stringify(settings.latex)}`;
    settingKeys.set(settings, key);
  }
  return remember(`${key}\0${text}`, () =>
    renderMarkdown(text, { purify, lineBreaks: settings.lineBreaks, latexDelimiters: settings.latex, math: settings.math, codeCopyButtons: false }),
  );
}

/** Whether a "markdown" cell holds a formula (the table then loads KaTeX). */
export function markdownNeedsMath(text: string, latex: readonly LatexDelimiter[], lineBreaks: boolean): boolean {
  return text !== "" && latex.some((d) => text.includes(d.left)) && hasMath(text, latex, lineBreaks);
}

/**
 * The URL an "image" cell shows: http(s), a data URL of an image, a blob URL, or a path of
 * this server (relative or from its root); null for anything else (the cell shows its text).
 */
export function imageUrl(text: string): string | null {
  const url = text.trim();
  if (url === "") return null;
  if (/^(https?:|blob:)/i.test(url) || /^data:image\//i.test(url)) return url;
  // A relative URL has no scheme.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith("//")) return url;
  return null;
}
