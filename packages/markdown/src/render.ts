import { Marked, type Token, type TokenizerAndRendererExtension, type Tokens } from "marked";
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
/** Where the heading renderer notes the names it slugs, in a {@link renderMarkdownBlocks} call. */
let headingNames: string[] | null = null;

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
          headingNames?.push(name);
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

/** The options of {@link renderMarkdown} with their defaults filled in. */
type FullOptions = Required<RenderOptions>;

function withDefaults(options: RenderOptions): FullOptions {
  return {
    purify: options.purify,
    sanitize: options.sanitize ?? true,
    lineBreaks: options.lineBreaks ?? false,
    latexDelimiters: options.latexDelimiters ?? DEFAULT_LATEX_DELIMITERS,
    math: options.math ?? null,
    highlight: options.highlight ?? null,
    headerLinks: options.headerLinks ?? false,
    codeCopyButtons: options.codeCopyButtons ?? true,
  };
}

/**
 * Runs `render` with the renderer settings of one call in place (marked renders synchronously;
 * the renderers above read them), and puts them back after.
 */
function rendering<T>(o: FullOptions, slugs: Map<string, number> | null, render: () => T): T {
  activeMath = o.math;
  activeCode = { highlight: o.highlight, copy: o.codeCopyButtons };
  activeSlugs = slugs;
  try {
    return render();
  } finally {
    activeMath = null;
    activeCode = { highlight: null, copy: true };
    activeSlugs = null;
  }
}

/**
 * Runs `clean` with a sanitizer for marked's HTML: DOMPurify with the page-safety hooks
 * (links to other pages open in a new tab; no `position: fixed`), `<style>` forbidden. With
 * `sanitize` false, the HTML is given back as it is.
 */
function sanitizing<T>(o: FullOptions, clean: (sanitize: (html: string) => string) => T): T {
  if (!o.sanitize) return clean((html) => html);
  const { purify } = o;
  if (!purify || typeof purify.sanitize !== "function" || !purify.isSupported) {
    throw new Error("renderMarkdown: sanitizing needs a working DOMPurify instance (pass createDOMPurify(window))");
  }
  purify.addHook("afterSanitizeAttributes", safeLinks);
  purify.addHook("afterSanitizeAttributes", pageSafeStyle);
  try {
    return clean((html) => purify.sanitize(html, { RETURN_TRUSTED_TYPE: false, FORBID_TAGS: ["style"] }));
  } finally {
    purify.removeHook("afterSanitizeAttributes", pageSafeStyle);
    purify.removeHook("afterSanitizeAttributes", safeLinks);
  }
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
  const o = withDefaults(options);
  const html = rendering(o, o.headerLinks ? new Map() : null, () => parserFor(o.lineBreaks, o.latexDelimiters).parse(text ?? "", { async: false }));
  return sanitizing(o, (sanitize) => sanitize(html));
}

/**
 * One top-level block of a Markdown text (a paragraph, a list, a code block, a table…) and its
 * HTML, as {@link renderMarkdownBlocks} gives them.
 */
export interface MarkdownBlock {
  /** The block's Markdown source. */
  readonly source: string;
  /**
   * What its HTML depends on besides its source: the names of the headings before it, when
   * headings get slugs, and the text's link reference definitions. "" for none.
   */
  readonly context: string;
  /** The names of the headings it holds (slugged in order), when headings get slugs. */
  readonly headings: readonly string[];
  /** Its HTML, sanitized unless `sanitize` is false. */
  readonly html: string;
}

/** A text's blocks, and whether it holds formulas or code with a language (the view loads KaTeX or the highlighter for them). */
export interface RenderedBlocks {
  blocks: MarkdownBlock[];
  hasMath: boolean;
  hasHighlightableCode: boolean;
  /** How the text was lexed, for the next render of the text as it grows. */
  readonly lexed: LexedText;
}

/** A top-level token of a text (not a blank line), where it starts, and what it holds. */
interface LexedBlock {
  readonly token: Token;
  readonly start: number;
  /** It holds a formula. */
  readonly math: boolean;
  /** It holds code with a language. */
  readonly code: boolean;
  /**
   * It holds the opening of a display formula without being one (text added later may close
   * it, making one formula of this block and the ones after).
   */
  readonly mathOpen: boolean;
}

/** A text's top-level tokens (blank lines left out) and what each holds (opaque: pass it back). */
export interface LexedText {
  readonly text: string;
  readonly blocks: readonly LexedBlock[];
  /** The text's link reference definitions, as JSON ("" for none). */
  readonly links: string;
  /** Whether a later text that starts the same may be lexed from its last token on. */
  readonly growable: boolean;
}

/** Whether a token is a formula. */
const isMath = (token: Token): boolean => token.type === "vtMath" || token.type === "vtMathBlock";
/** Whether a token is code with a language (which the highlighter colours). */
const isHighlightableCode = (token: Token): boolean => token.type === "code" && Boolean((token as Tokens.Code).lang?.trim());

/** Whether a token, or one within it, passes `test`. */
function holds(parser: Marked, tokens: Token[], test: (token: Token) => boolean): boolean {
  let found = false;
  parser.walkTokens(tokens, (token) => {
    if (!found && test(token)) found = true;
  });
  return found;
}

