import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeComponent } from "@vitrine/component-test";
import { decodeImage, encodeImage, type ImageArray } from "@vitrine/image";
import { AnnotatedImage } from "./index.js";

/** A smooth opaque RGBA gradient, `seed` (0–100) shifting its colours. */
function gradient(width: number, height: number, seed: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([seed + x * 3, 200 - seed + y * 2, 255 - (x + y) * 2, 255], (y * width + x) * 4);
  return data;
}

const dir = mkdtempSync(join(tmpdir(), "vitrine-annotatedimage-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// What a detector returns: a PNG by path with a box and a mask (rows of 0..1) over it; a pixel
// array with one box; and an image in which nothing was found.
const street = join(dir, "street.png");
writeFileSync(street, await encodeImage({ width: 40, height: 30, data: gradient(40, 30, 20) }, "png"));
const skyMask = Array.from({ length: 30 }, (_, y) => Array.from({ length: 40 }, () => (y < 8 ? 1 : 0)));
const detections = [street, [[[10, 12, 30, 26], "car"], [skyMask, "sky"]]] as const;
const array: ImageArray = { width: 32, height: 32, channels: 3, data: new Uint8ClampedArray(32 * 32 * 3).fill(90) };
const oneBox = [array, [[[4, 4, 20, 16], "dog"]]] as const;
const nothing = [street, []] as const;

/** Where each sample's overlays must be painted (a point inside) and clear (a point outside), by label. */
const expected = new Map<unknown, { size: [number, number]; exact: boolean; overlays: { label: string; inside: [number, number]; outside: [number, number] }[] }>([
  [detections, { size: [40, 30], exact: true, overlays: [
    { label: "car", inside: [20, 19], outside: [5, 28] },
    { label: "sky", inside: [20, 3], outside: [20, 20] },
  ] }],
  [oneBox, { size: [32, 32], exact: false, overlays: [{ label: "dog", inside: [12, 10], outside: [28, 28] }] }],
  [nothing, { size: [40, 30], exact: true, overlays: [] }],
]);

/** The alpha of the pixel at `[x, y]` of a decoded image. */
const alpha = (image: { width: number; data: Uint8Array }, [x, y]: [number, number]) => image.data[(y * image.width + x) * 4 + 3]!;

describeComponent({
  create: AnnotatedImage,
  samples: [detections, oneBox, nothing],
  async roundTrip(back, sample) {
    const want = expected.get(sample)!;
    const [base, overlays] = back as [string, [string, string][]];
    const image = await decodeImage(new Uint8Array(readFileSync(base)));
    expect([image.width, image.height]).toEqual(want.size);
    // A PNG returned by path comes back as the same file's bytes.
    if (want.exact) expect(new Uint8Array(readFileSync(base))).toEqual(new Uint8Array(readFileSync(street)));
    expect(overlays.map(([, label]) => label)).toEqual(want.overlays.map((o) => o.label));
    for (const [i, [path]] of overlays.entries()) {
      const overlay = await decodeImage(new Uint8Array(readFileSync(path)));
      expect([overlay.width, overlay.height]).toEqual(want.size);
      expect(alpha(overlay, want.overlays[i]!.inside)).toBeGreaterThan(0);
      expect(alpha(overlay, want.overlays[i]!.outside)).toBe(0);
    }
  },
  editor: null, // an output: it shows annotations, the user does not edit them
  events: {
    // A click on an annotation's legend entry selects it (as a click on its overlay does).
    select: ({ block }) => block.getByRole("button", { name: "car" }).click(),
  },
});
