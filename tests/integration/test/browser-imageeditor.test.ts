/**
 * The ImageEditor in a real browser through a real server: strokes drawn with the mouse over a
 * Sketchpad's canvas reach the function as exact pixels (the canvas is shown scaled down, so
 * pointer positions are scaled to the image's resolution); undo, the eraser, and a layer drawn
 * over an uploaded background; and the gallery's `sketch` demo end to end.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { Jimp } from "jimp";
import * as vt from "vitrine";
import { sketch } from "@vitrine/demo-gallery";
import { useBrowserSuite, waitForValue } from "./browser.js";

describe("the editor's string shortcuts", () => {
  it("make Gradio's templates", () => {
    expect(vt.resolveComponent("sketchpad").configProps()).toMatchObject({ sources: [], brush: { colors: ["#000000"], color_mode: "fixed" } });
    expect(vt.resolveComponent("imagemask").configProps()).toMatchObject({ layers: { disabled: true }, sources: ["upload", "webcam", "clipboard"] });
    expect(vt.resolveComponent("image_editor").type).toBe("imageeditor");
  });
});

type Received = vt.EditorValue<vt.ImageArray | string> | null;
const received: Received[] = [];

/** An Interface that records what its editor input gives the function, and says how many it got. */
function recorder(editor: vt.ImageEditor) {
  return () =>
    new vt.Interface({
      fn: (value: Received) => {
        received.push(value);
        return `received ${received.length}`;
      },
      inputs: editor,
      outputs: vt.Textbox({ label: "Result" }),
    });
}

const RED = [255, 0, 0, 255];
const WHITE = [255, 255, 255, 255];

/** The canvas is 1200×600: wider than its column, so the page shows it scaled down. */
const sketchpad = () => vt.Sketchpad({ label: "Sketch", canvas_size: [1200, 600], brush: vt.Brush({ colors: ["#ff0000"], color_mode: "fixed", default_size: 10 }) });
const editor = () => vt.ImageEditor({ label: "Editor", sources: ["upload"], brush: vt.Brush({ colors: ["#0000ff"], default_size: 4 }) });

/** The RGBA pixel at (x, y) of an array image. */
function pixel(image: vt.ImageArray, x: number, y: number): number[] {
  const i = (y * image.width + x) * image.channels;
  return Array.from(image.data.subarray(i, i + image.channels));
}

function asArray(image: vt.ImageArray | string | null | undefined): vt.ImageArray {
  if (!image || typeof image === "string") throw new Error(`expected an image array, got ${JSON.stringify(image)}`);
  return image;
}

/** Drags the mouse over the canvas labelled `label` from one point to another, given as fractions of its shown size. */
async function drag(page: Page, label: string, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await page.getByRole("img", { name: `${label}: canvas` }).boundingBox())!;
  await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 12 });
  await page.mouse.up();
}

