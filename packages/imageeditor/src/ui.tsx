/** Browser entry: the ImageEditor view (also Sketchpad's and ImageMask's). The page loads this module and renders its default export. */
export { ImageEditorView as default, ImageEditorView, type ImageEditorViewProps, type EditorWireValue } from "./view.js";
export { ImageEditorExample as Example } from "./example.js";
