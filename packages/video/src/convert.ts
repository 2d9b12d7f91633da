/**
 * Which videos a browser plays, and the ffmpeg commands that make the others playable, change
 * their format, flip them, drop their sound or lay a watermark over them. Each conversion writes
 * into a fresh temp folder that is always removed afterwards (the result is first taken into the
 * app's file store), so a failed run leaves no file behind.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import type { FileData, FileStore } from "@vitrine/core";
import { runFfmpeg, untrustedInput, type MediaInfo } from "./ffmpeg.js";

/** Where a watermark goes: a corner (5 px from its edges) or `[x, y]` in pixels from the top left. */
export type VideoWatermarkPosition = "top-left" | "top-right" | "bottom-left" | "bottom-right" | readonly [number, number];

/** A watermark (Gradio's WatermarkOptions): a PNG or JPEG image laid, unscaled, over returned videos. */
export interface VideoWatermark {
  /** Path of the image (.png, .jpg or .jpeg). */
  watermark: string;
  /** Where it goes. Default "bottom-right". */
  position?: VideoWatermarkPosition;
}

/** MIME types of the video formats Vitrine names files with. */
export const VIDEO_MIME: Record<string, string> = {
  mp4: "video/mp4", m4v: "video/mp4", webm: "video/webm", ogg: "video/ogg", ogv: "video/ogg", mov: "video/quicktime",
  avi: "video/x-msvideo", mkv: "video/x-matroska", flv: "video/x-flv", wmv: "video/x-ms-wmv", mpeg: "video/mpeg",
  mpg: "video/mpeg", ts: "video/mp2t", "3gp": "video/3gpp", gif: "image/gif",
};

/** Container (by extension) → the video and audio codecs browsers decode in it. */
const PLAYABLE: Record<string, { video: readonly string[]; audio: readonly string[] }> = {
  mp4: { video: ["h264", "av1"], audio: ["aac", "mp3", "opus"] },
  m4v: { video: ["h264", "av1"], audio: ["aac", "mp3"] },
  webm: { video: ["vp8", "vp9", "av1"], audio: ["opus", "vorbis"] },
  ogg: { video: ["theora"], audio: ["vorbis", "opus"] },
  ogv: { video: ["theora"], audio: ["vorbis", "opus"] },
};

/** The extension of a path or URL, lower case, without the dot ("" when none). */
export function extensionOf(path: string): string {
  const clean = path.split(/[?#]/)[0]!;
  return extname(clean).slice(1).toLowerCase();
}

/** Whether browsers play a file of extension `ext` holding these streams (mp4/h264, webm/vp8-9, ogg/theora). */
export function isPlayable(ext: string, info: MediaInfo): boolean {
  const rule = PLAYABLE[ext];
  if (!rule || info.videoCodec === null || !rule.video.includes(info.videoCodec)) return false;
  return info.audioCodec === null || rule.audio.includes(info.audioCodec);
}

/** What a conversion does. */
export interface ConvertJob {
  /** The extension (format) of the result. */
  format: string;
  /** Mirror the picture left to right. */
  flip?: boolean;
  /** Drop the sound. */
  mute?: boolean;
  /** Lay this image over the picture. */
  watermark?: VideoWatermark | null;
  /** Force a re-encode even when the streams could be copied. */
  reencode?: boolean;
}

/** The overlay filter's coordinates for a watermark position. */
export function overlayAt(position: VideoWatermarkPosition | undefined): string {
  const m = 5;
  if (Array.isArray(position)) return `${position[0]}:${position[1]}`;
  switch (position) {
    case "top-left": return `${m}:${m}`;
    case "top-right": return `W-w-${m}:${m}`;
    case "bottom-left": return `${m}:H-h-${m}`;
    default: return `W-w-${m}:H-h-${m}`;
  }
}

/** Encoder options that make `format` play in browsers (and encode fast). */
function encoderArgs(format: string, mute: boolean): string[] {
  const audio = (codec: string[]) => (mute ? ["-an"] : codec);
  switch (format) {
    case "mp4": case "m4v": case "mov":
      return ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", ...audio(["-c:a", "aac"]), "-movflags", "+faststart"];
    case "webm":
      return ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "1M", ...audio(["-c:a", "libopus"])];
    case "ogg": case "ogv":
      return ["-c:v", "libtheora", "-q:v", "7", ...audio(["-c:a", "libvorbis"])];
    default:
      return mute ? ["-an"] : [];
  }
}

/**
 * The ffmpeg arguments (after the inputs) that turn a file holding `info` into `job.format`:
 * a stream copy when only the container changes and its codecs fit the new one, else a re-encode.
 */
export function convertArgs(info: MediaInfo, job: ConvertJob, output: string, watermarkInput = 1): string[] {
  const { format, flip = false, mute = false, watermark = null } = job;
  const copyable = !flip && !watermark && !job.reencode && isPlayable(format, { ...info, audioCodec: mute ? null : info.audioCodec });
  if (copyable) {
    return ["-map", "0:v:0", ...(mute ? ["-an"] : ["-map", "0:a:0?"]), "-c", "copy",
      ...(format === "mp4" || format === "m4v" ? ["-movflags", "+faststart"] : []), "-y", output];
  }
  const even = ["mp4", "m4v", "mov"].includes(format) ? "scale=trunc(iw/2)*2:trunc(ih/2)*2" : null;
  const map = ["-map", "0:a:0?"];
  let filter: string[];
  if (watermark) {
    const pre = flip ? "hflip" : "null";
    const post = even ? `,${even}` : "";
    filter = ["-filter_complex", `[0:v:0]${pre}[base];[base][${watermarkInput}:v]overlay=${overlayAt(watermark.position)}${post}[v]`, "-map", "[v]", ...(mute ? [] : map)];
  } else {
    const chain = [flip ? "hflip" : null, even].filter(Boolean).join(",");
    filter = [...(chain ? ["-vf", chain] : []), "-map", "0:v:0", ...(mute ? [] : map)];
  }
  return [...filter, ...encoderArgs(format, mute), "-y", output];
}

/**
 * Runs one conversion of the file at `input` (whose streams are `info`) and takes the result into
 * the store as `<name>.<format>`. The temp folder ffmpeg writes in is removed whatever happens.
 */
export async function convertInto(
  files: FileStore,
  input: string,
  info: MediaInfo,
  job: ConvertJob,
  name: string,
  options: { signal?: AbortSignal } = {},
): Promise<FileData> {
  const dir = await mkdtemp(join(tmpdir(), "vitrine-video-"));
  try {
    const output = join(dir, `${basename(name, extname(name)) || "video"}.${job.format}`);
    const inputs = [...untrustedInput(input), ...(job.watermark ? ["-i", job.watermark.watermark] : [])];
    await runFfmpeg([...inputs, ...convertArgs(info, job, output)], options);
    const mime = VIDEO_MIME[job.format];
    return await files.adopt(output, { name: basename(output), ...(mime ? { mime_type: mime } : {}) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
