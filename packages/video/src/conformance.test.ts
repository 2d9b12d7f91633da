import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { clickIfShown, describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Video, probeMedia, runFfmpeg } from "./index.js";

/** A playwright locator, as the triggers get them. */
type Locator = TriggerContext["block"];

// The API's example input is the package's own MP4, by absolute path: the snapshot keeps it from the package's folder.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packageDir),
  serialize: (value: string) => JSON.stringify(`<package>/${value.slice(packageDir.length)}`),
});

const dir = mkdtempSync(join(tmpdir(), "vitrine-video-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Makes a clip with ffmpeg's test sources (a test pattern and a tone) and returns its path. */
async function make(name: string, seconds: number, codecs: string[]): Promise<string> {
  const path = join(dir, name);
  const source = ["-f", "lavfi", "-i", `testsrc=size=160x120:rate=15:duration=${seconds}`, "-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`];
  await runFfmpeg(["-loglevel", "error", ...source, ...codecs, "-shortest", "-y", path]);
  return path;
}

// What a function returns: an MP4 by path (2 s, so that it plays to its end quickly; a playable
// MP4 is handed back as it is), the same with SRT subtitles (sent as WebVTT), and an AVI (which
// the browser cannot play: it comes back converted to an MP4).
const clip = await make("clip.mp4", 2, ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart"]);
const avi = await make("clip.avi", 1, ["-c:v", "mpeg4", "-c:a", "mp3"]);
const srt = join(dir, "captions.srt");
writeFileSync(srt, "1\n00:00:00,000 --> 00:00:01,500\nA test pattern\n");
const subtitled = [clip, srt] as const;

describeComponent({
  create: Video,
  samples: [clip, subtitled, avi],
  async roundTrip(back, sample) {
    // The function receives the video's path: the same MP4 bytes, or the AVI converted.
    const path = back as string;
    if (sample === avi) {
      expect(path).toMatch(/\.mp4$/);
      const info = await probeMedia(path);
      expect(info).toMatchObject({ videoCodec: "h264", width: 160, height: 120 });
    } else expect(new Uint8Array(readFileSync(path))).toEqual(new Uint8Array(readFileSync(clip)));
  },
  // With a video, its Clear button; empty, its source tabs and upload area. None is there when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|^Upload$|^Webcam$|upload a video/ }),
  browser: { fakeMedia: true },
  events: {
    change: ({ sendValue }) => sendValue(),
    clear: async (context) => {
      await player(context);
      await context.block.getByRole("button", { name: "Clear" }).click();
    },
    start_recording: recording,
    stop_recording: async (context) => {
      await recording(context);
      await context.page.waitForTimeout(500);
      await context.block.getByRole("button", { name: "Stop recording" }).click();
      // The recording is then uploaded as the value: the player shows it.
      await context.block.getByRole("button", { name: "Clear" }).waitFor();
    },
    // The end of the clip: played from the start, the 2 s clip ends by itself (`stop` and `end`).
    stop: async (context) => playButton(await withClip(context)),
    play: async (context) => playButton(await withClip(context)),
    pause: async (context) => {
      const video = await withClip(context);
      await playButton(video);
      await until(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.1));
      await playButton(video);
    },
    end: async (context) => playButton(await withClip(context)),
    upload: (context) => uploadClip(context),
    input: (context) => uploadClip(context),
  },
});

/** Clears the main Video if it holds a value, and shows `source`'s tab. */
async function emptyWith({ block }: TriggerContext, source: "Upload" | "Webcam"): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  await clickIfShown(clear);
  await block.getByRole("button", { name: source, exact: true }).click();
}

/** Uploads the MP4 clip into the main Video. */
async function uploadClip(context: TriggerContext): Promise<void> {
  await emptyWith(context, "Upload");
  await context.block.locator('input[type="file"]').setInputFiles(clip);
}

/** The main Video's player, once it can play, after the server sends it a value if it holds none. */
async function player({ block, sendValue }: TriggerContext): Promise<Locator> {
  const video = block.locator("video");
  if ((await video.count()) === 0) await sendValue();
  await video.waitFor();
  await until(() => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2));
  return video;
}

/** Uploads the 2 s MP4 clip and returns its player, paused at the start. */
async function withClip(context: TriggerContext): Promise<Locator> {
  await uploadClip(context);
  return player(context);
}

/** Clicks the middle of the player: its own controls' play button while paused, and a pause while playing. */
async function playButton(video: Locator): Promise<void> {
  await video.click();
}

/** Starts a recording from chromium's fake webcam, unless one runs. */
async function recording(context: TriggerContext): Promise<void> {
  const stop = context.block.getByRole("button", { name: "Stop recording" });
  if (await stop.isVisible()) return;
  await emptyWith(context, "Webcam");
  const start = context.block.getByRole("button", { name: "Start recording" });
  await until(() => start.isEnabled());
  await start.click();
  await stop.waitFor();
}

/** Waits (up to 10 s) until `check` holds. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}
