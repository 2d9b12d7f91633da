/** Browser entry: the Audio view. The page loads this module and renders its default export. */
export { AudioView as default, AudioView, type AudioViewProps } from "./view.js";
export { AudioExample as Example } from "./example.js";
