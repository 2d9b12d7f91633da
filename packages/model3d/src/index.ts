export {
  Model3D,
  Model3DComponent,
  EXAMPLE_MODEL_PATH,
  type CameraPosition as Model3DCameraPosition,
  type DisplayMode as Model3DDisplayMode,
  type Model3DProps,
} from "./process.js";
export { model3dEvents, type Model3DEvent, type Model3DEventData } from "./events.js";
export { MODEL_EXTENSIONS, modelExtension, type ModelExtension } from "./formats.js";
