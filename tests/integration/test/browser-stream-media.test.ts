/**
 * Streaming media gaps (issue 8 follow-up) in a real browser with chromium's fake camera: a
 * stream listener's other inputs follow the page while the webcam streams (a Gain slider moved
 * mid-stream changes the frames after it), and a live Interface with a streaming webcam input
 * streams as Gradio's does (`stream_every`, `time_limit`); a streaming Video output plays the clips a
 * generator yields as one video, in order, without gaps; and when a streamed output's generator
 * ends, its value is one file of all its chunks (a WAV as long as all the chunks together).
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { Jimp } from "jimp";
import { probeMedia, mediaDuration } from "@vitrine/video";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { streaming, streamingInterface, streamingOutputs } from "@vitrine/demo-gallery";
import { useBrowserSuite } from "./browser.js";

/** Waits until the textbox labelled `label` satisfies `check`, and returns its value. */
async function waitForValue(page: Page, label: string, check: (v: string) => boolean, timeout = 20_000): Promise<string> {
  const box = page.getByLabel(label, { exact: true });
  const end = Date.now() + timeout;
  for (;;) {
    const v = await box.inputValue();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`"${label}" still reads ${JSON.stringify(v)}`);
    await page.waitForTimeout(100);
  }
}

/** A WAV file's sample frames (from its fmt and data chunks). */
function wavFrames(bytes: Uint8Array): number {
  const b = Buffer.from(bytes);
  expect(b.toString("ascii", 0, 4)).toBe("RIFF");
  let at = 12;
  let blockAlign = 0;
  while (at + 8 <= b.length) {
    const id = b.toString("ascii", at, at + 4);
    const size = b.readUInt32LE(at + 4);
    if (id === "fmt ") blockAlign = b.readUInt16LE(at + 8 + 12);
    if (id === "data") return size / blockAlign;
    at += 8 + size + (size % 2);
  }
  throw new Error("no data chunk");
}

/** The mean of an image's RGB samples, fetched from the page's server. */
async function meanOf(page: Page, src: string): Promise<number> {
  const image = await Jimp.read(Buffer.from(await (await page.request.get(src)).body()));
  let sum = 0;
  let n = 0;
  image.scan(0, 0, image.width, image.height, (_x, _y, i) => {
    sum += image.bitmap.data[i]! + image.bitmap.data[i + 1]! + image.bitmap.data[i + 2]!;
    n += 3;
  });
  return sum / n;
}

