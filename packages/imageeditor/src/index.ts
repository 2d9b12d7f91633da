export {
  ImageEditor,
  ImageEditorComponent,
  Sketchpad,
  Paint,
  ImageMask,
  type EditorData,
  type EditorValue,
  type ImageEditorInput,
  type ImageEditorOutput,
  type ImageEditorProps,
  type ImageEditorTransform,
} from "./process.js";
export { Brush, Eraser, LayerOptions, WebcamOptions, type BrushColor, type BrushSettings, type EraserSettings, type LayerSettings, type WebcamSettings } from "./tools.js";
export { imageEditorEvents, type ImageEditorEvent, type ImageEditorEventData } from "./events.js";
