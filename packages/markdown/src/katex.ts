/**
 * KaTeX, as the Markdown view's math renderer. The view imports this module only when its text
 * holds a formula, so the page loads KaTeX (a split-off chunk, with its stylesheet and fonts)
 * only then.
 */
import katex from "katex";

/**
 * Typesets one formula with KaTeX: visual HTML (styled by KaTeX's stylesheet) and MathML for
 * screen readers. Errors in the TeX show in place, in red, instead of throwing; commands that
 * could reach outside the formula (`\href`, `\includegraphics`, `\htmlClass`, …) are refused.
 * The result is still sanitized with the rest of the Markdown.
 */
export function renderMath(tex: string, display: boolean): string {
  const html = katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    output: "htmlAndMathml",
    trust: false,
    strict: "ignore",
    maxExpand: 1000,
    maxSize: 50,
  });
  // DOMPurify removes MathML's <semantics> and <annotation> (and would leave the annotation's TeX
  // source as stray text): drop them here, keeping the formula's MathML itself.
  return html.replace(/<annotation\b[^>]*>[\s\S]*?<\/annotation>/g, "").replace(/<\/?semantics>/g, "");
}
