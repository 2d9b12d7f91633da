export {
  Image,
  ImageComponent,
  EXAMPLE_IMAGE_PATH,
  fromRgba,
  toRgba,
  type ImageArray,
  type ImageFormat,
  type ImageInput,
  type ImageMode,
  type ImageOutput,
  type ImageProps,
  type ImageSource,
  type ImageType,
  type JimpImage,
} from "./process.js";
export { imageEvents, type ImageEvent, type ImageEventData } from "./events.js";
