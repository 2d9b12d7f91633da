/** Browser entry: the Video view. The page loads this module and renders its default export. */
export { VideoView as default, VideoView, looksLikeVideo, type VideoValue, type VideoViewProps } from "./view.js";
export { VideoExample as Example } from "./example.js";
