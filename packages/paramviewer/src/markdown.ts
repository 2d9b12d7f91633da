import { Marked } from "marked";
import DOMPurify from "dompurify";

/** Markdown as GitHub writes it; single newlines stay in the paragraph. */
const parser = new Marked({ gfm: true, breaks: false, async: false });

/** Links within the page (`#name`) stay in the tab; any other link opens a new one, without `window.opener`. */
function newTabLinks(node: Element): void {
  if (node.tagName === "A" && node.hasAttribute("href") && !(node.getAttribute("href") ?? "").startsWith("#")) {
    node.setAttribute("target", "_blank");
    node.setAttribute("rel", "noopener noreferrer");
  }
}

/**
 * A parameter's description, Markdown rendered by marked (as the Markdown component does) and
 * sanitized by DOMPurify: scripts, event-handler attributes and `javascript:` URLs are removed.
 *
 * @example descriptionHtml("Who to **greet**") // "<p>Who to <strong>greet</strong></p>\n"
 */
export function descriptionHtml(text: string): string {
  const html = parser.parse(text, { async: false });
  DOMPurify.addHook("afterSanitizeAttributes", newTabLinks);
  try {
    return DOMPurify.sanitize(html, { RETURN_TRUSTED_TYPE: false });
  } finally {
    DOMPurify.removeHook("afterSanitizeAttributes", newTabLinks);
  }
}
