/** The events a DownloadButton fires: `click`, as the download starts. */
export const downloadButtonEvents = ["click"] as const;
export type DownloadButtonEvent = (typeof downloadButtonEvents)[number];
