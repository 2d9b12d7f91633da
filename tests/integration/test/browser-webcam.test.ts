/**
 * The Image's webcam (issue 8) in a real browser with chromium's fake camera (640×480): a photo
 * taken with the capture button reaches the function; frames streamed to a `stream` listener
 * over the page's live channel run the function again and again and update its output; and a
 * stream ends by itself at its `time_limit`.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { Jimp } from "jimp";
import type { Page } from "playwright-core";
import { webcam } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite } from "./browser.js";

/** The value of the textbox labelled `label`. */
function textbox(page: Page, label: string) {
  return page.getByLabel(label, { exact: true });
}

/** Waits until the textbox's value satisfies `check`, and returns it. */
async function waitForValue(page: Page, label: string, check: (v: string) => boolean, timeout = 15_000): Promise<string> {
  const box = textbox(page, label);
  const end = Date.now() + timeout;
  for (;;) {
    const v = await box.inputValue();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`"${label}" still reads ${JSON.stringify(v)}`);
    await page.waitForTimeout(100);
  }
}

/** Waits until a numeric textbox stops changing (the same for 1.5 s, within 10 s) and returns its value. */
async function settled(page: Page, label: string): Promise<number> {
  const end = Date.now() + 10_000;
  let value = Number(await textbox(page, label).inputValue());
  let since = Date.now();
  while (Date.now() - since < 1500) {
    if (Date.now() > end) throw new Error(`"${label}" kept changing (now ${value})`);
    await page.waitForTimeout(100);
    const now = Number(await textbox(page, label).inputValue());
    if (now !== value) {
      value = now;
      since = Date.now();
    }
  }
  return value;
}

