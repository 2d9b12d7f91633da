/** Browser entry: the Image view. The page loads this module and renders its default export. */
export { ImageView as default, ImageView, type ImageViewProps } from "./view.js";
export { ImageExample as Example } from "./example.js";
