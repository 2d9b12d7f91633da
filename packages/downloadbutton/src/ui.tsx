/** Browser entry: the DownloadButton view. The page loads this module and renders its default export. */
export { DownloadButtonView as default, DownloadButtonView, type DownloadButtonViewProps } from "./view.js";
export { DownloadButtonExample as Example } from "./example.js";
