/** Browser entry: the Markdown view. The page loads this module and renders its default export. */
export { MarkdownView as default, MarkdownView, type MarkdownViewProps } from "./view.js";
export {
  renderMarkdown,
  renderMarkdownBlocks,
  type MarkdownBlock,
  type RenderedBlocks,
  hasMath,
  hasHighlightableCode,
  slugify,
  DEFAULT_LATEX_DELIMITERS,
  type RenderOptions,
  type LatexDelimiter,
  type MathRenderer,
  type CodeHighlighter,
} from "./render.js";
export { loadMath, loadedMathRenderer, useLoadMath } from "./math.js";
/** The page's DOMPurify (the one this view sanitizes with), for views that render Markdown with {@link renderMarkdown} and sanitize other HTML. */
export { default as purify } from "dompurify";
export { MarkdownExample as Example } from "./example.js";
