export {
  Video,
  PlayableVideo,
  VideoComponent,
  EXAMPLE_VIDEO_PATH,
  isVideoData,
  storelessVideo,
  type VideoData,
  type VideoFile,
  type VideoOutput,
  type VideoProps,
  type VideoSource,
  type VideoWatermark,
  type VideoWatermarkPosition,
  type VideoWebcamOptions,
} from "./process.js";
export { videoEvents, type VideoEvent, type VideoEventData } from "./events.js";
export { FfmpegError, ffmpegPath, runFfmpeg, untrustedInput, VIDEO_DEMUXERS, probeMedia, mediaDuration, parseMediaInfo, type MediaInfo, type FfmpegRunOptions, type FfmpegRunResult } from "./ffmpeg.js";
export { isPlayable, VIDEO_MIME } from "./convert.js";
export { srtToVtt, isWebVtt } from "./subtitles.js";
