import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { clickIfShown, describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Audio, type AudioArray } from "./index.js";

/** A 16-bit PCM WAV file, written by hand: the RIFF header, the fmt chunk, the interleaved samples. */
function wav16(sampleRate: number, channels: number, samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true); // bytes a second
  view.setUint16(32, channels * 2, true); // bytes a frame
  view.setUint16(34, 16, true); // bits a sample
  ascii(36, "data");
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, s, true));
  return bytes;
}

/** `seconds` of a tone at `hz` (each channel an octave above the one before), interleaved, at `scale` of full range. */
function tone(rate: number, channels: number, seconds: number, hz: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < Math.round(rate * seconds); f++)
    for (let c = 0; c < channels; c++) out.push(Math.sin((2 * Math.PI * hz * 2 ** c * f) / rate) * 0.5);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "vitrine-audio-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A WAV file a function returns by path (2 s, so that it plays to its end quickly), a stereo
// 16-bit array, and Gradio's (sample_rate, samples) tuple of floats: each comes back sample for sample.
const beepSamples = Int16Array.from(tone(16000, 1, 2, 440), (s) => Math.round(s * 32767));
const beep = join(dir, "beep.wav");
writeFileSync(beep, wav16(16000, 1, beepSamples));
const stereo: AudioArray = { sample_rate: 22050, channels: 2, data: Int16Array.from(tone(22050, 2, 0.25, 330), (s) => Math.round(s * 32767)) };
const floats = Float32Array.from(tone(8000, 1, 0.3, 220));
const tuple = [8000, floats] as const;

const expected = new Map<unknown, AudioArray>([
  [beep, { sample_rate: 16000, channels: 1, data: beepSamples }],
  [stereo, stereo],
  [tuple, { sample_rate: 8000, channels: 1, data: floats }],
]);

/** The main Audio's player, after the server sends it a value if it holds none. */
async function player({ block, sendValue }: TriggerContext) {
  const audio = block.locator("audio");
  if ((await audio.count()) === 0) await sendValue();
  await audio.waitFor();
  await audio.evaluate((a: HTMLAudioElement) => a.readyState >= 1 || new Promise((done) => a.addEventListener("loadedmetadata", done, { once: true })));
  return audio;
}

/** Clicks the play/pause button of the player's own controls (chromium draws it at their left end). */
async function playButton(audio: Awaited<ReturnType<typeof player>>): Promise<void> {
  const box = (await audio.boundingBox())!;
  await audio.click({ position: { x: 20, y: box.height / 2 } });
}

/**
 * Clears the main Audio if it holds a value, and shows `source`'s tab. A value from the trigger
 * before may still be on its way (an upload shows its player once stored): the Audio is looked at
 * again until the tab is there.
 */
async function emptyWith({ block }: TriggerContext, source: "Upload" | "Microphone"): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  const tab = block.getByRole("button", { name: source, exact: true });
  // Looked at for up to 10 s, whatever the machine's speed: on a busy one, the value of an upload
  // before may land after several clicks. Each look follows a pause for the view to settle.
  const deadline = Date.now() + 10_000;
  while (!(await tab.isVisible()) && Date.now() < deadline) {
    // The button may go between the look and the click (the value it clears was replaced): a
    // click then waits for it only briefly, and the loop looks again, instead of waiting out the test.
    await clickIfShown(clear);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await tab.isVisible())) {
    const shown = (await block.innerText()).replace(/\s+/g, " ").slice(0, 300);
    throw new Error(`no "${source}" tab to click (Clear buttons: ${await clear.count()}, visible: ${await clear.first().isVisible()}); the Audio shows: ${shown}`);
  }
  await tab.click();
}

/** Uploads the 2 s beep into the main Audio and returns its player, paused at the start. */
async function withBeep(context: TriggerContext) {
  await emptyWith(context, "Upload");
  await context.block.locator('input[type="file"]').setInputFiles(beep);
  return player(context);
}

/** Waits (up to 5 s) until `check` holds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Starts a recording from chromium's fake microphone, unless one runs. */
async function recording(context: TriggerContext): Promise<void> {
  if (await context.block.getByRole("button", { name: /Stop$/ }).isVisible()) return;
  await emptyWith(context, "Microphone");
  await context.block.getByRole("button", { name: /Record$/ }).click();
  await context.block.getByRole("button", { name: /Stop$/ }).waitFor();
}

describeComponent({
  create: Audio,
  samples: [beep, stereo, tuple],
  roundTrip(back, sample) {
    const want = expected.get(sample)!;
    const audio = back as AudioArray;
    expect([audio.sample_rate, audio.channels]).toEqual([want.sample_rate, want.channels]);
    expect(audio.data).toBeInstanceOf(want.data.constructor as typeof Int16Array);
    expect(Array.from(audio.data)).toEqual(Array.from(want.data));
  },
  // With a value, its Clear button; empty, its source tabs and upload area. None is there when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|^Upload$|^Microphone$|upload an audio file/ }),
  browser: { fakeMedia: true },
  events: {
    stream: "it needs a streaming microphone (streaming: true), which has no player or upload area; browser-microphone.test.ts and browser-stream-media.test.ts stream chromium's fake microphone",
    change: ({ sendValue }) => sendValue(),
    clear: async (context) => {
      await player(context);
      await context.block.getByRole("button", { name: "Clear" }).click();
    },
    play: async (context) => playButton(await player(context)),
    pause: async (context) => {
      const audio = await withBeep(context);
      await playButton(audio);
      await until(() => audio.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0.1));
      await playButton(audio);
    },
    // The end of the track: played from the start, the 2 s beep ends by itself.
    stop: async (context) => playButton(await withBeep(context)),
    start_recording: recording,
    pause_recording: async (context) => {
      await recording(context);
      await context.block.getByRole("button", { name: "Pause", exact: true }).click();
    },
    stop_recording: async (context) => {
      await recording(context);
      await context.block.getByRole("button", { name: /Stop$/ }).click();
      // The recording is then uploaded as the value: the player shows it.
      await context.block.locator("audio").waitFor();
    },
    upload: async (context) => {
      await emptyWith(context, "Upload");
      await context.block.locator('input[type="file"]').setInputFiles(beep);
    },
    input: async (context) => {
      await emptyWith(context, "Upload");
      await context.block.locator('input[type="file"]').setInputFiles(beep);
    },
  },
});
