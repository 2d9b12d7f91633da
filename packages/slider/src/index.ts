export { Slider, SliderComponent, type SliderProps } from "./process.js";
export { sliderEvents, type SliderEvent } from "./events.js";
