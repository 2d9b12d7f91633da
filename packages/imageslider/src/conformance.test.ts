import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { clickIfShown, describeComponent, type TriggerContext } from "@vitrine/component-test";
import { encodeImage, type ImageArray } from "@vitrine/image";
import { ImageSlider } from "./index.js";

// The API's example input is Image's own PNG, by absolute path: the snapshot keeps it from the packages' folder.
const packagesDir = fileURLToPath(new URL("../..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packagesDir),
  serialize: (value: string) => JSON.stringify(`<packages>/${value.slice(packagesDir.length)}`),
});

/** A smooth opaque RGB gradient (lossy webp keeps it close), `seed` (0–100) shifting its colours. */
function gradient(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([seed + x * 3, 200 - seed + y * 2, 255 - (x + y) * 2], (y * width + x) * 3);
  return data;
}

/** An RGB image as encoded PNG bytes. */
async function png(width: number, height: number, rgb: Uint8Array): Promise<Uint8Array> {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set([rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!, 255], i * 4);
  return encodeImage({ width, height, data: rgba }, "png");
}

const dir = mkdtempSync(join(tmpdir(), "vitrine-imageslider-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Want { width: number; height: number; rgb: Uint8Array; exact: boolean }

// A before/after pair returned as PNG paths (exact pixels back); a pair of PNG bytes and a pixel
// array (both saved as lossy webp: close); and a pair whose second image is still missing.
const before: Want = { width: 40, height: 30, rgb: gradient(40, 30, 10), exact: true };
const after: Want = { width: 40, height: 30, rgb: gradient(40, 30, 80), exact: true };
const beforePath = join(dir, "before.png");
const afterPath = join(dir, "after.png");
writeFileSync(beforePath, await png(40, 30, before.rgb));
writeFileSync(afterPath, await png(40, 30, after.rgb));
const small: Want = { width: 24, height: 24, rgb: gradient(24, 24, 40), exact: false };
const smallBytes = await png(24, 24, small.rgb);
const wide: ImageArray = { width: 48, height: 16, channels: 3, data: new Uint8ClampedArray(gradient(48, 16, 60)) };

const paths = [beforePath, afterPath] as const;
const mixed = [smallBytes, wide] as const;
const half = [afterPath, null] as const;
const expected = new Map<unknown, [Want | null, Want | null]>([
  [paths, [before, after]],
  [mixed, [small, { width: 48, height: 16, rgb: new Uint8Array(wide.data), exact: false }]],
  [half, [after, null]],
]);

function same(image: ImageArray | null, want: Want | null): void {
  if (want === null) return void expect(image).toBeNull();
  expect(image).not.toBeNull();
  expect([image!.width, image!.height, image!.channels]).toEqual([want.width, want.height, 3]);
  const got = new Uint8Array(image!.data);
  if (want.exact) return void expect(got).toEqual(want.rgb);
  let total = 0;
  for (let i = 0; i < got.length; i++) total += Math.abs(got[i]! - want.rgb[i]!);
  expect(total / got.length).toBeLessThan(8); // a wrong image is off by tens
}

/** Clears the main slider when it holds images, and uploads `path` as its first image. */
async function uploadFirst({ block }: TriggerContext, path: string): Promise<void> {
  const clear = block.getByRole("button", { name: "Clear" });
  await clickIfShown(clear);
  await block.getByRole("button", { name: /upload the first image/ }).waitFor();
  await block.locator('input[type="file"]').first().setInputFiles(path);
}

describeComponent({
  create: ImageSlider,
  samples: [paths, mixed, half],
  roundTrip(back, sample) {
    const want = expected.get(sample)!;
    const pair = back as [ImageArray | null, ImageArray | null];
    expect(pair).toHaveLength(2);
    same(pair[0], want[0]);
    same(pair[1], want[1]);
  },
  // With images, its Clear button; empty, its upload areas. None is there when not interactive.
  editor: (block) => block.getByRole("button", { name: /^Clear$|upload the (first|second) image/ }),
  events: {
    clear: ({ block }) => block.getByRole("button", { name: "Clear" }).click(),
    change: ({ sendValue }) => sendValue(),
    upload: (context) => uploadFirst(context, beforePath),
    input: (context) => uploadFirst(context, afterPath),
  },
});
