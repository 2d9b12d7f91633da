import type { SelectData } from "@vitrine/core";

/** The events an Image fires, with the data each carries. */
export const imageEvents = ["clear", "change", "stream", "select", "upload", "input"] as const;
export type ImageEvent = (typeof imageEvents)[number];

/**
 * The data its events carry: `select` gives the clicked pixel as `index: [x, y]` (in the
 * image's natural size) and `value: null`.
 */
export interface ImageEventData { select: SelectData }
