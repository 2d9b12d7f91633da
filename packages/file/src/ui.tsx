/** Browser entry: the File view. The page loads this module and renders its default export. */
export { FileView as default, FileView, displayName, type FileViewProps } from "./view.js";
export { FileExample as Example } from "./example.js";
