/**
 * The MultimodalTextbox in headless chromium, with the gallery's `multimodal` demo: text typed
 * and a PNG attached with the file chooser reach the function on Enter (it reads the file's
 * bytes and pixel size), the Image output shows that PNG, the box clears itself; a chip removed
 * before sending is not sent; and the stop button cancels a slow submit.
 */
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { Jimp } from "jimp";
import { multimodal } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A 20×12 gradient PNG, encoded by jimp. */
async function png(): Promise<Buffer> {
  const image = new Jimp({ width: 20, height: 12 });
  for (let y = 0; y < 12; y++) for (let x = 0; x < 20; x++) image.setPixelColor(((x * 12) << 24 | (y * 20) << 16 | 0x40ff) >>> 0, x, y);
  return image.getBuffer("image/png");
}

/**
 * A box whose submit streams ticks into "ticks" (its first output clears the box, so the box
 * shows the run and its stop button); the stop button cancels it.
 */
function slow() {
  return vt.Blocks({ title: "Slow" }, () => {
    const msg = vt.MultimodalTextbox({ label: "msg", stop_btn: "Stop it" });
    const ticks = vt.Textbox({ label: "ticks" });
    const run = msg.submit({
      fn: async function* (value: vt.MultimodalValue) {
        for (let i = 1; i <= 200; i++) {
          yield [null, `${value.text} ${i}`] as const;
          await sleep(50);
        }
      },
      inputs: [msg],
      outputs: [msg, ticks],
    });
    msg.stop({ fn: () => undefined, inputs: [], outputs: [], cancels: [run] });
  });
}

/** The MultimodalTextbox block whose text area is labelled `label`. */
function box(page: Page, label: string) {
  return page.locator(".vt-mmt").filter({ has: page.getByLabel(label, { exact: true }) });
}

/** Attaches files to the box through its (hidden) file chooser, and waits for their chips. */
async function attach(page: Page, label: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const block = box(page, label);
  await block.locator('input[type="file"]').setInputFiles(files);
  for (const f of files) await block.getByRole("button", { name: `Remove ${f.name}` }).waitFor();
}

