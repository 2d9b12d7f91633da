/**
 * highlight.js, as the Markdown view's code highlighter. The view imports this module only when
 * its text holds a fenced code block with a language, so the page loads the highlighter (a
 * split-off chunk) only then. Token colours come from the view's stylesheet (theme variables).
 */
import hljs from "highlight.js/lib/common";

/**
 * Highlights code in a language known to highlight.js (its common set: Python, JavaScript,
 * TypeScript, JSON, Bash, HTML, CSS, SQL, …, and their aliases): HTML with
 * `<span class="hljs-…">` tokens, or null for an unknown language.
 */
export function highlightCode(code: string, language: string): string | null {
  if (!hljs.getLanguage(language)) return null;
  try {
    return hljs.highlight(code, { language, ignoreIllegals: true }).value;
  } catch {
    return null;
  }
}
