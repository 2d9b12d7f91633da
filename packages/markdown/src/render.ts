import { Marked, type TokenizerAndRendererExtension, type Tokens } from "marked";
import type { DOMPurify } from "dompurify";

/** How {@link renderMarkdown} renders. */
export interface RenderOptions {
  /**
   * The DOMPurify instance that sanitizes the HTML: the default export of `dompurify` in a
   * browser, or `createDOMPurify(window)` elsewhere.
   */
  purify: DOMPurify;
  /** Whether the HTML is sanitized. Default true; only trusted text should turn it off. */
  sanitize?: boolean;
  /** Whether single newlines become `<br>`. Default false. */
  lineBreaks?: boolean;
  /**
   * The delimiters of LaTeX in the text (Gradio's `latex_delimiters`); default `$$…$$` on its
   * own (display). `[]` turns math off.
   */
  latexDelimiters?: readonly LatexDelimiter[];
  /**
   * Typesets one formula as HTML (KaTeX's `renderToString`, see `./katex.ts`). Without it,
   * formulas show as their source, in a `vt-math-pending` span, until it is given.
   */
  math?: MathRenderer | null;
  /**
   * Colours fenced code blocks by their language (highlight.js, see `./highlight.ts`). Without
   * it, code shows plain until it is given.
   */
  highlight?: CodeHighlighter | null;
  /** Whether headings get an id (a slug of their text, unique in the text) and a link to themselves. */
  headerLinks?: boolean;
  /** Whether each code block gets a "Copy code" button (the view wires its clicks). Default true. */
  codeCopyButtons?: boolean;
}

/**
 * Highlights code in a language: the HTML of the code with token `<span class="hljs-…">`s, or
 * null when the language is unknown (the code then shows plain).
 */
export type CodeHighlighter = (code: string, language: string) => string | null;

/** A pair of LaTeX delimiters, as Gradio's `latex_delimiters` entries. */
export interface LatexDelimiter {
  /** The opening delimiter (`"$$"`). */
  left: string;
  /** The closing delimiter. */
  right: string;
  /** Whether the formula is set on its own line (display) rather than in the text. */
  display: boolean;
}

/** Typesets a formula (its TeX source, without delimiters) as HTML. */
export type MathRenderer = (tex: string, display: boolean) => string;

/** Gradio's default: `$$…$$`, display. */
export const DEFAULT_LATEX_DELIMITERS: readonly LatexDelimiter[] = [{ left: "$$", right: "$$", display: true }];

/** The math renderer of the {@link renderMarkdown} call in progress (marked renders synchronously). */
let activeMath: MathRenderer | null = null;
/** The code options of the {@link renderMarkdown} call in progress. */
let activeCode: { highlight: CodeHighlighter | null; copy: boolean } = { highlight: null, copy: true };
/** The slugs given so far in the {@link renderMarkdown} call in progress, or null without header links. */
let activeSlugs: Map<string, number> | null = null;

/**
 * A heading's slug, as GitHub makes them: lower case, punctuation dropped, spaces as hyphens;
 * a repeated slug gets `-1`, `-2`, … so ids stay unique.
 */
export function slugify(text: string, seen: Map<string, number>): string {
  const base =
    text
      .toLowerCase()
      .trim()
      .replace(/<[^>]*>/g, "")
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s+/g, "-") || "section";
  let slug = base;
  let n = seen.get(base) ?? 0;
  while (seen.has(slug)) slug = `${base}-${++n}`;
  seen.set(base, n);
  seen.set(slug, seen.get(slug) ?? 0);
  return slug;
}

