import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { clickIfShown, describeComponent, type TriggerContext } from "@vitrine/component-test";
import { decodeImage, encodeImage, type ImageArray } from "@vitrine/image";
import { Gallery } from "./index.js";

// The API's example input is Image's own PNG, by absolute path: the snapshot keeps it from the packages' folder.
const packagesDir = fileURLToPath(new URL("../..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packagesDir),
  serialize: (value: string) => JSON.stringify(`<packages>/${value.slice(packagesDir.length)}`),
});

/** A smooth opaque RGBA gradient (lossy webp keeps it close), `seed` (0–100) shifting its colours. */
function gradient(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([seed + x * 3, 200 - seed + y * 2, 255 - (x + y) * 2, 255], (y * width + x) * 4);
  return data;
}

/** The RGB channels of an RGBA buffer. */
function rgb(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3);
  for (let i = 0; i < rgba.length / 4; i++) out.set(rgba.subarray(i * 4, i * 4 + 3), i * 3);
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "vitrine-gallery-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a PNG of a gradient and returns its path. */
async function pngFile(name: string, width: number, height: number, seed: number): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await encodeImage({ width, height, data: gradient(width, height, seed) }, "png"));
  return path;
}

// Captioned PNGs returned by path (Gallery's default type, "filepath", hands back the same bytes);
// a pixel array and captioned PNG bytes (saved as lossy webp: close pixels); and an empty gallery.
const sunrise = await pngFile("sunrise.png", 40, 30, 10);
const dusk = await pngFile("dusk.png", 30, 40, 70);
const captioned = [[sunrise, "Sunrise"], [dusk, null]] as const;
const array: ImageArray = { width: 24, height: 24, channels: 3, data: new Uint8ClampedArray(rgb(gradient(24, 24, 30))) };
const bytes = await encodeImage({ width: 48, height: 16, data: gradient(48, 16, 50) }, "png");
const generated = [array, [bytes, "From bytes"]] as const;
const empty: readonly never[] = [];

type Want = { bytes: Uint8Array } | { width: number; height: number; rgb: Uint8Array };
const expected = new Map<unknown, [Want, string | null][] | null>([
  [captioned, [[{ bytes: readFileSync(sunrise) }, "Sunrise"], [{ bytes: readFileSync(dusk) }, null]]],
  [generated, [[{ width: 24, height: 24, rgb: new Uint8Array(array.data) }, null], [{ width: 48, height: 16, rgb: rgb(gradient(48, 16, 50)) }, "From bytes"]]],
  [empty, null], // an empty gallery reaches the function as null, as in Gradio
]);

/** Closes the preview if it is open, so the grid (with its remove buttons) shows. */
async function grid({ block }: TriggerContext): Promise<void> {
  const close = block.getByRole("button", { name: "Close preview" });
  await clickIfShown(close);
}

/** Makes sure the main gallery holds images (the server sends the next sample until it does), with its grid shown. */
async function withItems(context: TriggerContext): Promise<void> {
  await grid(context);
  const thumb = context.block.getByRole("button", { name: /^Image 1\b/ });
  for (let i = 0; i < 3 && (await thumb.count()) === 0; i++) {
    await context.sendValue();
    await context.page.waitForTimeout(300);
  }
  await thumb.waitFor();
}

/** Opens the preview of the first image. */
async function openPreview(context: TriggerContext): Promise<void> {
  await withItems(context);
  await context.block.getByRole("button", { name: /^Image 1\b/ }).click();
}

describeComponent({
  create: Gallery,
  samples: [captioned, generated, empty],
  async roundTrip(back, sample) {
    const want = expected.get(sample)!;
    if (want === null) return void expect(back).toBeNull();
    const items = back as [string, string | null][];
    expect(items.map(([, caption]) => caption)).toEqual(want.map(([, caption]) => caption));
    for (const [i, [path]] of items.entries()) {
      const file = new Uint8Array(readFileSync(path));
      const w = want[i]![0];
      if ("bytes" in w) {
        expect(file).toEqual(new Uint8Array(w.bytes));
        continue;
      }
      const image = await decodeImage(file);
      expect([image.width, image.height]).toEqual([w.width, w.height]);
      const got = rgb(image.data);
      let total = 0;
      for (let j = 0; j < got.length; j++) total += Math.abs(got[j]! - w.rgb[j]!);
      expect(total / got.length).toBeLessThan(8); // a wrong image is off by tens
    }
  },
  // Its remove buttons and "add images" tile (or, empty, its upload area): none is there when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Remove |add images|upload images/ }),
  events: {
    select: async (context) => {
      await withItems(context);
      await context.block.getByRole("button", { name: /^Image 2\b/ }).click();
    },
    upload: async (context) => {
      await grid(context);
      await context.block.locator('input[type="file"]').setInputFiles(dusk);
    },
    change: ({ sendValue }) => sendValue(),
    delete: async (context) => {
      await withItems(context);
      await context.block.getByRole("button", { name: /^Remove Image 1\b/ }).click();
    },
    preview_close: async (context) => {
      await openPreview(context);
      await context.block.getByRole("button", { name: "Close preview" }).click();
    },
    preview_open: openPreview,
  },
});
