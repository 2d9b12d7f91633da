export {
  ImageSlider,
  ImageSliderComponent,
  type ImageSliderButton,
  type ImageSliderInput,
  type ImageSliderOutput,
  type ImageSliderPayload,
  type ImageSliderProps,
} from "./process.js";
export { imageSliderEvents, type ImageSliderEvent } from "./events.js";
