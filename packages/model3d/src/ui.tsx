/** Browser entry: the Model3D view. The page loads this module and renders its default export; three.js loads only with a model. */
export { Model3DView as default, Model3DView, type Model3DViewProps } from "./view.js";
export { Model3DExample as Example } from "./example.js";