describe("the webcam", () => {
  const suite = useBrowserSuite(
    {
      webcam: { create: () => webcam(), description: "webcam" },
      "webcam-limited": { create: () => webcam({ streamEvery: 0.2, timeLimit: 1.5 }), description: "webcam with a 1.5 s time limit" },
    },
    { fakeMedia: true },
  );

  it("takes a photo with the capture button: the function gets a non-empty image of the camera's size", async () => {
    const page = await suite.open("webcam");
    const photo = page.locator(".vt-type-image").filter({ hasText: "Photo" });
    // Its first source is the webcam: a live preview and a capture button.
    await expect(photo.locator("video").count()).resolves.toBe(1);
    // The capture button is enabled once the preview shows a picture.
    const capture = photo.getByRole("button", { name: "Take a photo" });
    await pollUntil(() => capture.isEnabled(), (enabled) => enabled, 30_000);
    // The camera's picture size, as the preview shows it (the other Image of the demo asks the shared fake camera for 320×240),
    // read before the photo replaces the preview.
    const camera = await photo.locator("video").evaluate((v) => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight]);
    await capture.click();
    expect(camera[0]).toBeGreaterThan(0);
    const size = await waitForValue(page, "Photo size", (v) => v !== "", 30_000);
    const match = /^(\d+)x(\d+), mean ([\d.]+)$/.exec(size);
    expect(match).not.toBeNull();
    expect([Number(match![1]), Number(match![2])]).toEqual(camera);
    // The fake camera's picture is not black.
    expect(Number(match![3])).toBeGreaterThan(5);
    // The photo is shown, uploaded as a PNG; clearing it brings the camera back.
    const img = photo.locator("img");
    await img.waitFor();
    const src = await img.getAttribute("src");
    expect(src).toMatch(/webcam\.png$/);
    await photo.getByRole("button", { name: "Clear" }).click();
    await photo.locator("video").waitFor();
    // The other source is there too.
    await photo.getByRole("button", { name: "Upload" }).click();
    await photo.getByRole("button", { name: /upload an image/ }).waitFor();
  });

  it("streams frames: the function runs several times within a few seconds and the output image updates", async () => {
    const sockets: string[] = [];
    suite.page.on("websocket", (ws) => sockets.push(ws.url()));
    const page = await suite.open("webcam");
    const camera = page.locator(".vt-type-image").filter({ hasText: "Camera" });
    await camera.getByRole("button", { name: "Start streaming" }).click({ timeout: 30_000 });
    const started = Date.now();
    await waitForValue(page, "Frames processed", (v) => Number(v) >= 1, 10_000);
    const output = page.locator(".vt-type-image").filter({ hasText: "Flipped and grey" }).locator("img");
    await output.waitFor();
    const first = await output.getAttribute("src");
    await waitForValue(page, "Frames processed", (v) => Number(v) >= 5, 15_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    const later = await output.getAttribute("src");
    expect(later).not.toBe(first);
    // The processed frame has the size the demo asked the camera for (webcam_constraints).
    const shown = await Jimp.read(Buffer.from(await (await page.request.get(later!)).body()));
    expect([shown.width, shown.height]).toEqual([320, 240]);
    // Stop: once the frame being processed is done, the function is not called any more.
    await camera.getByRole("button", { name: "Stop streaming" }).click();
    await camera.getByRole("button", { name: "Start streaming" }).waitFor();
    await settled(page, "Frames processed");
    // No HTTP upload per frame: the frames went over the live channel.
    expect(sockets.some((u) => u.includes("/gradio_api/live/"))).toBe(true);
  });

  it("ends the stream at its time_limit", async () => {
    const page = await suite.open("webcam-limited");
    const camera = page.locator(".vt-type-image").filter({ hasText: "Camera" });
    const uploads: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/upload")) uploads.push(r.url());
    });
    await camera.getByRole("button", { name: "Start streaming" }).click({ timeout: 30_000 });
    await waitForValue(page, "Frames processed", (v) => Number(v) >= 1, 10_000);
    // The time limit stops it: the Record button comes back without anyone pressing Stop.
    await camera.getByRole("button", { name: "Start streaming" }).waitFor({ timeout: 6_000 });
    const frames = await settled(page, "Frames processed");
    // At most one frame every stream_every (0.2 s) for 1.5 s.
    expect(frames).toBeGreaterThanOrEqual(1);
    expect(frames).toBeLessThanOrEqual(9);
    expect(uploads).toEqual([]);
  });

  it("@gradio/client streams frames with send_chunk and ends with close_stream (POST /stream/{event_id})", async () => {
    const root = `${suite.url}webcam/`;
    const client = await Client.connect(root, { events: ["data", "status"] });
    const job = client.submit("/flip_grey", [null]);
    const outputs: unknown[][] = [];
    const reading = (async () => {
      for await (const msg of job) {
        if (msg.type === "data") outputs.push(msg.data as unknown[]);
        if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) break;
      }
    })();
    const upload = async (w: number, h: number) => {
      const png = await new Jimp({ width: w, height: h, color: 0x4080c0ff }).getBuffer("image/png");
      const form = new FormData();
      form.append("files", new Blob([new Uint8Array(png)], { type: "image/png" }), "frame.png");
      const [path] = (await (await fetch(`${root}gradio_api/upload`, { method: "POST", body: form })).json()) as string[];
      return { path, meta: { _type: "gradio.FileData" } };
    };
    const eventId = await (job as unknown as { wait_for_id(): Promise<string> }).wait_for_id();
    expect(typeof eventId).toBe("string");
    const send = job as unknown as { send_chunk(p: unknown): void; close_stream(): void };
    send.send_chunk({ data: [await upload(12, 8), null], fn_index: 0 });
    for (let i = 0; i < 100 && outputs.length < 1; i++) await new Promise((r) => setTimeout(r, 100));
    send.send_chunk({ data: [await upload(6, 4), null], fn_index: 0 });
    for (let i = 0; i < 100 && outputs.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    expect(outputs[0]![1]).toBe("1");
    expect(outputs[1]![1]).toBe("2");
    const flipped = outputs[1]![0] as { url: string };
    const image = await Jimp.read(Buffer.from(await (await fetch(flipped.url)).arrayBuffer()));
    expect([image.width, image.height]).toEqual([6, 4]);
    send.close_stream();
    await Promise.race([reading, new Promise((r) => setTimeout(r, 3000))]);
  });
});
