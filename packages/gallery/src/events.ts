import type { FileData, SelectData } from "@vitrine/core";

/** The events a Gallery fires, as Gradio 6 declares them. */
export const galleryEvents = ["select", "upload", "change", "delete", "preview_close", "preview_open"] as const;
/** One of the names in `galleryEvents`, for typing listeners and event data. */
export type GalleryEvent = (typeof galleryEvents)[number];

/** `delete`: the item the user removed from an interactive gallery, and where it was. */
export interface GalleryDeleteData {
  [field: string]: unknown;
  /** The removed image's or video's file. */
  file: FileData;
  /** Its index in the gallery before it was removed. */
  index: number;
}

/**
 * The data its events carry: `select` gives the clicked (or, in the preview, the shown) item's
 * `index` and its wire value (`{ image, caption }` or `{ video, caption }`) as `value`; `delete`
 * gives the removed file and its index.
 */
export interface GalleryEventData {
  /** An item was clicked or shown in the preview. */
  select: SelectData;
  /** An item was removed. */
  delete: GalleryDeleteData;
}
