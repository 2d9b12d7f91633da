import { Marked, type Tokens } from "marked";
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
}

const parsers = new Map<boolean, Marked>();

/** One marked instance per line-break setting, each with links that open in a new tab. */
function parserFor(lineBreaks: boolean): Marked {
  let parser = parsers.get(lineBreaks);
  if (!parser) {
    parser = new Marked({ gfm: true, breaks: lineBreaks, async: false });
    parser.use({
      renderer: {
        link({ href, title, tokens }: Tokens.Link) {
          const text = this.parser.parseInline(tokens);
          const url = cleanUrl(href);
          if (url === null) return text;
          const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
          return `<a href="${escapeHtml(url)}"${titleAttr}${opensElsewhere(url) ? NEW_TAB : ""}>${text}</a>`;
        },
      },
    });
    parsers.set(lineBreaks, parser);
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

/**
 * Renders Markdown to HTML with marked, then, unless `sanitize` is false, cleans it with
 * DOMPurify: scripts, event-handler attributes and `javascript:` URLs are removed. Links to
 * other pages get `target="_blank" rel="noopener noreferrer"`.
 *
 * @example renderMarkdown("**hi**", { purify: DOMPurify }) // "<p><strong>hi</strong></p>\n"
 */
export function renderMarkdown(text: string, options: RenderOptions): string {
  const { purify, sanitize = true, lineBreaks = false } = options;
  const html = parserFor(lineBreaks).parse(text ?? "", { async: false });
  if (!sanitize) return html;
  if (!purify || typeof purify.sanitize !== "function" || !purify.isSupported) {
    throw new Error("renderMarkdown: sanitizing needs a working DOMPurify instance (pass createDOMPurify(window))");
  }
  purify.addHook("afterSanitizeAttributes", safeLinks);
  try {
    return purify.sanitize(html, { RETURN_TRUSTED_TYPE: false });
  } finally {
    purify.removeHook("afterSanitizeAttributes", safeLinks);
  }
}
