/**
 * The webcam source of the ImageEditor and of the Gallery in a real browser with chromium's
 * fake camera: a photo taken into an ImageEditor becomes its background (the camera's size, not
 * black), a stroke drawn over it reaches the function in the layer and the composite; a photo
 * taken into an interactive Gallery reaches the function as an image of the camera's size.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { useBrowserSuite, waitForValue } from "./browser.js";

type EditorReceived = vt.EditorValue<vt.ImageArray | string> | null;
const edits: EditorReceived[] = [];

/** An Interface whose ImageEditor takes its background from the webcam (not mirrored), recording what the function gets. */
function editorDemo() {
  return new vt.Interface({
    fn: (value: EditorReceived) => {
      edits.push(value);
      return `received ${edits.length}`;
    },
    inputs: vt.ImageEditor({
      label: "Editor",
      sources: ["webcam", "upload"],
      format: "png",
      brush: vt.Brush({ colors: ["#ff0000"], color_mode: "fixed", default_size: 8 }),
      webcam_options: vt.WebcamOptions({ mirror: false }),
    }),
    outputs: vt.Textbox({ label: "Result" }),
  });
}

/** A Blocks app: an interactive Gallery whose first source is the webcam, and a button that describes its images. */
function galleryDemo() {
  return vt.Blocks(() => {
    const shots = vt.Gallery({ label: "Shots", interactive: true, type: "array", sources: ["webcam", "upload"] });
    const described = vt.Textbox({ label: "Received" });
    vt.Button({ value: "Describe" }).click({
      fn: (items: [vt.ImageArray | string, string | null][] | null) =>
        `${items?.length ?? 0}: ` + (items ?? []).map(([image]) => (typeof image === "string" ? "svg" : `${image.width}x${image.height} mean ${mean(image).toFixed(1)}`)).join(", "),
      inputs: [shots],
      outputs: [described],
    });
  });
}

/** The mean of an image's colour channels (alpha left out). */
function mean(image: vt.ImageArray): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < image.data.length; i += image.channels) {
    for (let c = 0; c < Math.min(3, image.channels); c++) sum += image.data[i + c]!;
    count += Math.min(3, image.channels);
  }
  return sum / count;
}

function asArray(image: vt.ImageArray | string | null | undefined): vt.ImageArray {
  if (!image || typeof image === "string") throw new Error(`expected an image array, got ${JSON.stringify(image)}`);
  return image;
}

/** The RGBA pixel at (x, y) of an array image. */
function pixel(image: vt.ImageArray, x: number, y: number): number[] {
  const i = (y * image.width + x) * image.channels;
  return Array.from(image.data.subarray(i, i + image.channels));
}

/** The size of the picture the camera preview shows. */
async function cameraSize(page: Page, scope: ReturnType<Page["locator"]>): Promise<[number, number]> {
  const video = scope.locator("video");
  await video.waitFor();
  await page.waitForFunction((v) => (v as HTMLVideoElement).videoWidth > 0, await video.elementHandle(), { timeout: 30_000 });
  const size = await video.evaluate((v) => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight]);
  return [size[0]!, size[1]!];
}

