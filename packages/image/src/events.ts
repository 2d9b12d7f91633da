import type { SelectData } from "@vitrine/core";

/** The events an Image fires, with the data each carries. */
export const imageEvents = ["clear", "change", "stream", "select", "upload", "input"] as const;
/** One of the names in `imageEvents`, for typing listeners and event data. */
export type ImageEvent = (typeof imageEvents)[number];

/**
 * The data its events carry: `select` gives the clicked pixel as `index: [x, y]` (in the
 * image's natural size) and `value: null`.
 */
export interface ImageEventData {
  /** A pixel of the image was clicked. */
  select: SelectData;
}