/** Lexes `text` whole, or, when it continues `previous`, from `previous`'s last block on. */
function lexGrowing(parser: Marked, text: string, previous: LexedText | null, delimiters: readonly LatexDelimiter[]): LexedText {
  const last = previous && previous.growable ? previous.blocks.length - 1 : -1;
  if (previous && last >= 0 && !previous.blocks.slice(0, last).some((b) => b.mathOpen)) {
    const from = previous.blocks[last]!.start;
    // Blocks before the last one are final in Markdown once another begins: only the last one
    // (a paragraph, a list, a code block still being written) can change as text is added.
    if (text.length >= previous.text.length && text.startsWith(previous.text.slice(0, from))) {
      const tail = lexWhole(parser, text.slice(from), from, delimiters);
      if (tail.growable) return { text, blocks: [...previous.blocks.slice(0, last), ...tail.blocks], links: "", growable: true };
    }
  }
  return lexWhole(parser, text, 0, delimiters);
}

/** Lexes `text` whole; its tokens' starts are offset by `at`. */
function lexWhole(parser: Marked, text: string, at: number, delimiters: readonly LatexDelimiter[]): LexedText {
  const openers = delimiters.filter((d) => d.display).map((d) => d.left);
  const all = parser.lexer(text);
  const blocks: LexedBlock[] = [];
  let offset = 0;
  let defs = false;
  for (const token of all) {
    if (token.type === "def") defs = true;
    if (token.type !== "space") {
      blocks.push({
        token,
        start: at + offset,
        math: holds(parser, [token], isMath),
        code: holds(parser, [token], isHighlightableCode),
        mathOpen: token.type !== "vtMathBlock" && token.type !== "code" && openers.some((left) => token.raw.includes(left)),
      });
    }
    offset += token.raw.length;
  }
  const links = Object.keys(all.links).length ? JSON.stringify(all.links) : "";
  // Lexed from a later start, a text with definitions or carriage returns (which marked
  // rewrites, so that the tokens no longer add up to the text) is not lexed in part again.
  const growable = !defs && links === "" && offset === text.length;
  return { text, blocks, links, growable };
}

/**
 * Renders Markdown block by block, for text that grows (a streamed chat reply). Given the
 * result of the previous render (with the same options), a text that continues it is lexed
 * from its last block on, and each block whose source and context are unchanged is given back
 * as it was, the same object, without parsing, highlighting or sanitizing it again. The blocks'
 * HTML, joined, is what {@link renderMarkdown} gives for the whole text, except that an
 * unclosed inline tag stays within its own block. A text with a top-level HTML block (whose
 * tags may open in one block and close in another) is rendered as one block.
 *
 * @example
 * let last: RenderedBlocks | undefined;
 * for (const text of ["# Hi", "# Hi\n\nthere"]) last = renderMarkdownBlocks(text, { purify: DOMPurify }, last);
 * last!.blocks.map((b) => b.html).join(""); // "<h1>Hi</h1>\n<p>there</p>\n"
 */
export function renderMarkdownBlocks(text: string, options: RenderOptions, previous?: RenderedBlocks | null): RenderedBlocks {
  const o = withDefaults(options);
  const parser = parserFor(o.lineBreaks, o.latexDelimiters);
  const source = text ?? "";
  const lexed = lexGrowing(parser, source, previous?.lexed ?? null, o.latexDelimiters);
  const found = { hasMath: lexed.blocks.some((b) => b.math), hasHighlightableCode: lexed.blocks.some((b) => b.code), lexed };
  const before = previous?.blocks ?? [];
  if (lexed.blocks.some((b) => b.token.type === "html")) {
    // An HTML block may open a tag that a later block closes: sanitized apart, they would not nest.
    const only = before.length === 1 && before[0]!.source === source ? before[0]! : null;
    return { blocks: [only ?? { source, context: "", headings: [], html: renderMarkdown(source, o) }], ...found };
  }
  const slugs = o.headerLinks ? new Map<string, number>() : null;
  let headingContext = "";
  const blocks = rendering(o, slugs, () =>
    sanitizing(o, (sanitize) =>
      lexed.blocks.map(({ token }, i): MarkdownBlock => {
        const context = lexed.links ? `${headingContext}\u0000${lexed.links}` : headingContext;
        const was = before[i];
        let block: MarkdownBlock;
        if (was && was.source === token.raw && was.context === context) {
          block = was;
          // Its headings take their slugs again, so that later ones stay unique.
          if (slugs) for (const name of block.headings) slugify(name, slugs);
        } else {
          const headings: string[] = [];
          headingNames = slugs ? headings : null;
          try {
            block = { source: token.raw, context, headings, html: sanitize(parser.parser([token])) };
          } finally {
            headingNames = null;
          }
        }
        if (slugs && block.headings.length) headingContext += `${block.headings.join("\n")}\n`;
        return block;
      }),
    ),
  );
  return { blocks, ...found };
}

/**
 * Whether the text holds a formula between the delimiters (outside code), so that the view
 * loads KaTeX only for text that needs it.
 */
export function hasMath(text: string, latexDelimiters: readonly LatexDelimiter[] = DEFAULT_LATEX_DELIMITERS, lineBreaks = false): boolean {
  if (!latexDelimiters.length || !text || !latexDelimiters.some((d) => text.includes(d.left))) return false;
  const parser = parserFor(lineBreaks, latexDelimiters);
  return holds(parser, parser.lexer(text), isMath);
}

/**
 * Whether the text holds a fenced code block with a language, so that the view loads the
 * highlighter only for text that needs it.
 */
export function hasHighlightableCode(text: string, lineBreaks = false): boolean {
  if (!text || !(text.includes("```") || text.includes("~~~"))) return false;
  const parser = parserFor(lineBreaks, []);
  return holds(parser, parser.lexer(text), isHighlightableCode);
}
