/** Browser entry: the UploadButton view. The page loads this module and renders its default export. */
export { UploadButtonView as default, UploadButtonView, type UploadButtonViewProps } from "./view.js";
export { UploadButtonExample as Example } from "./example.js";
