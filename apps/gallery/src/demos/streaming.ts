import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vt from "vitrine";
import { flipGrey } from "./webcam.js";

/** Mean of an image's samples (0…255), rounded to one decimal. */
function mean(image: vt.ImageArray): number {
  let sum = 0;
  for (const v of image.data) sum += v;
  return Math.round((sum / Math.max(1, image.data.length)) * 10) / 10;
}

/** The frame's pixels scaled by `gain` percent (clamped), same channels. */
function scale(frame: vt.ImageArray, gain: number): vt.ImageArray {
  const data = new Uint8ClampedArray(frame.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (frame.data[i]! * gain) / 100;
  return { ...frame, data };
}

/**
 * Streaming with the page's other inputs: the webcam streams into a function that scales each
 * frame's brightness by a Gain slider. Move the slider while the camera streams: the next
 * frames use the new gain (as in Gradio, every chunk's run sees the inputs' current values).
 */
export function streaming(options: { streamEvery?: number } = {}) {
  return vt.Blocks({ title: "Streaming" }, () => {
    vt.Markdown("# Streaming\nStream your camera, then move **Gain**: the frames that follow use it.");
    vt.Row(() => {
      const camera = vt.Image({ label: "Camera", sources: "webcam", streaming: true, webcam_constraints: { width: 160, height: 120 } });
      const gain = vt.Slider({ label: "Gain", minimum: 0, maximum: 200, step: 1, value: 100 });
      const out = vt.Image({ label: "Scaled", format: "png" });
      const seen = vt.Textbox({ label: "Gain used" });
      camera.stream({
        fn: (frame: vt.ImageArray | string | null, g: number) => {
          if (frame === null || typeof frame === "string") return [null, ""] as const;
          return [scale(frame, g), String(g)] as const;
        },
        inputs: [camera, gain],
        outputs: [out, seen],
        stream_every: options.streamEvery ?? 0.2,
        time_limit: 60,
        concurrency_limit: null,
        show_progress: "hidden",
        api_name: "scaled",
      });
    });
  });
}

/**
 * A live Interface with a streaming webcam input, as Gradio's: each frame, every `stream_every`
 * seconds, runs `fn` (flipped and grey, with the frame's size and mean), until `time_limit`.
 */
export function streamingInterface(options: { streamEvery?: number; timeLimit?: number | null } = {}) {
  return new vt.Interface({
    fn: (frame: vt.ImageArray | string | null) => {
      if (frame === null || typeof frame === "string") return [null, ""] as const;
      return [flipGrey(frame), `${frame.width}x${frame.height}, mean ${mean(frame)}`] as const;
    },
    inputs: vt.Image({ label: "Camera", sources: "webcam", streaming: true, webcam_constraints: { width: 160, height: 120 } }),
    outputs: [vt.Image({ label: "Flipped", format: "png" }), vt.Textbox({ label: "Frame" })],
    live: true,
    stream_every: options.streamEvery ?? 0.1,
    time_limit: options.timeLimit === undefined ? 30 : options.timeLimit,
    title: "Streaming Interface",
  });
}

/** One chunk of a sine tone: `seconds` long at `frequency` Hz, 16-bit mono at 22050 Hz. */
function toneChunk(frequency: number, seconds: number): vt.AudioArray {
  const rate = 22050;
  const data = new Int16Array(Math.round(seconds * rate));
  for (let i = 0; i < data.length; i++) data[i] = Math.round(Math.sin((2 * Math.PI * frequency * i) / rate) * 10000);
  return { sample_rate: rate, channels: 1, data };
}

/** The colours of the box in the corner of each clip, in order (so the order shows in the picture). */
export const CLIP_COLOURS = ["red", "lime", "blue"] as const;

/** Makes the demo's clips once: one second each of ffmpeg's test pattern with a coloured box, as .ts (MPEG-TS) segments. */
let clips: Promise<string[]> | null = null;
function makeClips(): Promise<string[]> {
  clips ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "vitrine-streaming-demo-"));
    const out: string[] = [];
    for (const [i, colour] of CLIP_COLOURS.entries()) {
      const path = join(dir, `clip-${i}.ts`);
      await vt.runFfmpeg([
        "-f", "lavfi", "-i", `testsrc=duration=1:size=160x120:rate=25,drawbox=x=0:y=0:w=48:h=48:color=${colour}@1:t=fill`,
        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-y", path,
      ]);
      out.push(path);
    }
    return out;
  })().catch((e: unknown) => {
    clips = null;
    throw e;
  });
  return clips;
}

/**
 * Streamed outputs: a generator streams a tone out in chunks of 0.3, 0.4 and 0.5 s, played one
 * after the other, and another streams three one-second video clips that play as one video as
 * they arrive. When a generator ends, its output's value is one file of all its chunks (a WAV,
 * an MP4), which the page offers for download.
 */
export function streamingOutputs() {
  return vt.Blocks({ title: "Streamed outputs" }, () => {
    vt.Markdown("# Streamed outputs\nA tone streamed chunk by chunk; once it ends, one file of all of it.");
    vt.Row(() => {
      const play = vt.Button("Stream a tone");
      const tone = vt.Audio({ label: "Tone", streaming: true, autoplay: true });
      play.click({
        fn: async function* () {
          for (const [i, seconds] of [0.3, 0.4, 0.5].entries()) {
            yield toneChunk(440 + 110 * i, seconds);
            await new Promise((r) => setTimeout(r, 50));
          }
        },
        outputs: [tone],
        api_name: "tone",
      });
    });
    vt.Row(() => {
      const play = vt.Button("Stream clips");
      const film = vt.Video({ label: "Clips", streaming: true, autoplay: true });
      play.click({
        fn: async function* () {
          for (const clip of await makeClips()) {
            yield clip;
            await new Promise((r) => setTimeout(r, 300));
          }
        },
        outputs: [film],
        api_name: "clips",
      });
    });
  });
}