/** Runs an action on the editor and waits until it has uploaded its files and is idle again. */
async function edited(page: Page, action: () => Promise<void>): Promise<void> {
  let uploads = 0;
  const count = (r: { url(): string; request(): { method(): string } }) => {
    if (r.url().includes("/upload") && r.request().method() === "POST") uploads++;
  };
  page.on("response", count);
  try {
    await action();
    const deadline = Date.now() + 15_000;
    while (uploads === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(uploads).toBeGreaterThan(0);
    await page.locator(".vt-ie[aria-busy='false']").first().waitFor();
  } finally {
    page.off("response", count);
  }
}

describe("the webcam source of the ImageEditor and the Gallery", () => {
  const suite = useBrowserSuite(
    {
      "editor-webcam": { create: editorDemo, description: "an ImageEditor whose background comes from the webcam" },
      "gallery-webcam": { create: galleryDemo, description: "an interactive Gallery with a webcam source" },
    },
    { fakeMedia: true },
  );

  it("ImageEditor: a photo becomes the background (the camera's size, not black); a stroke over it reaches the function", async () => {
    const page = await suite.open("editor-webcam");
    const editor = page.locator(".vt-ie").filter({ hasText: "Editor" });
    await editor.getByRole("button", { name: "Webcam" }).click();
    const [width, height] = await cameraSize(page, editor);
    await edited(page, () => editor.getByRole("button", { name: "Take a photo" }).click({ timeout: 30_000 }));
    // The camera closed; the canvas took the photo's size.
    await editor.locator("video").waitFor({ state: "detached" });
    const canvas = page.getByRole("img", { name: "Editor: canvas" });
    await expect(canvas.getAttribute("data-width")).resolves.toBe(String(width));
    await expect(canvas.getAttribute("data-height")).resolves.toBe(String(height));

    // A red stroke across the middle, with the brush (the tool after a photo).
    await edited(page, async () => {
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + 0.2 * box.width, box.y + 0.5 * box.height);
      await page.mouse.down();
      await page.mouse.move(box.x + 0.8 * box.width, box.y + 0.5 * box.height, { steps: 12 });
      await page.mouse.up();
    });
    const before = edits.length;
    await page.getByRole("button", { name: "Submit" }).click();
    await waitForValue(page, "Result", `received ${before + 1}`, 15_000);
    const value = edits[before]!;
    const background = asArray(value!.background);
    expect([background.width, background.height]).toEqual([width, height]);
    // The fake camera's picture is not black.
    expect(mean(background)).toBeGreaterThan(5);
    const layer = asArray(value!.layers[0]);
    const composite = asArray(value!.composite);
    expect([composite.width, composite.height]).toEqual([width, height]);
    const [cx, cy] = [Math.round(width / 2), Math.round(height / 2)];
    expect(pixel(layer, cx, cy)).toEqual([255, 0, 0, 255]);
    expect(pixel(composite, cx, cy)).toEqual([255, 0, 0, 255]);
    // Away from the stroke the layer is clear and the composite is the photo.
    expect(pixel(layer, 5, 5)[3]).toBe(0);
    expect(pixel(composite, 5, 5)).toEqual(pixel(background, 5, 5));
    expect(pixel(composite, width - 5, height - 5)).toEqual(pixel(background, width - 5, height - 5));
  });

  it("Gallery: the camera shows first; a photo is added and the function receives it at the camera's size", async () => {
    const page = await suite.open("gallery-webcam");
    const gallery = page.locator(".vt-gallery").filter({ hasText: "Shots" });
    const [width, height] = await cameraSize(page, gallery);
    await gallery.getByRole("button", { name: "Take a photo" }).click({ timeout: 30_000 });
    // The gallery shows the photo, and the camera closed.
    await gallery.getByRole("button", { name: "Image 1", exact: true }).waitFor();
    await gallery.locator("video").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Describe" }).click();
    const text = page.getByLabel("Received", { exact: true });
    let received = "";
    for (const end = Date.now() + 15_000; Date.now() < end && !received; await page.waitForTimeout(100)) received = await text.inputValue();
    const match = /^1: (\d+)x(\d+) mean ([\d.]+)$/.exec(received);
    expect(match).not.toBeNull();
    expect([Number(match![1]), Number(match![2])]).toEqual([width, height]);
    expect(Number(match![3])).toBeGreaterThan(5);

    // The Webcam button opens the camera again, and a second photo is added after the first.
    await gallery.getByRole("button", { name: "Webcam" }).click();
    await gallery.getByRole("button", { name: "Take a photo" }).click({ timeout: 30_000 });
    await gallery.getByRole("button", { name: "Image 2", exact: true }).waitFor();
    await page.getByRole("button", { name: "Describe" }).click();
    for (const end = Date.now() + 15_000; Date.now() < end && !received.startsWith("2:"); await page.waitForTimeout(100)) received = await text.inputValue();
    expect(received).toMatch(/^2: \d+x\d+ mean [\d.]+, \d+x\d+ mean [\d.]+$/);
  });
});
