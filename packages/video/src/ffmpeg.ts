/**
 * Running ffmpeg (the binary of `@ffmpeg-installer/ffmpeg`, or `FFMPEG_PATH`) as a child process,
 * never blocking the event loop, and reading what a file holds from `ffmpeg -i`'s report (there
 * is no ffprobe).
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/** An ffmpeg run that failed: its exit code and the last lines it printed. */
export class FfmpegError extends Error {
  constructor(
    message: string,
    /** ffmpeg's exit code (null when it was killed or never started). */
    readonly code: number | null,
    /** The end of what ffmpeg printed on stderr. */
    readonly stderr: string,
  ) {
    super(message);
    this.name = "FfmpegError";
  }
}

let cachedPath: string | null = null;

/**
 * The ffmpeg binary: `FFMPEG_PATH` when set, else the one `@ffmpeg-installer/ffmpeg` installed
 * for this platform. Throws a clear error when neither exists.
 */
export function ffmpegPath(): string {
  if (process.env.FFMPEG_PATH) return process.env.FFMPEG_PATH;
  if (cachedPath) return cachedPath;
  try {
    const installer = createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string };
    cachedPath = installer.path;
    return cachedPath;
  } catch (error) {
    throw new Error(
      `Video needs ffmpeg: @ffmpeg-installer/ffmpeg has no binary for ${process.platform}-${process.arch} ` +
        `(${(error as Error).message}). Install ffmpeg and set FFMPEG_PATH to it.`,
    );
  }
}

/** Options of {@link runFfmpeg}. */
export interface FfmpegRunOptions {
  /** Kills ffmpeg when it fires. */
  signal?: AbortSignal;
  /** Resolve even when ffmpeg exits with an error (for `ffmpeg -i` probes, which always do). */
  allowFailure?: boolean;
}

/** What an ffmpeg run left: its exit code and its stderr (ffmpeg reports everything there). */
export interface FfmpegRunResult {
  /** ffmpeg's exit code, or null when a signal stopped it. */
  code: number | null;
  /** Everything ffmpeg wrote to stderr. */
  stderr: string;
}

/** Keeps the last `max` characters of what a stream wrote. */
const STDERR_LIMIT = 64 * 1024;

/** The last few meaningful lines of ffmpeg's stderr, for an error message. */
export function lastLines(stderr: string, count = 3): string {
  return stderr
    .split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(frame|size)=/.test(l))
    .slice(-count)
    .join(" / ");
}

/**
 * Runs ffmpeg with `args` (after `-hide_banner -nostdin`) and resolves when it exits. Rejects with
 * an {@link FfmpegError} naming ffmpeg's own complaint when it fails (unless `allowFailure`).
 */
export function runFfmpeg(args: readonly string[], options: FfmpegRunOptions = {}): Promise<FfmpegRunResult> {
  const bin = ffmpegPath();
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["-hide_banner", "-nostdin", ...args], { stdio: ["ignore", "ignore", "pipe"], signal: options.signal });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.length > STDERR_LIMIT * 2) stderr = stderr.slice(-STDERR_LIMIT);
    });
    child.on("error", (error) => {
      const aborted = (error as Error).name === "AbortError";
      reject(new FfmpegError(aborted ? "ffmpeg was stopped" : `could not run ffmpeg (${bin}): ${error.message}`, null, stderr));
    });
    child.on("close", (code) => {
      if (code === 0 || options.allowFailure) resolve({ code, stderr });
      else reject(new FfmpegError(`ffmpeg failed (exit code ${code}): ${lastLines(stderr) || "no message"}`, code, stderr));
    });
  });
}

/**
 * The demuxers ffmpeg may use on a file a user gave: video containers only. Playlists (hls,
 * concat, dash) and other formats that open further files or URLs are refused, so an upload
 * cannot make ffmpeg read other files of the server or reach the network.
 */
export const VIDEO_DEMUXERS = [
  "mov", "matroska", "avi", "ogg", "flv", "mpeg", "mpegts", "asf", "gif", "h264", "hevc", "m4v", "mxf", "nut", "rm",
  "dv", "ivf", "mjpeg", "yuv4mpegpipe", "3gp", "obu",
] as const;

/** ffmpeg's arguments that open `path` as an untrusted input: local file only, video demuxers only. */
export function untrustedInput(path: string): string[] {
  return ["-protocol_whitelist", "file", "-format_whitelist", VIDEO_DEMUXERS.join(","), "-i", path];
}

/** What `ffmpeg -i` says a media file holds. */
export interface MediaInfo {
  /** The demuxer's names ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "avi", …). */
  container: string;
  /** Duration in seconds, or null when the file does not say (MediaRecorder's webm). */
  duration: number | null;
  /** The first video stream's codec ("h264", "mpeg4", "vp8", …), or null. */
  videoCodec: string | null;
  /** The first audio stream's codec ("aac", "opus", …), or null when there is no audio. */
  audioCodec: string | null;
  /** The first video stream's size in pixels, when known. */
  width: number | null;
  /** The first video stream's height in pixels, when known. */
  height: number | null;
}

/** Parses the report `ffmpeg -i <file>` prints for its first input. */
export function parseMediaInfo(stderr: string): MediaInfo | null {
  const input = /Input #0, ([^\n]*?), from /.exec(stderr);
  if (!input) return null;
  const d = /Duration: (\d+):(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const duration = d ? Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]) : null;
  const video = /Stream #0:\d+[^:]*: Video: (\w+)([^\n]*)/.exec(stderr);
  const audio = /Stream #0:\d+[^:]*: Audio: (\w+)/.exec(stderr);
  const size = video ? /,\s*(\d{2,5})x(\d{2,5})[\s,]/.exec(video[2]! + ",") : null;
  return {
    container: input[1]!,
    duration,
    videoCodec: video ? video[1]! : null,
    audioCodec: audio ? audio[1]! : null,
    width: size ? Number(size[1]) : null,
    height: size ? Number(size[2]) : null,
  };
}

/**
 * Reads what a media file holds with `ffmpeg -i` (video containers only: see {@link VIDEO_DEMUXERS}). Rejects with a clear error when ffmpeg cannot
 * read it (not a media file, or a broken one).
 */
export async function probeMedia(path: string, options: { signal?: AbortSignal } = {}): Promise<MediaInfo> {
  const { stderr } = await runFfmpeg(untrustedInput(path), { ...options, allowFailure: true });
  const info = parseMediaInfo(stderr);
  if (!info) throw new FfmpegError(`ffmpeg cannot read it: ${lastLines(stderr, 2) || "no message"}`, 1, stderr);
  return info;
}

/**
 * A video's duration in seconds. When its header does not say (a MediaRecorder webm), the file
 * is decoded to the end and the last timestamp is the duration.
 */
export async function mediaDuration(path: string, info?: MediaInfo, options: { signal?: AbortSignal } = {}): Promise<number> {
  const known = (info ?? (await probeMedia(path, options))).duration;
  if (known !== null) return known;
  const { stderr } = await runFfmpeg([...untrustedInput(path), "-map", "0:v:0?", "-map", "0:a:0?", "-f", "null", "-"], options);
  const times = [...stderr.matchAll(/time=(\d+):(\d+):(\d+(?:\.\d+)?)/g)];
  const last = times.at(-1);
  if (!last) throw new FfmpegError(`could not measure the duration: ${lastLines(stderr, 1) || "no message"}`, 0, stderr);
  return Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3]);
}