/** The plain text of inline tokens (for slugs and accessible names). */
function plainText(tokens: readonly Tokens.Generic[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens.map((t) => ("tokens" in t && t.tokens ? plainText(t.tokens as Tokens.Generic[], "") : typeof t.text === "string" ? t.text : "")).join("");
}

interface MathToken {
  type: "vtMath" | "vtMathBlock";
  raw: string;
  text: string;
  display: boolean;
}

/**
 * Finds a formula at the start of `src` for one pair of delimiters. A lone `$` follows
 * pandoc's rule, so prices are left alone: the opening `$` is followed by a non-space, the
 * closing one preceded by a non-space and not followed by a digit.
 */
function matchMath(src: string, d: LatexDelimiter): { raw: string; text: string } | null {
  if (!src.startsWith(d.left)) return null;
  const dollar = d.left === "$" && d.right === "$";
  if (dollar && (src.startsWith("$$") || /^\$\s/.test(src))) return null;
  let from = d.left.length;
  for (;;) {
    const end = src.indexOf(d.right, from);
    if (end < 0) return null;
    const text = src.slice(d.left.length, end);
    if (d.right.startsWith("$") && src[end - 1] === "\\") {
      from = end + 1;
      continue;
    }
    if (dollar && (/\s$/.test(text) || /^\d/.test(src.slice(end + 1)))) {
      from = end + 1;
      continue;
    }
    if (!text.trim()) return null;
    return { raw: src.slice(0, end + d.right.length), text };
  }
}

/** The marked extensions for formulas: display ones as blocks of their own, any in the text. */
function mathExtensions(delimiters: readonly LatexDelimiter[]): TokenizerAndRendererExtension[] {
  // Longer delimiters first, so `$$` is not read as two `$`.
  const sorted = [...delimiters].sort((a, b) => b.left.length - a.left.length);
  const render = (token: MathToken): string => {
    if (activeMath) return activeMath(token.text, token.display);
    return `<span class="vt-math vt-math-pending">${escapeHtml(token.raw)}</span>`;
  };
  return [
    {
      name: "vtMathBlock",
      level: "block",
      start(src: string) {
        // Only at the start of a line.
        let best: number | undefined;
        for (const d of sorted) {
          if (!d.display) continue;
          const newline = src.indexOf(`\n${d.left}`);
          const at = src.startsWith(d.left) ? 0 : newline >= 0 ? newline + 1 : -1;
          if (at >= 0 && (best === undefined || at < best)) best = at;
        }
        return best;
      },
      tokenizer(src: string) {
        for (const d of sorted) {
          if (!d.display) continue;
          const m = matchMath(src, d);
          if (!m) continue;
          // A block: the formula is all its line(s) hold.
          const rest = /^[^\S\n]*(?:\n+|$)/.exec(src.slice(m.raw.length));
          if (!rest) continue;
          return { type: "vtMathBlock", raw: m.raw + rest[0], text: m.text.trim(), display: true } satisfies MathToken;
        }
        return undefined;
      },
      renderer(token) {
        // Wide formulas scroll on their own rather than the page sideways.
        return `<div class="vt-math-display" style="overflow-x:auto;overflow-y:hidden">${render(token as unknown as MathToken)}</div>\n`;
      },
    },
    {
      name: "vtMath",
      level: "inline",
      start(src: string) {
        const found = sorted.map((d) => src.indexOf(d.left)).filter((i) => i >= 0);
        return found.length ? Math.min(...found) : undefined;
      },
      tokenizer(src: string) {
        for (const d of sorted) {
          const m = matchMath(src, d);
          if (m) return { type: "vtMath", raw: m.raw, text: m.text.trim(), display: d.display } satisfies MathToken;
        }
        return undefined;
      },
      renderer(token) {
        return render(token as unknown as MathToken);
      },
    },
  ];
}

const parsers = new Map<string, Marked>();

/** One marked instance per line-break setting and delimiters, each with links that open in a new tab. */
function parserFor(lineBreaks: boolean, delimiters: readonly LatexDelimiter[]): Marked {
  const key = JSON.stringify([lineBreaks, delimiters]);
  let parser = parsers.get(key);
  if (!parser) {
    parser = new Marked({ gfm: true, breaks: lineBreaks, async: false });
    if (delimiters.length) parser.use({ extensions: mathExtensions(delimiters) });
    parser.use({
      renderer: {
        code({ text, lang }: Tokens.Code) {
          const language = (lang ?? "").trim().split(/\s+/)[0] ?? "";
          const highlighted = language && activeCode.highlight ? activeCode.highlight(text, language) : null;
          const body = highlighted ?? escapeHtml(text);
          const cls = language ? ` class="language-${escapeHtml(language)}${highlighted !== null ? " hljs" : ""}"` : "";
          const copy = activeCode.copy ? '<button type="button" class="vt-copy-code" aria-label="Copy code">Copy</button>' : "";
          return `<div class="vt-code-block">${copy}<pre><code${cls}>${body}\n</code></pre></div>\n`;
        },
        heading({ tokens, depth, text }: Tokens.Heading) {
          const inner = this.parser.parseInline(tokens);
          if (!activeSlugs) return `<h${depth}>${inner}</h${depth}>\n`;
          const name = plainText(tokens as Tokens.Generic[], text);
          const slug = slugify(name, activeSlugs);
          const link = `<a class="vt-header-link" href="#${slug}" aria-label="Link to this section: ${escapeHtml(name.trim())}">#</a>`;
          return `<h${depth} id="${slug}">${inner}${link}</h${depth}>\n`;
        },
        link({ href, title, tokens }: Tokens.Link) {
          const text = this.parser.parseInline(tokens);
          const url = cleanUrl(href);
          if (url === null) return text;
          const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
          return `<a href="${escapeHtml(url)}"${titleAttr}${opensElsewhere(url) ? NEW_TAB : ""}>${text}</a>`;
        },
      },
    });
    parsers.set(key, parser);
  }
  return parser;
}

const NEW_TAB = ' target="_blank" rel="noopener noreferrer"';

/** Links to another page open in a new tab; links within the page (`#section`) do not. */
function opensElsewhere(href: string): boolean {
  return !href.startsWith("#");
}

function cleanUrl(href: string): string | null {
  try {
    return encodeURI(href).replace(/%25/g, "%");
  } catch {
    return null;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** After DOMPurify has cleaned an element: links to other pages open in a new tab, without `window.opener`. */
function safeLinks(node: Element): void {
  if (node.tagName === "A" && node.hasAttribute("href") && opensElsewhere(node.getAttribute("href") ?? "")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
}

/** `position` values that take an element out of its container, over the whole page. */
const PAGE_POSITIONS = /^(fixed|sticky)$/i;

/**
 * After DOMPurify has cleaned an element: an inline style may not pin it over the page
 * (`position: fixed` or `sticky`, however written); the rest of the style is kept. A style with
 * CSS escapes (`\`), which could spell `fixed` past any check, is removed whole.
 */
function pageSafeStyle(node: Element): void {
  const raw = node.getAttribute("style");
  if (raw === null) return;
  if (raw.includes("\\")) {
    node.removeAttribute("style");
    return;
  }
  const style = (node as HTMLElement).style;
  if (style && PAGE_POSITIONS.test(style.getPropertyValue("position").trim())) style.removeProperty("position");
  // Whatever the parser made of it, the text itself (comments dropped) may not ask for it either.
  const plain = (node.getAttribute("style") ?? "").replace(/\/\*[\s\S]*?\*\//g, "").toLowerCase();
  if (/position\s*:\s*(fixed|sticky)/.test(plain)) node.removeAttribute("style");
}

/**
 * Renders Markdown to HTML with marked, then, unless `sanitize` is false, cleans it with
 * DOMPurify: scripts, event-handler attributes, `javascript:` URLs, `<style>` elements (which
 * would restyle the whole page) and inline `position: fixed|sticky` (which would cover it) are removed. Links to
 * other pages get `target="_blank" rel="noopener noreferrer"`.
 *
 * @example renderMarkdown("**hi**", { purify: DOMPurify }) // "<p><strong>hi</strong></p>\n"
 */
export function renderMarkdown(text: string, options: RenderOptions): string {
  const {
    purify,
    sanitize = true,
    lineBreaks = false,
    latexDelimiters = DEFAULT_LATEX_DELIMITERS,
    math = null,
    highlight = null,
    headerLinks = false,
    codeCopyButtons = true,
  } = options;
  activeMath = math;
  activeCode = { highlight, copy: codeCopyButtons };
  activeSlugs = headerLinks ? new Map() : null;
  let html: string;
  try {
    html = parserFor(lineBreaks, latexDelimiters).parse(text ?? "", { async: false });
  } finally {
    activeMath = null;
    activeCode = { highlight: null, copy: true };
    activeSlugs = null;
  }
  if (!sanitize) return html;
  if (!purify || typeof purify.sanitize !== "function" || !purify.isSupported) {
    throw new Error("renderMarkdown: sanitizing needs a working DOMPurify instance (pass createDOMPurify(window))");
  }
  purify.addHook("afterSanitizeAttributes", safeLinks);
  purify.addHook("afterSanitizeAttributes", pageSafeStyle);
  try {
    return purify.sanitize(html, { RETURN_TRUSTED_TYPE: false, FORBID_TAGS: ["style"] });
  } finally {
    purify.removeHook("afterSanitizeAttributes", pageSafeStyle);
    purify.removeHook("afterSanitizeAttributes", safeLinks);
  }
}

/**
 * Whether the text holds a formula between the delimiters (outside code), so that the view
 * loads KaTeX only for text that needs it.
 */
export function hasMath(text: string, latexDelimiters: readonly LatexDelimiter[] = DEFAULT_LATEX_DELIMITERS, lineBreaks = false): boolean {
  if (!latexDelimiters.length || !text || !latexDelimiters.some((d) => text.includes(d.left))) return false;
  const parser = parserFor(lineBreaks, latexDelimiters);
  let found = false;
  parser.walkTokens(parser.lexer(text), (token) => {
    if (token.type === "vtMath" || token.type === "vtMathBlock") found = true;
  });
  return found;
}

/**
 * Whether the text holds a fenced code block with a language, so that the view loads the
 * highlighter only for text that needs it.
 */
export function hasHighlightableCode(text: string, lineBreaks = false): boolean {
  if (!text || !(text.includes("```") || text.includes("~~~"))) return false;
  const parser = parserFor(lineBreaks, []);
  let found = false;
  parser.walkTokens(parser.lexer(text), (token) => {
    if (token.type === "code" && (token as Tokens.Code).lang?.trim()) found = true;
  });
  return found;
}
