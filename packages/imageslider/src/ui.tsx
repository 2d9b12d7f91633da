/** Browser entry: the ImageSlider view. The page loads this module and renders its default export. */
export { ImageSliderView as default, ImageSliderView, type ImageSliderValue, type ImageSliderViewProps } from "./view.js";
export { ImageSliderExample as Example } from "./example.js";
