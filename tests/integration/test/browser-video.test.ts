/**
 * The Video component in a real browser, through the gallery's video demo: an mp4 uploaded with
 * the file chooser comes back and plays (its duration read by the browser); an .avi comes back
 * converted to an mp4 the browser plays; a recording from chromium's fake webcam reaches the
 * function as a video with a duration.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { video } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { runFfmpeg } from "@vitrine/video";
import { pollUntil, useBrowserSuite } from "./browser.js";

let dir: string;
const clips: Record<"mp4" | "avi", string> = { mp4: "", avi: "" };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-browser-video-"));
  const source = ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=15:duration=2", "-f", "lavfi", "-i", "sine=frequency=440:duration=2"];
  clips.mp4 = join(dir, "clip.mp4");
  clips.avi = join(dir, "clip.avi");
  await runFfmpeg(["-loglevel", "error", ...source, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", "-movflags", "+faststart", "-y", clips.mp4]);
  await runFfmpeg(["-loglevel", "error", ...source, "-c:v", "mpeg4", "-c:a", "mp3", "-shortest", "-y", clips.avi]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What the browser knows of the `<video>` labelled `label`. */
function playerState(page: Page, label: string) {
  return page.locator(`video[aria-label="${label}"]`).evaluate((el) => {
    const v = el as HTMLVideoElement;
    return { readyState: v.readyState, duration: v.duration, src: v.currentSrc, error: v.error?.message ?? null, tracks: v.textTracks.length };
  });
}

/** Uploads a file through the video input's file chooser and waits for the input's player. */
async function chooseFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "video: upload a video" }).click();
  await (await chooser).setFiles(path);
  await page.locator('video[aria-label="video"]').waitFor({ timeout: 15_000 });
}

/** Presses Submit and waits until the details textbox is filled; returns its text. */
async function submit(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Submit" }).click();
  return pollUntil(() => page.getByLabel("details", { exact: true }).inputValue(), (v) => v.startsWith("Input:"), 20_000);
}

describe("the video demo in a browser", () => {
  const suite = useBrowserSuite({ video: { create: video, description: "video in, video out" } }, { fakeMedia: true });

  it("upload an mp4 with the file chooser, press Submit: the output video loads with the clip's duration", async () => {
    const page = await suite.open("video");
    await chooseFile(page, clips.mp4);
    const details = await submit(page);
    expect(details).toMatch(/^Input: 2\.0\d s, h264 \+ aac, 160x120\. Effect: as is\.$/);
    const state = await pollUntil(() => playerState(page, "result"), (s) => s.readyState >= 1 || s.error !== null, 15_000);
    expect(state.error).toBeNull();
    expect(state.readyState).toBeGreaterThanOrEqual(1);
    expect(state.duration).toBeGreaterThan(1.8);
    expect(state.duration).toBeLessThan(2.3);
    expect(state.src).toMatch(/clip\.mp4$/);
    // the output's download link serves the uploaded file's bytes (an mp4 that plays is passed through)
    const href = await page.locator('.vt-type-video a[aria-label="Download"]').last().getAttribute("href");
    const served = Buffer.from(await (await page.request.get(new URL(href!, page.url()).href)).body());
    expect(served.equals(await readFile(clips.mp4))).toBe(true);
  });

  it("an .avi comes back as an mp4 the browser plays, with the effect's subtitles", async () => {
    const page = await suite.open("video");
    await chooseFile(page, clips.avi);
    await page.getByLabel("flip", { exact: true }).check();
    const details = await submit(page);
    expect(details).toMatch(/^Input: 2\.\d+ s, mpeg4 \+ mp3, 160x120\. Effect: flip\.$/);
    const state = await pollUntil(() => playerState(page, "result"), (s) => s.readyState >= 1 || s.error !== null, 15_000);
    expect(state.error).toBeNull();
    expect(state.src).toMatch(/\.mp4$/);
    expect(state.duration).toBeGreaterThan(1.8);
    expect(state.tracks).toBe(1);
    const track = await page.locator('video[aria-label="result"] track').getAttribute("src");
    const vtt = await (await page.request.get(new URL(track!, page.url()).href)).text();
    expect(vtt).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nflip\n");
  });

  it("record about a second from the (fake) webcam, stop, press Submit: the function gets a video with a duration", async () => {
    const page = await suite.open("video");
    await page.getByRole("button", { name: "Webcam", exact: true }).click();
    const record = page.getByRole("button", { name: "Start recording" });
    await expect(pollUntil(() => record.isEnabled(), (enabled) => enabled, 10_000)).resolves.toBe(true);
    await record.click();
    await page.getByText(/Recording \d+ s/).waitFor();
    await page.waitForTimeout(1200);
    await page.getByRole("button", { name: "Stop recording" }).click();
    await page.locator('video[aria-label="video"]').waitFor({ timeout: 15_000 });
    const details = await submit(page);
    const match = /^Input: (\d+\.\d+) s, (vp8|vp9|h264)/.exec(details);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(0.5);
    expect(Number(match![1])).toBeLessThan(5);
    const state = await pollUntil(() => playerState(page, "result"), (s) => s.readyState >= 1 || s.error !== null, 15_000);
    expect(state.error).toBeNull();
    expect(state.src).toMatch(/recording\.webm$/);
  });
});

describe("the video shortcuts", () => {
  it('"video" is a Video, "playablevideo" and "playable_video" a Video with format mp4', () => {
    const plain = vt.resolveComponent("video");
    expect(plain).toBeInstanceOf(vt.VideoComponent);
    expect((plain as vt.VideoComponent).format).toBeNull();
    for (const name of ["playablevideo", "playable_video"] as const) {
      const playable = vt.resolveComponent(name);
      expect(playable).toBeInstanceOf(vt.VideoComponent);
      expect((playable as vt.VideoComponent).format).toBe("mp4");
    }
  });
});