/** Runs an edit and waits until the editor has uploaded its files and set its value. */
async function edited(page: Page, action: () => Promise<void>): Promise<void> {
  let uploads = 0;
  const count = (r: { url(): string; request(): { method(): string } }) => {
    if (r.url().includes("/upload") && r.request().method() === "POST") uploads++;
  };
  page.on("response", count);
  try {
    await action();
    await page.waitForFunction(() => true);
    const deadline = Date.now() + 10_000;
    while (uploads === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    expect(uploads).toBeGreaterThan(0);
    await page.locator(".vt-ie[aria-busy='false']").first().waitFor();
  } finally {
    page.off("response", count);
  }
}

/** Presses Submit and returns what the function received. */
async function submit(page: Page): Promise<Received> {
  const before = received.length;
  await page.getByRole("button", { name: "Submit" }).click();
  await waitForValue(page, "Result", `received ${before + 1}`);
  expect(received).toHaveLength(before + 1);
  return received[before]!;
}

/** A function's EditorValue shown in an interactive editor: edited further, then read back. */
function roundTrip() {
  return vt.Blocks(() => {
    const editor = vt.ImageEditor({ label: "Loaded", interactive: true, format: "png", brush: vt.Brush({ colors: ["#0000ff"], default_size: 2 }) });
    const result = vt.Textbox({ label: "Result" });
    vt.Button({ value: "Load" }).click({
      fn: () => {
        const green = new Uint8ClampedArray(40 * 30 * 4);
        for (let i = 0; i < 40 * 30; i++) green.set([0, 200, 0, 255], i * 4);
        const dot = new Uint8ClampedArray(40 * 30 * 4);
        dot.set([255, 0, 0, 255], (5 * 40 + 5) * 4);
        return { background: { width: 40, height: 30, channels: 4 as const, data: green }, layers: [{ width: 40, height: 30, channels: 4 as const, data: dot }] };
      },
      inputs: [],
      outputs: [editor],
    });
    vt.Button({ value: "Read" }).click({
      fn: (value: Received) => {
        received.push(value);
        return `received ${received.length}`;
      },
      inputs: [editor],
      outputs: [result],
    });
  });
}

describe("ImageEditor in the browser", () => {
  const suite = useBrowserSuite({
    roundtrip: { create: roundTrip, description: "an EditorValue returned into an interactive editor" },
    sketchpad: { create: recorder(sketchpad()), description: "a Sketchpad whose value is recorded" },
    editor: { create: recorder(editor()), description: "an ImageEditor with uploads, whose value is recorded" },
    sketch: { create: sketch, description: "the gallery's sketch demo" },
  });

  it("a mouse stroke reaches the function: brush colour along it, white elsewhere; undo makes it all white", async () => {
    const { page } = suite;
    await suite.open("sketchpad");
    const canvas = page.getByRole("img", { name: "Sketch: canvas" });
    const shown = (await canvas.boundingBox())!;
    expect(shown.width).toBeLessThan(1200); // shown scaled: pointer positions must be scaled too
    await edited(page, () => drag(page, "Sketch", [0.25, 0.5], [0.75, 0.5]));
    const value = (await submit(page))!;
    const composite = asArray(value.composite);
    expect([composite.width, composite.height, composite.channels]).toEqual([1200, 600, 4]);
    for (let x = 320; x <= 880; x += 20) expect(pixel(composite, x, 300)).toEqual(RED);
    for (const [x, y] of [[0, 0], [1199, 599], [600, 100], [600, 500], [100, 300], [1100, 300]] as const) expect(pixel(composite, x, y)).toEqual(WHITE);
    const layer = asArray(value.layers[0]);
    expect(pixel(layer, 600, 300)).toEqual(RED);
    expect(pixel(layer, 600, 100)[3]).toBe(0);
    const background = asArray(value.background);
    expect(pixel(background, 600, 300)).toEqual(WHITE);

    // Undo and redo from the keyboard, with the canvas focused (as after a Tab to it).
    await canvas.focus();
    await edited(page, () => page.keyboard.press("Control+z"));
    const undone = asArray((await submit(page))!.composite);
    expect(undone.data.every((v) => v === 255)).toBe(true);

    await canvas.focus();
    await edited(page, () => page.keyboard.press("Control+Shift+z"));
    expect(pixel(asArray((await submit(page))!.composite), 600, 300)).toEqual(RED);
  });

  it("Submit pressed while the stroke is still uploading sends the stroke, once it has arrived", async () => {
    const { page } = suite;
    await suite.open("sketchpad");
    // A slow network: each upload is answered 1.5 s late.
    await page.route("**/gradio_api/upload*", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const uploading = page.waitForRequest((r) => r.url().includes("/gradio_api/upload") && r.method() === "POST");
    await drag(page, "Sketch", [0.25, 0.5], [0.75, 0.5]);
    await uploading;
    const composite = asArray((await submit(page))!.composite);
    expect(pixel(composite, 600, 300)).toEqual(RED);
    await page.unroute("**/gradio_api/upload*");
  });

  it("the eraser removes the part of a stroke it passes over", async () => {
    const { page } = suite;
    await suite.open("sketchpad");
    await edited(page, () => drag(page, "Sketch", [0.25, 0.5], [0.75, 0.5]));
    await page.getByRole("button", { name: "Eraser", exact: true }).click();
    await edited(page, () => drag(page, "Sketch", [0.5, 0.3], [0.5, 0.7]));
    const composite = asArray((await submit(page))!.composite);
    expect(pixel(composite, 600, 300)).toEqual(WHITE);
    expect(pixel(composite, 400, 300)).toEqual(RED);
    expect(pixel(composite, 800, 300)).toEqual(RED);
    // The undo button takes the erasure back.
    await edited(page, () => page.getByRole("button", { name: "Undo" }).click());
    expect(pixel(asArray((await submit(page))!.composite), 600, 300)).toEqual(RED);
  });

  it("crop keeps the area dragged over, at the image's resolution", async () => {
    const { page } = suite;
    await suite.open("sketchpad");
    await edited(page, () => drag(page, "Sketch", [0.25, 0.5], [0.75, 0.5]));
    await page.getByRole("button", { name: "Crop", exact: true }).click();
    await drag(page, "Sketch", [0.5, 0.25], [1, 0.75]);
    await edited(page, () => page.getByRole("button", { name: "Apply crop" }).click());
    const composite = asArray((await submit(page))!.composite);
    // The right half of the 1200×600 canvas, its middle half in height (a pixel's rounding either way).
    expect(Math.abs(composite.width - 600)).toBeLessThanOrEqual(2);
    expect(Math.abs(composite.height - 300)).toBeLessThanOrEqual(2);
    const mid = Math.round(composite.height / 2);
    expect(pixel(composite, 100, mid)).toEqual(RED);
    expect(pixel(composite, composite.width - 50, mid)).toEqual(WHITE);
    expect(pixel(composite, 100, 10)).toEqual(WHITE);
  });

  it("a layer drawn over an uploaded background composes over it; the background stays as uploaded", async () => {
    const { page } = suite;
    await suite.open("editor");
    const green = new Jimp({ width: 300, height: 200, color: 0x20c040ff });
    const png = await green.getBuffer("image/png");
    await edited(page, () => page.locator(".vt-ie input[type='file']").setInputFiles({ name: "green.png", mimeType: "image/png", buffer: png }));
    const canvas = page.getByRole("img", { name: "Editor: canvas" });
    await expect(canvas.getAttribute("width")).resolves.toBe("300");
    await edited(page, () => page.getByRole("button", { name: "Add layer" }).click());
    await expect(page.getByRole("button", { name: "Layer 2", exact: true }).getAttribute("aria-pressed")).resolves.toBe("true");
    await edited(page, () => drag(page, "Editor", [0.1, 0.5], [0.9, 0.5]));
    const value = (await submit(page))!;
    const background = asArray(value.background);
    expect([background.width, background.height]).toEqual([300, 200]);
    expect(background.data.every((v, i) => v === [0x20, 0xc0, 0x40, 0xff][i % 4])).toBe(true);
    expect(value.layers).toHaveLength(2);
    const [first, second] = value.layers.map(asArray);
    expect(first!.data.every((v, i) => i % 4 !== 3 || v === 0)).toBe(true); // Layer 1 untouched
    expect(pixel(second!, 150, 100)).toEqual([0, 0, 255, 255]);
    const composite = asArray(value.composite);
    expect(pixel(composite, 150, 100)).toEqual([0, 0, 255, 255]);
    expect(pixel(composite, 150, 20)).toEqual([0x20, 0xc0, 0x40, 0xff]);
    // Hiding the layer leaves it in `layers` but takes it out of the composite.
    await edited(page, () => page.getByRole("button", { name: "Hide Layer 2" }).click());
    const hidden = (await submit(page))!;
    expect(pixel(asArray(hidden.layers[1]), 150, 100)).toEqual([0, 0, 255, 255]);
    expect(pixel(asArray(hidden.composite), 150, 100)).toEqual([0x20, 0xc0, 0x40, 0xff]);
  });

  it("a returned { background, layers } loads into an interactive editor, keeps its layer, and takes new strokes", async () => {
    const { page } = suite;
    await suite.open("roundtrip");
    await page.getByRole("button", { name: "Load", exact: true }).click();
    const canvas = page.getByRole("img", { name: "Loaded: canvas" });
    await page.waitForFunction(() => document.querySelector("canvas")?.getAttribute("width") === "40");
    await expect(canvas.getAttribute("height")).resolves.toBe("30");
    await edited(page, () => drag(page, "Loaded", [0.5, 0.8], [0.9, 0.8]));
    const before = received.length;
    await page.getByRole("button", { name: "Read", exact: true }).click();
    await waitForValue(page, "Result", `received ${before + 1}`);
    const value = received[before]!;
    const background = asArray(value.background);
    expect([background.width, background.height]).toEqual([40, 30]);
    expect(pixel(background, 5, 5)).toEqual([0, 200, 0, 255]);
    const layer = asArray(value.layers[0]);
    expect(pixel(layer, 5, 5)).toEqual([255, 0, 0, 255]);
    expect(pixel(layer, 28, 24)).toEqual([0, 0, 255, 255]);
    const composite = asArray(value.composite);
    expect(pixel(composite, 5, 5)).toEqual([255, 0, 0, 255]);
    expect(pixel(composite, 28, 24)).toEqual([0, 0, 255, 255]);
    expect(pixel(composite, 20, 10)).toEqual([0, 200, 0, 255]);
  });

  it("the sketch demo: draw, submit, get the drawing back cropped to where it was drawn", async () => {
    const { page } = suite;
    await suite.open("sketch");
    await edited(page, () => drag(page, "Sketch", [0.2, 0.2], [0.6, 0.4]));
    await page.getByRole("button", { name: "Submit" }).click();
    const out = page.locator(".vt-type-image img").first();
    await out.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>(".vt-type-image img");
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const size = await out.evaluate((img) => [(img as HTMLImageElement).naturalWidth, (img as HTMLImageElement).naturalHeight]);
    // The stroke spans about 0.4 × 400 by 0.2 × 300 pixels of the 400×300 canvas, plus the brush's width.
    expect(size[0]).toBeGreaterThan(150);
    expect(size[0]).toBeLessThan(200);
    expect(size[1]).toBeGreaterThan(55);
    expect(size[1]).toBeLessThan(100);
  });
});
