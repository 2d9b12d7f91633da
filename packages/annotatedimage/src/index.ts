export {
  AnnotatedImage,
  AnnotatedImageComponent,
  type Annotation as ImageAnnotation,
  type AnnotatedImageData,
  type AnnotatedImageInput,
  type AnnotatedImageOutput,
  type AnnotatedImageProps,
  type Box as AnnotationBox,
  type Mask as AnnotationMask,
} from "./process.js";
export { annotatedImageEvents, type AnnotatedImageEvent, type AnnotatedImageEventData } from "./events.js";
export { DEFAULT_PALETTE as ANNOTATION_PALETTE, labelColors as annotationColors } from "./colors.js";