describe("MultimodalTextbox in a browser", () => {
  const suite = useBrowserSuite({
    multimodal: { create: multimodal, description: "MultimodalTextbox in and out" },
    slow: { create: slow, description: "A slow submit with a stop button" },
  });

  it("sends typed text and an attached PNG on Enter: the function reads the image, the Image shows it, the box clears", async () => {
    const { page } = suite;
    await suite.open("multimodal");
    const bytes = await png();
    const text = page.getByLabel("Message", { exact: true });
    await text.click();
    await text.pressSequentially("What is", { delay: 10 });
    await text.press("Shift+Enter");
    await text.pressSequentially("in here?", { delay: 10 });
    await attach(page, "Message", [{ name: "photo.png", mimeType: "image/png", buffer: bytes }]);
    // The attached image shows as a thumbnail served by the app: the uploaded bytes.
    const thumb = box(page, "Message").getByRole("img", { name: "photo.png" });
    const thumbSrc = await thumb.evaluate((el) => (el as HTMLImageElement).src);
    expect(Buffer.from(await (await page.request.get(thumbSrc)).body()).equals(bytes)).toBe(true);

    await text.press("Enter");
    const expected = `text: "What is\\nin here?"\n1 file(s)\nphoto.png: ${bytes.length} bytes, image 20×12`;
    await expect(waitForValue(page, "What the function received", expected)).resolves.toBe(expected);
    // The Image output shows the PNG the function received.
    const shown = page.locator(".vt-type-image").filter({ hasText: "First image" }).locator("img").first();
    await shown.waitFor();
    const src = await shown.evaluate((el) => (el as HTMLImageElement).src);
    const decoded = await Jimp.read(Buffer.from(await (await page.request.get(src)).body()));
    expect([decoded.bitmap.width, decoded.bitmap.height]).toEqual([20, 12]);
    // The echo holds the message; the box is empty again, without attachments.
    await expect(waitForValue(page, "Echo", "What is\nin here?")).resolves.toBe("What is\nin here?");
    await box(page, "Echo").getByRole("img", { name: "photo.png" }).waitFor();
    await expect(waitForValue(page, "Message", "")).resolves.toBe("");
    await expect(box(page, "Message").getByRole("listitem").count()).resolves.toBe(0);
  });

  it("a file removed before sending is not sent", async () => {
    const { page } = suite;
    await suite.open("multimodal");
    const bytes = await png();
    const text = page.getByLabel("Message", { exact: true });
    await text.fill("two files, then one");
    await attach(page, "Message", [
      { name: "photo.png", mimeType: "image/png", buffer: bytes },
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("remove me") },
    ]);
    await box(page, "Message").getByRole("button", { name: "Remove notes.txt" }).click();
    await expect(box(page, "Message").getByRole("listitem").count()).resolves.toBe(1);
    await box(page, "Message").getByRole("button", { name: "Submit" }).click();
    const expected = `text: "two files, then one"\n1 file(s)\nphoto.png: ${bytes.length} bytes, image 20×12`;
    await expect(waitForValue(page, "What the function received", expected)).resolves.toBe(expected);
  });

  it("a dropped PNG and pasted text longer than max_plain_text_length (1000) become attachments", async () => {
    const { page } = suite;
    await suite.open("multimodal");
    const bytes = await png();
    const long = "x".repeat(1200);
    await box(page, "Message").locator(".vt-mmt-box").evaluate((el, data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], "dropped.png", { type: "image/png" }));
      el.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [...bytes]);
    await box(page, "Message").getByRole("button", { name: "Remove dropped.png" }).waitFor();
    const text = page.getByLabel("Message", { exact: true });
    await text.evaluate((el, pasted) => {
      const transfer = new DataTransfer();
      transfer.setData("text/plain", pasted);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, long);
    await box(page, "Message").getByRole("button", { name: "Remove pasted_text.txt" }).waitFor();
    // The pasted text went into the file, not the box.
    await expect(fieldValue(page, "Message")).resolves.toBe("");
    await text.press("Enter");
    const expected = `text: ""\n2 file(s)\ndropped.png: ${bytes.length} bytes, image 20×12\npasted_text.txt: 1200 bytes`;
    await expect(waitForValue(page, "What the function received", expected)).resolves.toBe(expected);
  });

  it("fits a 375 px phone screen with files attached, without scrolling sideways", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 375, height: 740 });
    await suite.open("multimodal");
    await attach(page, "Message", [
      { name: "a-rather-long-file-name-for-a-small-screen.png", mimeType: "image/png", buffer: await png() },
      { name: "another-quite-long-name-of-a-text-file.txt", mimeType: "text/plain", buffer: Buffer.from("hi") },
    ]);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    expect(widths.doc).toBeLessThanOrEqual(widths.view);
  });

  it("the stop button shows while a submit runs and cancels it", async () => {
    const { page } = suite;
    await suite.open("slow");
    const text = page.getByLabel("msg", { exact: true });
    await text.fill("tick");
    await text.press("Enter");
    await pollUntil(() => fieldValue(page, "ticks"), (v) => /^tick \d+$/.test(v));
    const stop = box(page, "msg").getByRole("button", { name: "Stop" });
    await expect(stop.textContent()).resolves.toBe("Stop it");
    await stop.click();
    await box(page, "msg").getByRole("button", { name: "Submit" }).waitFor();
    const after = await fieldValue(page, "ticks");
    await sleep(400);
    // Cancelled: no more ticks, well before the 200th.
    await expect(fieldValue(page, "ticks")).resolves.toBe(after);
    expect(Number(after.split(" ")[1])).toBeLessThan(200);
  });
});

/** A box with the microphone source; the function reports the recorded file it received. */
function voice() {
  return vt.Blocks({ title: "Voice" }, () => {
    const msg = vt.MultimodalTextbox({ label: "voice", sources: ["upload", "microphone"] });
    const got = vt.Textbox({ label: "got" });
    msg.submit({
      fn: async (value: vt.MultimodalValue) => {
        const files = await Promise.all(value.files.map(async (path) => {
          const bytes = await readFile(path);
          // A WebM (EBML) or Ogg recording, by its magic bytes.
          const kind = bytes.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) ? "webm" : bytes.subarray(0, 4).toString("latin1") === "OggS" ? "ogg" : "unknown";
          return `${path.split("/").pop()} ${kind} ${bytes.length > 1000 ? "has audio" : `only ${bytes.length} bytes`}`;
        }));
        return `${value.text}: ${files.join(", ")}`;
      },
      inputs: [msg],
      outputs: [got],
    });
  });
}

describe("MultimodalTextbox's microphone in a browser (chromium's fake microphone)", () => {
  const suite = useBrowserSuite({ voice: { create: voice, description: "A box with the microphone source" } }, { fakeMedia: true });

  it("records audio into an attached file that the function receives", async () => {
    const { page } = suite;
    await suite.open("voice");
    const block = box(page, "voice");
    await block.getByRole("button", { name: "Record audio" }).click();
    await block.getByRole("button", { name: "Stop recording" }).waitFor();
    await sleep(1200);
    await block.getByRole("button", { name: "Stop recording" }).click();
    await block.getByRole("button", { name: /^Remove recording\.(webm|ogg)$/ }).waitFor();
    const text = page.getByLabel("voice", { exact: true });
    await text.fill("listen");
    await text.press("Enter");
    const got = await pollUntil(() => fieldValue(page, "got"), (v) => v !== "");
    expect(got).toMatch(/^listen: recording\.(webm|ogg) (webm|ogg) has audio$/);
  });
});
