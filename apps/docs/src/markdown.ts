import hljs from "highlight.js";
import { Marked, type Tokens } from "marked";

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Highlights code with highlight.js (its classes are styled by the site's CSS); unknown languages are escaped only. */
export function highlight(code: string, language = "ts"): string {
  const lang = { typescript: "ts", javascript: "js", sh: "bash", shell: "bash", console: "bash", py: "python" }[language] ?? language;
  const body = hljs.getLanguage(lang) ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value : escapeHtml(code);
  return `<pre class="code"><code class="hljs language-${escapeHtml(lang)}">${body}</code></pre>`;
}

/** Turns heading text into an anchor id: lowercase words joined by dashes. */
export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/<[^>]+>/g, "")
      .replace(/&[#\w]+;/g, "")
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .trim()
      .replace(/\s+/g, "-") || "section"
  );
}

/** A heading met while rendering: its level, text and anchor id. */
export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** Options of {@link renderMarkdown}. */
export interface RenderOptions {
  /** Maps each link target (a relative `.md` path, say) to the site's URL: unchanged to keep it, `""` to drop the link (keeping its text). */
  rewriteLink?: (href: string) => string;
  /** Headings of this depth or less are dropped (1 drops a README's title, which the page shows). */
  dropHeadingsUpTo?: number;
  /** Added to every heading's depth, so a README's `##` nests under the page's own `h2`. */
  shiftHeadings?: number;
}

/** Rendered Markdown and the headings it holds (for the page's table of contents and search). */
export interface Rendered {
  html: string;
  headings: Heading[];
}

/**
 * Renders trusted Markdown from the repository (guides, READMEs, TSDoc) to HTML with marked:
 * code highlighted at build time, headings given stable ids, links rewritten to the site's pages.
 */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): Rendered {
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  const marked = new Marked({
    gfm: true,
    renderer: {
      code({ text, lang }: Tokens.Code) {
        return highlight(text, (lang ?? "").split(/\s/)[0] || "plaintext");
      },
      heading({ tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        if (depth <= (options.dropHeadingsUpTo ?? 0)) return "";
        const text = inner.replace(/<[^>]+>/g, "");
        const base = slugify(text);
        const seen = used.get(base) ?? 0;
        used.set(base, seen + 1);
        const id = seen ? `${base}-${seen}` : base;
        const level = Math.min(6, depth + (options.shiftHeadings ?? 0));
        headings.push({ depth: level, text: unescapeEntities(text), id });
        return `<h${level} id="${id}"><a class="anchor" href="#${id}">${inner}</a></h${level}>\n`;
      },
      link({ href, title, tokens }: Tokens.Link) {
        const target = options.rewriteLink ? options.rewriteLink(href) : href;
        // A link to something the site does not hold keeps its text only.
        if (target === "") return this.parser.parseInline(tokens);
        const external = /^[a-z][a-z0-9+.-]*:/i.test(target);
        const attrs = `href="${escapeHtml(target)}"${title ? ` title="${escapeHtml(title)}"` : ""}${external ? ' rel="noopener"' : ""}`;
        return `<a ${attrs}>${this.parser.parseInline(tokens)}</a>`;
      },
    },
  });
  const html = marked.parse(markdown, { async: false });
  return { html, headings };
}

/** Renders a short piece of Markdown (a TSDoc description) to inline-friendly HTML. */
export function renderDoc(markdown: string): string {
  if (!markdown.trim()) return "";
  return renderMarkdown(markdown).html;
}

function unescapeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))).replace(/&quot;/g, '"').replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/**
 * The section of a Markdown document under the heading `title` (up to the next heading of the
 * same or a higher level), without the heading itself; the text before the first `##` when
 * `title` is null. Throws when the heading is missing, so a renamed guide section fails the build.
 */
export function markdownSection(markdown: string, title: string | null, file = "the guide"): string {
  const lines = markdown.split("\n");
  let inFence = false;
  const headingAt: { index: number; depth: number; text: string }[] = [];
  lines.forEach((line, index) => {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const m = !inFence && /^(#{1,6})\s+(.*)$/.exec(line);
    if (m) headingAt.push({ index, depth: m[1]!.length, text: m[2]!.trim() });
  });
  if (title === null) {
    const first = headingAt.find((h) => h.depth > 1);
    const start = headingAt[0]?.depth === 1 ? headingAt[0].index + 1 : 0;
    return lines.slice(start, first ? first.index : lines.length).join("\n");
  }
  const at = headingAt.findIndex((h) => h.text === title);
  if (at < 0) throw new Error(`No heading "${title}" in ${file}`);
  const { index, depth } = headingAt[at]!;
  const end = headingAt.slice(at + 1).find((h) => h.depth <= depth);
  return lines.slice(index + 1, end ? end.index : lines.length).join("\n");
}
