/** Browser entry: the Gallery view. The page loads this module and renders its default export. */
export { GalleryView as default, GalleryView, itemName, type GalleryViewProps } from "./view.js";
export { GalleryExample as Example } from "./example.js";
