/** The events a DownloadButton fires: `click`, as the download starts. */
export const downloadButtonEvents = ["click"] as const;
/** One of the names in `downloadButtonEvents`, for typing listeners and event data. */
export type DownloadButtonEvent = (typeof downloadButtonEvents)[number];
