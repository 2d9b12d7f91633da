/** The events an UploadButton fires: `click` when pressed, `upload` once the chosen files are uploaded. */
export const uploadButtonEvents = ["click", "upload"] as const;
/** One of the names in `uploadButtonEvents`, for typing listeners and event data. */
export type UploadButtonEvent = (typeof uploadButtonEvents)[number];
