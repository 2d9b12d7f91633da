import { stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FileValuedComponent,
  VitrineError,
  FILE_DATA_SCHEMA,
  fileData,
  isFileData,
  needFiles,
  storelessFile,
  type ApiDescription,
  type ComponentProps,
  type FileData,
  type FileStore,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { VIDEO_MIME, convertInto, extensionOf, isPlayable, type ConvertJob, type VideoWatermark } from "./convert.js";
import { FfmpegError, mediaDuration, probeMedia, type MediaInfo } from "./ffmpeg.js";
import { isWebVtt, srtToVtt } from "./subtitles.js";
import { combineVideoClips, streamSegment } from "./stream.js";
import { videoEvents, type VideoEvent, type VideoEventData } from "./events.js";

export type { VideoWatermark, VideoWatermarkPosition } from "./convert.js";

/** Where the user may take a video from. */
export type VideoSource = "upload" | "webcam";

/** A video as the function returns it: a path, an http(s) URL, or a FileData. */
export type VideoFile = string | FileData;

/**
 * What a function may return for a Video: a video (path, URL or FileData), a `[video, subtitles]`
 * pair (subtitles: an .srt or .vtt path, URL or FileData, or null), or null.
 */
export type VideoOutput = VideoFile | readonly [VideoFile, VideoFile | null] | VideoData | null;

/** The wire value of a Video (Gradio's VideoData): the video and its subtitles (WebVTT), if any. */
export interface VideoData {
  /** The video file. */
  video: FileData;
  /** Its subtitles (WebVTT), or null. */
  subtitles?: FileData | null;
}

/** Webcam settings (Gradio's WebcamOptions). */
export interface VideoWebcamOptions {
  /** Whether the webcam preview is mirrored (and, with the webcam as only source, the recording flipped to match). Default true. */
  mirror?: boolean;
  /** MediaTrackConstraints for the camera (`{ width: 1280, facingMode: "environment" }`), or null for the default camera. */
  constraints?: Record<string, unknown> | null;
}

/** Props of a Video. */
export interface VideoProps extends ComponentProps<VideoOutput> {
  /**
   * The extension (format) videos are converted to: uploads before the function gets them, and
   * returned videos before the browser gets them ("mp4", "webm", "avi", …). Default none: kept
   * as they are (returned videos a browser cannot play still become mp4). Use "mp4" to be sure
   * they play.
   */
  format?: string | null;
  /** Where the user may take a video from. Default `["upload", "webcam"]`. */
  sources?: VideoSource[] | VideoSource | null;
  /** Height of the displayed video: pixels, or a CSS length. */
  height?: number | string | null;
  /** Width of the displayed video: pixels, or a CSS length. */
  width?: number | string | null;
  /** Whether the webcam is mirrored (same as `webcam_options.mirror`). Default true. */
  mirror_webcam?: boolean | null;
  /** MediaTrackConstraints for the webcam (same as `webcam_options.constraints`). */
  webcam_constraints?: Record<string, unknown> | null;
  /** Webcam settings: `mirror` and `constraints`. */
  webcam_options?: VideoWebcamOptions | null;
  /**
   * Whether the video keeps its sound: recorded from the webcam with the microphone, and kept in
   * uploads (else removed before the function gets them). Default: true when "upload" is a source.
   */
  include_audio?: boolean | null;
  /** Whether the player starts when a value arrives (browsers may refuse before the user interacts). Default false. */
  autoplay?: boolean;
  /**
   * As an output fed by a generator: each yielded clip (a short video: mp4, ts, webm, …) is
   * appended to the player as it arrives, and they play as one video without gaps; when the
   * generator ends, the value becomes one MP4 of all of them. Default false.
   */
  streaming?: boolean;
  /** Not applicable: sharing to Hugging Face Spaces discussions does not exist in Vitrine. Accepted and ignored. */
  show_share_button?: boolean | null;
  /** Whether a download button is shown. Default: shown for outputs, hidden for inputs. */
  show_download_button?: boolean | null;
  /** Shortest video (seconds) the function accepts; shorter uploads are refused with a message. */
  min_length?: number | null;
  /** Longest video (seconds) the function accepts; longer uploads are refused with a message. */
  max_length?: number | null;
  /** Whether the player loops. Default false. */
  loop?: boolean;
  /**
   * An image (.png, .jpg, .jpeg) laid over every returned video, unscaled: its path, or
   * `{ watermark: path, position }` (a corner, or `[x, y]`; default "bottom-right").
   */
  watermark?: string | VideoWatermark | null;
}

const SOURCES: readonly VideoSource[] = ["upload", "webcam"];
const WATERMARK_EXTENSIONS = [".png", ".jpg", ".jpeg"];
const CORNERS = ["top-left", "top-right", "bottom-left", "bottom-right"];

/** The short mp4 shipped with the package, used as the API page's example input. */
export const EXAMPLE_VIDEO_PATH = fileURLToPath(new URL("../assets/example.mp4", import.meta.url));

/** Gradio's VideoData schema, as `/info` describes a Video. */
const VIDEO_DATA_SCHEMA = {
  properties: {
    video: { ...FILE_DATA_SCHEMA },
    subtitles: { anyOf: [{ ...FILE_DATA_SCHEMA }, { type: "null" }], default: null },
  },
  required: ["video"],
  title: "VideoData",
  type: "object",
};

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** Whether a value is a VideoData (`{ video: FileData, subtitles? }`). */
export function isVideoData(value: unknown): value is VideoData {
  return typeof value === "object" && value !== null && !Array.isArray(value) && isFileData((value as VideoData).video);
}

/** A value given without the file store (FileData or URLs, alone or in a pair) as VideoData; else null. */
export function storelessVideo(value: unknown): VideoData | null {
  if (isVideoData(value)) return value;
  if (Array.isArray(value) && value.length === 2) {
    const video = storelessFile(value[0]);
    const subtitles = value[1] === null || value[1] === undefined ? null : storelessFile(value[1]);
    return video && (subtitles || value[1] === null || value[1] === undefined) ? { video, subtitles } : null;
  }
  const video = storelessFile(value);
  return video ? { video, subtitles: null } : null;
}

/** The name a file shows its user. */
function nameOf(file: VideoFile): string {
  if (typeof file === "string") return basename(isUrl(file) ? new URL(file).pathname : file) || "video";
  return file.orig_name || basename(file.path.split(/[?#]/)[0]!) || "video";
}

function checkWatermark(watermark: VideoProps["watermark"]): VideoWatermark | null {
  if (watermark === null || watermark === undefined) return null;
  const options = typeof watermark === "string" ? { watermark } : watermark;
  if (typeof options !== "object" || typeof options.watermark !== "string" || options.watermark === "")
    throw new TypeError(`Video: watermark must be an image path or { watermark: path, position }, got ${JSON.stringify(watermark)}`);
  const ext = extname(options.watermark).toLowerCase();
  if (!WATERMARK_EXTENSIONS.includes(ext))
    throw new TypeError(`Video: the watermark must be a ${WATERMARK_EXTENSIONS.join(", ")} image, got "${basename(options.watermark)}"`);
  const p = options.position;
  if (p !== undefined && !(Array.isArray(p) ? p.length === 2 && p.every((n) => Number.isFinite(n)) : CORNERS.includes(p as string)))
    throw new TypeError(`Video: watermark position must be one of ${CORNERS.join(", ")} or [x, y], got ${JSON.stringify(p)}`);
  return options;
}

/** A conversion kept for the life of the component: its result, valid while the file exists. */
const MEMO_LIMIT = 64;

/**
 * A video in and out, through ffmpeg. As an input the function receives the uploaded (or
 * recorded) video's path, converted to `format` when set; as an output it may return a path, a
 * URL, a FileData or a `[video, subtitles]` pair. Returned videos a browser cannot play are
 * converted to mp4 (h264 + aac); subtitles reach the browser as WebVTT.
 */
export class VideoComponent extends FileValuedComponent<string, VideoOutput, VideoData | null> {
  static override readonly events = videoEvents;
  readonly type = "video";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: VideoProps;
  private readonly watermark: VideoWatermark | null;
  private readonly memo = new Map<string, FileData>();

  constructor(props: VideoProps = {}) {
    const sources = props.sources;
    if (sources !== undefined && sources !== null) {
      const list = Array.isArray(sources) ? sources : [sources];
      if (list.length === 0 || !list.every((s) => SOURCES.includes(s)))
        throw new TypeError(`Video: sources must be "upload", "webcam" or a list of them, got ${JSON.stringify(sources)}`);
    }
    if (props.format !== undefined && props.format !== null && !/^[a-z0-9]{1,8}$/i.test(props.format.replace(/^\./, "")))
      throw new TypeError(`Video: format must be a file extension such as "mp4", got ${JSON.stringify(props.format)}`);
    for (const key of ["min_length", "max_length"] as const) {
      const v = props[key];
      if (v !== undefined && v !== null && !(typeof v === "number" && v >= 0))
        throw new TypeError(`Video: ${key} must be a number of seconds, got ${JSON.stringify(v)}`);
    }
    if (props.min_length != null && props.max_length != null && props.min_length > props.max_length)
      throw new TypeError(`Video: min_length (${props.min_length}) is more than max_length (${props.max_length})`);
    super(props);
    this.watermark = checkWatermark(props.watermark);
  }

  /** The sources, as a list. */
  get sources(): VideoSource[] {
    const s = this.props.sources ?? SOURCES;
    return Array.isArray(s) ? [...s] : [s as VideoSource];
  }

  /** The target format, without a dot, lower case; null when videos keep theirs. */
  get format(): string | null {
    const f = this.props.format;
    return f ? f.replace(/^\./, "").toLowerCase() : null;
  }

  /** Whether the webcam is mirrored. */
  get mirrorWebcam(): boolean {
    return this.props.mirror_webcam ?? this.props.webcam_options?.mirror ?? true;
  }

  /** Whether videos keep their sound (default: when uploads are allowed). */
  get includeAudio(): boolean {
    return this.props.include_audio ?? this.sources.includes("upload");
  }

  override async preprocess(payload: VideoData | FileData | null | undefined, ctx?: ProcessContext): Promise<string> {
    if (payload === null || payload === undefined) return null as unknown as string;
    const file = isFileData(payload) ? payload : isVideoData(payload) ? payload.video : null;
    if (!file) throw new TypeError('Video expects a VideoData object ({ video: { path, meta: { _type: "gradio.FileData" } }, subtitles })');
    const files = needFiles("Video", ctx);
    const path = await files.resolve(file);
    const name = nameOf(file);
    const info = await this.probe(path, name, VitrineError);
    const { min_length: min = null, max_length: max = null } = this.props;
    if (min !== null || max !== null) {
      const duration = await mediaDuration(path, info).catch((e: Error) => {
        throw new VitrineError(`Video: could not measure how long "${name}" is: ${e.message}`);
      });
      const seconds = (n: number) => `${Math.round(n * 100) / 100} s`;
      if (min !== null && duration < min)
        throw new VitrineError(`Video is too short (${seconds(duration)}): it must be at least ${seconds(min)} long`);
      if (max !== null && duration > max)
        throw new VitrineError(`Video is too long (${seconds(duration)}): it must be at most ${seconds(max)} long`);
    }
    const ext = extensionOf(path) || extensionOf(name);
    const format = this.format;
    const reformat = format !== null && ext !== format;
    const sources = this.sources;
    const flip = sources.length === 1 && sources[0] === "webcam" && this.mirrorWebcam;
    const mute = !this.includeAudio && info.audioCodec !== null;
    if (!reformat && !flip && !mute) return path;
    const target = reformat ? format! : ext || "mp4";
    const stem = basename(name, extname(name)) || "video";
    const out = await this.convert(files, path, info, { format: target, flip, mute }, `${mute && !reformat && !flip ? "muted_" : ""}${stem}${flip ? "_flip" : ""}`, name, VitrineError);
    return out.path;
  }

  override async postprocess(value: VideoOutput | undefined, ctx?: ProcessContext): Promise<VideoData | null> {
    if (value === null || value === undefined) return null;
    if (this.props.streaming) return this.streamChunk(value, needFiles("Video", ctx));
    let video: VideoFile;
    let subtitles: VideoFile | null = null;
    if (isVideoData(value)) ({ video, subtitles = null } = value);
    else if (Array.isArray(value)) {
      if (value.length !== 2) throw new TypeError(`Video: return a [video, subtitles] pair, got a list of ${value.length}`);
      if (value[0] === null || value[0] === undefined) {
        if (value[1] === null || value[1] === undefined) return null;
        throw new TypeError("Video: a [video, subtitles] pair needs a video");
      }
      [video, subtitles = null] = value as [VideoFile, VideoFile | null];
    } else video = value as VideoFile;
    if (typeof video !== "string" && !isFileData(video))
      throw new TypeError("Video: return a path, a URL, a FileData, a [video, subtitles] pair, or null");
    const files = needFiles("Video", ctx);
    const [v, s] = await Promise.all([this.formatVideo(video, files), this.formatSubtitles(subtitles, files)]);
    return { video: v, subtitles: s };
  }

  /** Where each streamed segment came from (segment path → clip path), to join the clips at the end. */
  private readonly streamedClips = new Map<string, string>();

  /** A streaming output's chunk: the yielded clip as a fragmented MP4 segment the page appends. */
  private async streamChunk(value: VideoOutput, files: FileStore): Promise<VideoData> {
    const clip = isVideoData(value) ? value.video : Array.isArray(value) ? (value[0] as VideoFile) : (value as VideoFile);
    if (typeof clip !== "string" && !isFileData(clip)) throw new TypeError("Video: a streaming output yields clips: a path, a URL or a FileData");
    const name = nameOf(clip);
    const local =
      typeof clip === "string" && !isUrl(clip) ? (await files.adopt(clip, { name })).path : await files.resolve(isFileData(clip) ? clip : fileData(clip, { orig_name: name }));
    await this.probe(local, name, Error);
    let segment: FileData;
    try {
      segment = await streamSegment(local, files);
    } catch (e) {
      if (!(e instanceof FfmpegError)) throw e;
      throw new Error(`Video: could not stream "${name}": ${e.message}`);
    }
    this.streamedClips.set(segment.path, local);
    if (this.streamedClips.size > MEMO_LIMIT * 10) this.streamedClips.delete(this.streamedClips.keys().next().value!);
    return { video: segment, subtitles: null };
  }

  /**
   * A streaming output's final value, once its generator ended: the clips it streamed joined
   * into one MP4 (`video-stream.mp4`), as Gradio's combined stream. Null when there were none.
   */
  async combineStream(chunks: readonly (VideoData | FileData)[], ctx?: ProcessContext): Promise<VideoData | null> {
    const files = needFiles("Video", ctx);
    const clips: string[] = [];
    for (const chunk of chunks) {
      const segment = isVideoData(chunk) ? chunk.video : chunk;
      clips.push(this.streamedClips.get(segment.path) ?? (await files.resolve(segment)));
    }
    const joined = await combineVideoClips(clips, files);
    return joined ? { video: joined, subtitles: null } : null;
  }

  /** Makes a returned video playable (and in `format`, with the watermark), kept in the store. */
  private async formatVideo(video: VideoFile, files: FileStore): Promise<FileData> {
    const name = nameOf(video);
    const format = this.format;
    const url = typeof video === "string" ? (isUrl(video) ? video : null) : isUrl(video.path) ? video.path : null;
    let kept: FileData | null = null;
    let local: string;
    if (url !== null) {
      const mime = VIDEO_MIME[extensionOf(url)];
      if (!this.watermark && (format === null || extensionOf(url) === format))
        return isFileData(video) ? video : fileData(url, { url, orig_name: name, ...(mime ? { mime_type: mime } : {}) });
      local = await files.resolve(fileData(url, { orig_name: name }));
    } else if (isFileData(video)) {
      local = await files.resolve(video);
      kept = video;
    } else {
      const mime = VIDEO_MIME[extensionOf(video)];
      kept = await files.adopt(video, { name, ...(mime ? { mime_type: mime } : {}) });
      local = kept.path;
    }
    const info = await this.probe(local, name, Error);
    const ext = extensionOf(local) || extensionOf(name);
    const playable = isPlayable(ext, info);
    const target = format ?? (playable ? ext : "mp4");
    if (kept && target === ext && (playable || format !== null) && !this.watermark) return kept;
    const stem = basename(name, extname(name)) || "video";
    return this.convert(files, local, info, { format: target, watermark: this.watermark }, `${stem}${this.watermark ? "_watermarked" : ""}`, name, Error);
  }

  /** Subtitles for the browser: a .vtt file as it is, an .srt file converted to WebVTT. */
  private async formatSubtitles(subtitles: VideoFile | null, files: FileStore): Promise<FileData | null> {
    if (subtitles === null || subtitles === undefined) return null;
    if (typeof subtitles !== "string" && !isFileData(subtitles)) throw new TypeError("Video: subtitles must be a path, a URL or a FileData (.srt or .vtt)");
    const name = nameOf(subtitles);
    const ext = extensionOf(name);
    if (ext !== "srt" && ext !== "vtt") throw new TypeError(`Video: subtitles must be an .srt or .vtt file, got "${name}"`);
    const path = typeof subtitles === "string" ? subtitles : subtitles.path;
    let kept: FileData | null = null;
    let local: string;
    if (isUrl(path)) local = await files.resolve(fileData(path, { orig_name: name }));
    else if (isFileData(subtitles)) local = await files.resolve(subtitles);
    else {
      kept = await files.adopt(path, { name, mime_type: ext === "vtt" ? "text/vtt" : "application/x-subrip" });
      local = kept.path;
    }
    const text = new TextDecoder().decode(await files.read(local));
    if (ext === "vtt") {
      if (!isWebVtt(text)) throw new Error(`Video: the subtitles "${name}" are not WebVTT (the file must start with "WEBVTT")`);
      return kept && kept.mime_type === "text/vtt" ? kept : files.save(new TextEncoder().encode(text), { name, mime_type: "text/vtt" });
    }
    let vtt: string;
    try {
      vtt = srtToVtt(text);
    } catch (e) {
      throw new Error(`Video: could not read the subtitles "${name}": ${(e as Error).message}`);
    }
    return files.save(new TextEncoder().encode(vtt), { name: `${basename(name, extname(name))}.vtt`, mime_type: "text/vtt" });
  }

  /** `ffmpeg -i` on a file, as an error of class `E` naming the file when ffmpeg cannot read it. */
  private async probe(path: string, name: string, E: new (message: string) => Error): Promise<MediaInfo> {
    let info: MediaInfo;
    try {
      info = await probeMedia(path);
    } catch (e) {
      if (!(e instanceof FfmpegError)) throw e;
      throw new E(`Video: "${name}" is not a video this app can read (${e.message})`);
    }
    if (info.videoCodec === null) throw new E(`Video: "${name}" has no video stream`);
    return info;
  }

  /** Runs a conversion once per input file and job (later calls reuse the stored result while it exists). */
  private async convert(files: FileStore, input: string, info: MediaInfo, job: ConvertJob, outName: string, name: string, E: new (message: string) => Error): Promise<FileData> {
    const before = await stat(input);
    const key = JSON.stringify([input, before.size, before.mtimeMs, job, outName]);
    const hit = this.memo.get(key);
    if (hit && (await stat(hit.path).then(() => true, () => false))) return hit;
    let out: FileData;
    try {
      out = await convertInto(files, input, info, job, outName);
    } catch (e) {
      if (!(e instanceof FfmpegError)) throw e;
      throw new E(`Video: could not convert "${name}" to ${job.format}: ${e.message}`);
    }
    this.memo.set(key, out);
    if (this.memo.size > MEMO_LIMIT) this.memo.delete(this.memo.keys().next().value!);
    return out;
  }

  /** A video (and its subtitles) given as FileData or URLs, as they are; paths need the file store. */
  protected override storeless(value: unknown): unknown {
    return storelessVideo(value);
  }

  api(): ApiDescription {
    return { type: VIDEO_DATA_SCHEMA, python_type: { type: "Dict(video: filepath, subtitles: filepath | None)", description: "" } };
  }

  override exampleInput(): VideoData {
    return { video: fileData(EXAMPLE_VIDEO_PATH, { orig_name: "example.mp4", mime_type: "video/mp4" }), subtitles: null };
  }

  protected override ownProps(): Record<string, unknown> {
    const { height = null, width = null, autoplay = false, loop = false, show_download_button = null, min_length = null, max_length = null, streaming = false } = this.props;
    const constraints = this.props.webcam_constraints ?? this.props.webcam_options?.constraints ?? null;
    return {
      height, width, autoplay, loop, show_download_button, min_length, max_length, streaming,
      format: this.format,
      sources: this.sources,
      include_audio: this.includeAudio,
      mirror_webcam: this.mirrorWebcam,
      webcam_constraints: constraints,
      webcam_options: { mirror: this.mirrorWebcam, constraints },
      show_share_button: false,
      // The watermark's server path stays on the server.
      watermark: undefined,
    };
  }
}
export interface VideoComponent extends Listeners<VideoEvent, VideoEventData> {}

/**
 * A video input or output, like Gradio's `gr.Video`. As an input the function receives the
 * video's path; as an output it may return a path, a URL or a `[video, subtitles]` pair.
 * @example vt.Video({ label: "Clip", sources: ["upload"], max_length: 30 })
 * @example vt.Video({ format: "mp4", watermark: { watermark: "logo.png", position: "top-left" } })
 */
export function Video(props: VideoProps = {}): VideoComponent {
  return new VideoComponent(props);
}
export type Video = VideoComponent;

/**
 * A Video whose videos are always mp4 (Gradio's `gr.PlayableVideo`): `Video({ format: "mp4" })`.
 * @example vt.PlayableVideo({ label: "Result" })
 */
export function PlayableVideo(props: VideoProps = {}): VideoComponent {
  return new VideoComponent({ ...props, format: props.format ?? "mp4" });
}
export type PlayableVideo = VideoComponent;
