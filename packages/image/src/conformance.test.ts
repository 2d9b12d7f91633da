import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Jimp } from "jimp";
import { clickIfShown, describeComponent, type TriggerContext } from "@vitrine/component-test";
import { Image, type ImageArray } from "./index.js";

/** A smooth opaque RGBA gradient (lossy webp keeps it close), `seed` (0–100) shifting its colours. */
function gradient(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      data[i] = seed + x * 3;
      data[i + 1] = 200 - seed + y * 2;
      data[i + 2] = 255 - (x + y) * 2;
      data[i + 3] = 255;
    }
  return data;
}

/** The RGB channels of an RGBA buffer. */
function rgb(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0; i < rgba.length / 4; i++) out.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
  return out;
}

// The API's example input is the package's own PNG, by absolute path: the snapshot keeps it from the package's folder.
const packageDir = fileURLToPath(new URL("..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packageDir),
  serialize: (value: string) => JSON.stringify(`<package>/${value.slice(packageDir.length)}`),
});

const dir = mkdtempSync(join(tmpdir(), "vitrine-image-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A PNG file a function returns by path (its pixels come back exactly), the same kind of PNG as
// bytes, and a pixel array (both re-encoded as lossy webp: close, not exact).
const photo = { width: 32, height: 24, data: gradient(32, 24, 10) };
const photoPath = join(dir, "photo.png");
writeFileSync(photoPath, await Jimp.fromBitmap({ ...photo, data: Buffer.from(photo.data.buffer) }).getBuffer("image/png"));
const wide = { width: 48, height: 16, data: gradient(48, 16, 60) };
const wideBytes = new Uint8Array(await Jimp.fromBitmap({ ...wide, data: Buffer.from(wide.data.buffer) }).getBuffer("image/png"));
const square: ImageArray = { width: 20, height: 20, channels: 3, data: new Uint8ClampedArray(rgb(gradient(20, 20, 100))) };

/** What each sample must come back as (RGB pixels), and whether exactly. */
const expected = new Map<unknown, { width: number; height: number; rgb: Uint8Array; exact: boolean }>([
  [photoPath, { ...photo, rgb: rgb(photo.data), exact: true }],
  [wideBytes, { ...wide, rgb: rgb(wide.data), exact: false }],
  [square, { width: 20, height: 20, rgb: new Uint8Array(square.data), exact: false }],
]);

/** Clears the main image when it holds one, so its upload area (and file input) shows. */
async function empty(block: TriggerContext["block"]): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  await clickIfShown(clear);
  await block.getByRole("button", { name: /upload an image/ }).waitFor();
}

describeComponent({
  create: Image,
  samples: [photoPath, wideBytes, square],
  roundTrip(back, sample) {
    const want = expected.get(sample)!;
    const image = back as ImageArray;
    expect([image.width, image.height, image.channels]).toEqual([want.width, want.height, 3]);
    const got = new Uint8Array(image.data);
    if (want.exact) return void expect(got).toEqual(want.rgb);
    let total = 0;
    for (let i = 0; i < got.length; i++) total += Math.abs(got[i]! - want.rgb[i]!);
    expect(total / got.length).toBeLessThan(8) // a wrong image is off by tens;
  },
  // With a value, its Clear button; empty, its upload area. Neither is there when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|upload an image/ }),
  events: {
    clear: ({ block }) => block.getByRole("button", { name: "Clear" }).click(),
    change: ({ sendValue }) => sendValue(),
    stream: "it needs a camera stream from a streaming webcam (streaming: true), which has no upload area; browser-webcam.test.ts and browser-stream-media.test.ts stream frames with chromium's fake camera",
    select: async ({ block, sendValue }) => {
      if (!(await block.locator("img").isVisible())) await sendValue();
      await block.locator("img").click({ position: { x: 3, y: 4 } });
    },
    upload: async ({ block }) => {
      await empty(block);
      await block.locator('input[type="file"]').setInputFiles(photoPath);
    },
    input: async ({ block }) => {
      await empty(block);
      await block.locator('input[type="file"]').setInputFiles(photoPath);
    },
  },
});
