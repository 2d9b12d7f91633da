/**
 * Markdown and HTML cells, for the browser: Markdown rendered with marked, and both cleaned by
 * DOMPurify (no `<script>`, no `on*` attributes, no `javascript:` URLs). Results are cached,
 * since a virtualised table renders the same cells again as it scrolls.
 */
import DOMPurify from "dompurify";
import { Marked } from "marked";

const markedBreaks = new Marked({ gfm: true, breaks: true, async: false });
const markedPlain = new Marked({ gfm: true, breaks: false, async: false });

const CACHE_LIMIT = 2000;
const cache = new Map<string, string>();

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
  return remember(`h\0${html}`, () => DOMPurify.sanitize(html, { ADD_ATTR: ["target"] }));
}

/** Markdown as sanitized HTML; `lineBreaks` makes single newlines `<br>` (Gradio's `line_breaks`). */
export function markdownHtml(text: string, lineBreaks: boolean): string {
  return remember(`m${lineBreaks ? 1 : 0}\0${text}`, () =>
    DOMPurify.sanitize((lineBreaks ? markedBreaks : markedPlain).parse(text) as string, { ADD_ATTR: ["target"] }),
  );
}
