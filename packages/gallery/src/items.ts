/** The wire form of a gallery's items, shared by the server side and the view. */
import type { FileData } from "@vitrine/core";

/** One image of a gallery on the wire (Gradio's GalleryImage). */
export interface GalleryImageData {
  /** The image file. */
  image: FileData;
  /** Text shown under the image, or null. */
  caption: string | null;
}

/** One video of a gallery on the wire (Gradio's GalleryVideo). */
export interface GalleryVideoData {
  /** The video file. */
  video: FileData;
  /** Text shown under the video, or null. */
  caption: string | null;
}

/** One item of a gallery on the wire: an image or a video, with its caption. */
export type GalleryItem = GalleryImageData | GalleryVideoData;

/** Whether a wire item is a video. */
export function isGalleryVideo(item: GalleryItem): item is GalleryVideoData {
  return "video" in item;
}

/** The file of a wire item (its image or its video). */
export function galleryItemFile(item: GalleryItem): FileData {
  return isGalleryVideo(item) ? item.video : item.image;
}

