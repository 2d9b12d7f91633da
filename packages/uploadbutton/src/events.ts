/** The events an UploadButton fires: `click` when pressed, `upload` once the chosen files are uploaded. */
export const uploadButtonEvents = ["click", "upload"] as const;
export type UploadButtonEvent = (typeof uploadButtonEvents)[number];
