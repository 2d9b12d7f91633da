/**
 * Streaming Video output (`Video({ streaming: true })` fed by a generator): each clip the
 * generator yields (a path or FileData of a short video: mp4, ts, webm, …) is re-encoded by
 * ffmpeg into a self-contained fragmented MP4 segment (H.264 Constrained Baseline, no sound) that
 * the page appends to one MediaSource buffer, in order, in "sequence" mode: the clips play as one
 * video with no gap between them, whatever their own timestamps. When the generator ends, the
 * output's value becomes one MP4 of all the clips (with their sound when every clip has some),
 * as Gradio's combined stream file.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { randomUUID } from "node:crypto";
import type { FileData, FileStore } from "@vitrine/core";
import { probeMedia, runFfmpeg, untrustedInput, type MediaInfo } from "./ffmpeg.js";

/** The MediaSource type of the streamed segments: H.264 Constrained Baseline, level 4.0, no audio. */
export const STREAM_SEGMENT_TYPE = 'video/mp4; codecs="avc1.42C028"';

/** The name of the combined file (as Gradio's "video-stream"); the page knows the final value by it. */
export const COMBINED_VIDEO_NAME = "video-stream";

/** Frames per second of the streamed segments (clips of other rates are converted to it). */
const SEGMENT_FPS = 25;

/**
 * Re-encodes one clip into a fragmented MP4 segment the page's MediaSource can append (even
 * width and height, constant frame rate, a key frame first), saved in the store as
 * `chunk-<id>.mp4`.
 */
export async function streamSegment(input: string, files: FileStore): Promise<FileData> {
  const dir = await mkdtemp(join(tmpdir(), "vitrine-video-stream-"));
  try {
    const out = join(dir, `chunk-${randomUUID().slice(0, 8)}.mp4`);
    await runFfmpeg([
      ...untrustedInput(input),
      "-map", "0:v:0", "-an",
      "-vf", `fps=${SEGMENT_FPS},scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p`,
      "-c:v", "libx264", "-profile:v", "baseline", "-level", "4.0", "-preset", "veryfast", "-tune", "zerolatency",
      "-g", String(SEGMENT_FPS), "-bf", "0",
      "-movflags", "frag_keyframe+empty_moov+default_base_moof",
      "-f", "mp4", "-y", out,
    ]);
    return await files.adopt(out, { name: basename(out), mime_type: "video/mp4" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Joins clips, in order, into one MP4 (H.264 + AAC when every clip has sound, else video only),
 * saved in the store as `video-stream.mp4`. Null when there is nothing to join.
 */
export async function combineVideoClips(inputs: readonly string[], files: FileStore): Promise<FileData | null> {
  if (inputs.length === 0) return null;
  const infos: MediaInfo[] = [];
  for (const input of inputs) infos.push(await probeMedia(input));
  const sound = infos.every((i) => i.audioCodec !== null);
  const dir = await mkdtemp(join(tmpdir(), "vitrine-video-stream-"));
  try {
    const out = join(dir, `${COMBINED_VIDEO_NAME}.mp4`);
    // The first clip's size for all: each is scaled (keeping its shape) and padded to it.
    const first = infos[0]!;
    const w = 2 * Math.floor((first.width ?? 640) / 2);
    const h = 2 * Math.floor((first.height ?? 480) / 2);
    const fit = `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=${SEGMENT_FPS},format=yuv420p`;
    const chains = inputs.map((_, i) => `[${i}:v:0]${fit}[v${i}]`);
    const audio = sound ? inputs.map((_, i) => `[${i}:a:0]aresample=44100,aformat=channel_layouts=stereo[a${i}]`) : [];
    const streams = inputs.map((_, i) => (sound ? `[v${i}][a${i}]` : `[v${i}]`)).join("");
    const graph = [...chains, ...audio, `${streams}concat=n=${inputs.length}:v=1:a=${sound ? 1 : 0}${sound ? "[v][a]" : "[v]"}`].join(";");
    const script = join(dir, "graph.txt");
    await writeFile(script, graph);
    await runFfmpeg([
      ...inputs.flatMap((input) => untrustedInput(input)),
      "-filter_complex_script", script,
      "-map", "[v]", ...(sound ? ["-map", "[a]", "-c:a", "aac"] : ["-an"]),
      "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart",
      "-y", out,
    ]);
    return await files.adopt(out, { name: basename(out), mime_type: "video/mp4" });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
