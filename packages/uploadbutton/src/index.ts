export { UploadButton, UploadButtonComponent, type UploadButtonProps } from "./process.js";
export { uploadButtonEvents, type UploadButtonEvent } from "./events.js";
