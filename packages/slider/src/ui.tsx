/** Browser entry: the Slider view. The page loads this module and renders its default export. */
export { SliderView as default, SliderView, type SliderViewProps } from "./view.js";
export { SliderExample as Example } from "./example.js";
