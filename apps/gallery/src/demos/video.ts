import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, extname, join } from "node:path";
import * as vt from "vitrine";

/** What the demo does to the video. */
const EFFECTS = ["as is", "flip", "first second", "grayscale"] as const;
type Effect = (typeof EFFECTS)[number];

/** ffmpeg's video filter and options for each effect (null: the video is returned as it is). */
const FILTERS: Record<Effect, string[] | null> = {
  "as is": null,
  flip: ["-vf", "hflip,scale=trunc(iw/2)*2:trunc(ih/2)*2"],
  "first second": ["-t", "1", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2"],
  grayscale: ["-vf", "hue=s=0,scale=trunc(iw/2)*2:trunc(ih/2)*2"],
};

function seconds(n: number): string {
  return `${n.toFixed(2)} s`;
}

/**
 * A video in (upload or webcam recording), an effect applied with ffmpeg, the video out with
 * subtitles naming the effect. Videos a browser cannot play (.avi, .mkv, …) come out as mp4.
 */
export function video() {
  // Results go to one folder per demo, named after the upload (its cache folder) and the effect.
  const outDir = join(tmpdir(), `vitrine-video-demo-${process.pid}`);

  async function apply(input: string | null, effect: Effect): Promise<[[string, string] | string, string]> {
    if (!input) throw new vt.Error("Upload or record a video first.");
    const info = await vt.probeMedia(input);
    const duration = await vt.mediaDuration(input, info);
    const details =
      `Input: ${seconds(duration)}, ${info.videoCodec}${info.audioCodec ? ` + ${info.audioCodec}` : ", no sound"}` +
      (info.width ? `, ${info.width}x${info.height}` : "") + `. Effect: ${effect}.`;
    const filter = FILTERS[effect];
    if (!filter) return [input, details];
    mkdirSync(outDir, { recursive: true });
    const stem = `${basename(dirname(input))}-${basename(input, extname(input))}-${effect.replace(/\W+/g, "-")}`;
    const out = join(outDir, `${stem}.mp4`);
    await vt.runFfmpeg(["-i", input, ...filter, "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", "-y", out]);
    const subtitles = join(outDir, `${stem}.srt`);
    const end = Math.max(1, Math.round(effect === "first second" ? 1 : duration));
    writeFileSync(subtitles, `1\n00:00:00,000 --> 00:00:${String(end).padStart(2, "0")},000\n${effect}\n`);
    return [[out, subtitles], details];
  }

  return new vt.Interface({
    fn: apply,
    inputs: [vt.Video({ label: "video" }), vt.Radio({ choices: [...EFFECTS], value: "as is", label: "effect" })],
    outputs: [vt.Video({ label: "result", autoplay: false }), vt.Textbox({ label: "details" })],
    title: "Video",
    description: "Upload a video or record one with the webcam, pick an effect, press **Submit**. Videos a browser cannot play (.avi, .mkv, …) are converted to mp4.",
  });
}
