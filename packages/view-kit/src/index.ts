/**
 * `@vitrine/view-kit`: React pieces that Vitrine's component views (and custom components)
 * share, so that each view does not write them again.
 */
export { useFileDrop, type FileDropProps } from "./file-drop.js";
export { pastedFiles, readClipboard } from "./clipboard.js";
