/** Browser entry: the AnnotatedImage view. The page loads this module and renders its default export. */
export { AnnotatedImageView as default, AnnotatedImageView, type AnnotatedImageViewProps, type AnnotatedImageValue } from "./view.js";
export { AnnotatedImageExample as Example } from "./example.js";
