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
/** Image's jimp codec, for packages that build on it (AnnotatedImage): decode and encode RGBA bitmaps, recognise formats. */
export {
  decode as decodeImage,
  encode as encodeImage,
  sniffFormat as sniffImageFormat,
  MIME as IMAGE_MIME,
  EXTENSION as IMAGE_EXTENSION,
  type RgbaBitmap,
  type SniffedFormat,
} from "./codec.js";