describe("streaming media", () => {
  const suite = useBrowserSuite(
    {
      streaming: { create: () => streaming(), description: "webcam with a Gain slider" },
      "streaming-interface": { create: () => streamingInterface(), description: "a live Interface with a streaming webcam" },
      "streaming-outputs": { create: () => streamingOutputs(), description: "streamed audio and video outputs" },
      "streaming-interface-limited": { create: () => streamingInterface({ streamEvery: 0.2, timeLimit: 1.5 }), description: "with a 1.5 s time limit" },
    },
    { fakeMedia: true },
  );

  it("a stream listener's other inputs follow the page: moving the slider mid-stream changes the later frames", async () => {
    const page = await suite.open("streaming");
    const camera = page.locator(".vt-type-image").filter({ hasText: "Camera" });
    await camera.getByRole("button", { name: "Start streaming" }).click({ timeout: 30_000 });
    await waitForValue(page, "Gain used", (v) => v === "100");
    const output = page.locator(".vt-type-image").filter({ hasText: "Scaled" }).locator("img");
    await output.waitFor();
    const bright = await meanOf(page, (await output.getAttribute("src"))!);
    // The user moves the slider while the camera streams: no restart, the next frames use it.
    const gain = page.getByLabel("Gain value", { exact: true });
    await gain.fill("20");
    await gain.press("Enter");
    await waitForValue(page, "Gain used", (v) => v === "20");
    // The frame shown once the new gain is used is darker (the camera's picture barely changes).
    await page.waitForTimeout(500);
    const dark = await meanOf(page, (await output.getAttribute("src"))!);
    expect(dark).toBeLessThan(bright * 0.4);
    await gain.fill("150");
    await gain.press("Enter");
    await waitForValue(page, "Gain used", (v) => v === "150");
    // Still one stream: its Stop button is still there.
    await camera.getByRole("button", { name: "Stop streaming" }).click();
    await camera.getByRole("button", { name: "Start streaming" }).waitFor();
  });

  it("a live Interface with a streaming webcam input streams frames into fn", async () => {
    const page = await suite.open("streaming-interface");
    // A live Interface has no Submit button.
    expect(await page.getByRole("button", { name: "Submit" }).count()).toBe(0);
    const camera = page.locator(".vt-type-image").filter({ hasText: "Camera" });
    await camera.getByRole("button", { name: "Start streaming" }).click({ timeout: 30_000 });
    const first = await waitForValue(page, "Frame", (v) => /^160x120, mean [\d.]+$/.test(v));
    const output = page.locator(".vt-type-image").filter({ hasText: "Flipped" }).locator("img");
    await output.waitFor();
    const src = await output.getAttribute("src");
    // Several frames (every 0.1 s): the output image changes.
    const end = Date.now() + 15_000;
    while ((await output.getAttribute("src")) === src) {
      expect(Date.now()).toBeLessThan(end);
      await page.waitForTimeout(100);
    }
    const shown = await Jimp.read(Buffer.from(await (await page.request.get((await output.getAttribute("src"))!)).body()));
    expect([shown.width, shown.height]).toEqual([160, 120]);
    expect(first).toMatch(/mean/);
    await camera.getByRole("button", { name: "Stop streaming" }).click();
    await camera.getByRole("button", { name: "Start streaming" }).waitFor();
  });

  it("a live Interface's time_limit ends its stream", async () => {
    const page = await suite.open("streaming-interface-limited");
    const camera = page.locator(".vt-type-image").filter({ hasText: "Camera" });
    await camera.getByRole("button", { name: "Start streaming" }).click({ timeout: 30_000 });
    await waitForValue(page, "Frame", (v) => v !== "");
    // The 1.5 s limit stops it without anyone pressing Stop.
    await camera.getByRole("button", { name: "Start streaming" }).waitFor({ timeout: 8_000 });
  });

  it("a streaming Audio output's final value is one WAV with as many samples as all its chunks", async () => {
    const page = await suite.open("streaming-outputs");
    await page.getByRole("button", { name: "Stream a tone" }).click();
    const download = page.getByRole("link", { name: "Download Tone" });
    await download.waitFor({ timeout: 30_000 });
    // All three chunks were queued before the final value came.
    await expect(page.locator(".vt-audio-stream").getAttribute("data-chunks")).resolves.toBe("3");
    const combined = new Uint8Array(await (await page.request.get((await download.getAttribute("href"))!)).body());
    expect(wavFrames(combined)).toBe(Math.round(0.3 * 22050) + Math.round(0.4 * 22050) + Math.round(0.5 * 22050));
    // The same through the API (Gradio's client): the chunks, then the combined file, as long as they are together.
    const client = await Client.connect(`${suite.url}streaming-outputs/`, { events: ["data", "status"] });
    const values: { url: string; orig_name: string }[] = [];
    for await (const msg of client.submit("/tone", [])) {
      // @gradio/client applies diffs in place: keep a copy of each message as it came.
      if (msg.type === "data") values.push(structuredClone((msg.data as { url: string; orig_name: string }[])[0]!));
      if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) break;
    }
    expect(values).toHaveLength(4);
    const frames = await Promise.all(values.map(async (v) => wavFrames(new Uint8Array(await (await fetch(v.url)).arrayBuffer()))));
    expect(values[3]!.orig_name).toBe("audio-stream.wav");
    expect(frames[3]).toBe(frames[0]! + frames[1]! + frames[2]!);
    client.close();
  });

  it("a streaming Video output plays the yielded clips as one video, in order, without gaps; its final value is one MP4", async () => {
    const page = await suite.open("streaming-outputs");
    await page.getByRole("button", { name: "Stream clips" }).click();
    const player = page.locator(".vt-video-stream");
    await page.waitForFunction(() => document.querySelector(".vt-video-stream")?.getAttribute("data-ended") === "true", undefined, { timeout: 90_000 });
    await expect(player.getAttribute("data-segments")).resolves.toBe("3");
    const video = player.locator("video");
    // One buffered range (no gap) of the three seconds.
    const buffered = await video.evaluate((v: HTMLVideoElement) => Array.from({ length: v.buffered.length }, (_, i) => [v.buffered.start(i), v.buffered.end(i)]));
    expect(buffered).toHaveLength(1);
    expect(buffered[0]![0]).toBeLessThan(0.1);
    expect(buffered[0]![1]).toBeGreaterThan(2.9);
    // It plays (autoplay, muted) through at least 2.5 s of content.
    await page.waitForFunction(() => {
      const v = document.querySelector(".vt-video-stream video") as HTMLVideoElement | null;
      return !!v && (v.currentTime >= 2.5 || v.ended);
    }, undefined, { timeout: 30_000 });
    const played = await video.evaluate((v: HTMLVideoElement) => Array.from({ length: v.played.length }, (_, i) => [v.played.start(i), v.played.end(i)]));
    expect(played.reduce((t, [a, b]) => t + b! - a!, 0)).toBeGreaterThanOrEqual(2.5);
    // In order: the box in the corner is red, then green, then blue.
    const colours = await video.evaluate(async (v: HTMLVideoElement) => {
      v.pause();
      const out: number[][] = [];
      for (const t of [0.5, 1.5, 2.5]) {
        // Drawn once the seek is done AND its frame is presented: right after "seeked" the
        // element may still hold the frame it showed before (seen on a loaded machine).
        await new Promise<void>((resolve) => {
          let seeked = false;
          let presented = !("requestVideoFrameCallback" in v);
          const settle = () => {
            if (seeked && presented) resolve();
          };
          v.addEventListener("seeked", () => ((seeked = true), settle()), { once: true });
          if (!presented) v.requestVideoFrameCallback(() => ((presented = true), settle()));
          // (Never wait forever for a frame: the colour check below then tells what was shown.)
          setTimeout(() => ((presented = true), settle()), 2000);
          v.currentTime = t;
        });
        const canvas = document.createElement("canvas");
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        const g = canvas.getContext("2d")!;
        g.drawImage(v, 0, 0);
        out.push(Array.from(g.getImageData(12, 12, 1, 1).data.slice(0, 3)));
      }
      return out;
    });
    const dominant = colours.map(([r, g, b]) => (r! > 150 && g! < 100 && b! < 100 ? "red" : g! > 150 && r! < 100 && b! < 100 ? "lime" : b! > 150 && r! < 100 && g! < 100 ? "blue" : `${r},${g},${b}`));
    expect(dominant).toEqual(["red", "lime", "blue"]);
    // The final value: one MP4 of all three clips, downloadable.
    const download = page.getByRole("link", { name: "Download Clips" });
    const file = join(await mkdtemp(join(tmpdir(), "vitrine-stream-test-")), "video-stream.mp4");
    await writeFile(file, Buffer.from(await (await page.request.get((await download.getAttribute("href"))!)).body()));
    const info = await probeMedia(file);
    expect(info.videoCodec).toBe("h264");
    expect(await mediaDuration(file, info)).toBeGreaterThan(2.9);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  });
});
