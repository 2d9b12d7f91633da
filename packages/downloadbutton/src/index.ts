export { DownloadButton, DownloadButtonComponent, type DownloadButtonOutput, type DownloadButtonProps } from "./process.js";
export { downloadButtonEvents, type DownloadButtonEvent } from "./events.js";
