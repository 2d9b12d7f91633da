/** Browser entry: the SimpleImage view. The page loads this module and renders its default export. */
export { SimpleImageView as default, SimpleImageView, type SimpleImageViewProps } from "./view.js";
export { SimpleImageExample as Example } from "./example.js";
