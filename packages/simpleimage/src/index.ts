export { SimpleImage, SimpleImageComponent, SIMPLE_IMAGE_EXAMPLE_PATH, type SimpleImageOutput, type SimpleImageProps } from "./process.js";
export { simpleImageEvents, type SimpleImageEvent } from "./events.js";
