/** Browser entry: the HighlightedText view. The page loads this module and renders its default export. */
export { HighlightedTextView as default, HighlightedTextView, type HighlightedTextViewProps } from "./view.js";
export { HighlightedTextExample as Example } from "./example.js";
