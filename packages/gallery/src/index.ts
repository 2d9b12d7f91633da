export {
  Gallery,
  GalleryComponent,
  isGalleryVideo,
  galleryItemFile,
  type GalleryButton,
  type GalleryImageData,
  type GalleryInput,
  type GalleryItem,
  type GalleryMedia,
  type GalleryObjectFit,
  type GalleryOutput,
  type GalleryOutputItem,
  type GalleryPayload,
  type GalleryProps,
  type GallerySource,
  type GalleryVideoData,
} from "./process.js";
export { galleryEvents, type GalleryEvent, type GalleryEventData, type GalleryDeleteData } from "./events.js";
