import { afterAll, expect } from "@jest/globals";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeComponent } from "@vitrine/component-test";
import { encodeImage, type ImageArray } from "@vitrine/image";
import { ImageEditor, type EditorValue } from "./index.js";

// The API's example input is Image's own PNG, by absolute path: the snapshot keeps it from the packages' folder.
const packagesDir = fileURLToPath(new URL("../..", import.meta.url));
expect.addSnapshotSerializer({
  test: (value) => typeof value === "string" && value.startsWith(packagesDir),
  serialize: (value: string) => JSON.stringify(`<packages>/${value.slice(packagesDir.length)}`),
});

/** An RGBA image: a gradient, or (`stroke`) a transparent layer with one opaque red bar across it. */
function pixels(width: number, height: number, seed: number, stroke = false): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (stroke) {
        if (y >= height / 2 - 2 && y < height / 2 + 2) data.set([220, 20, 30, 255], i);
      } else data.set([seed + x * 3, 200 - seed + y * 2, 255 - (x + y) * 2, 255], i);
    }
  return data;
}

const dir = mkdtempSync(join(tmpdir(), "vitrine-imageeditor-conformance-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a PNG of `data` and returns its path. */
async function png(name: string, width: number, height: number, data: Uint8Array): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await encodeImage({ width, height, data }, "png"));
  return path;
}

/** Composes `layer` over `background` (both RGBA, same size). */
function over(background: Uint8Array, layer: Uint8Array): Uint8Array {
  const out = new Uint8Array(background);
  for (let i = 0; i < out.length; i += 4) if (layer[i + 3] === 255) out.set(layer.subarray(i, i + 4), i);
  return out;
}

// A function returns one image (it becomes the background and the composite), or a background,
// a layer drawn over it and their composite. Returned by path, each PNG comes back exactly.
const photo = pixels(40, 30, 20);
const photoPath = await png("photo.png", 40, 30, photo);
const background = pixels(36, 24, 70);
const layer = pixels(36, 24, 0, true);
const composite = over(background, layer);
const edited = {
  background: await png("background.png", 36, 24, background),
  layers: [await png("layer.png", 36, 24, layer)],
  composite: await png("composite.png", 36, 24, composite),
};

/** What each sample comes back as: RGBA pixels of its background, layers and composite. */
const expected = new Map<unknown, { size: [number, number]; background: Uint8Array; layers: Uint8Array[]; composite: Uint8Array }>([
  [photoPath, { size: [40, 30], background: photo, layers: [], composite: photo }],
  [edited, { size: [36, 24], background, layers: [layer], composite }],
]);

function same(image: ImageArray | null, size: [number, number], want: Uint8Array): void {
  expect(image).not.toBeNull();
  expect([image!.width, image!.height, image!.channels]).toEqual([...size, 4]);
  expect(new Uint8Array(image!.data)).toEqual(want);
}

describeComponent({
  create: ImageEditor,
  samples: [photoPath, edited],
  roundTrip(back, sample) {
    const want = expected.get(sample)!;
    const value = back as EditorValue<ImageArray>;
    same(value.background, want.size, want.background);
    expect(value.layers).toHaveLength(want.layers.length);
    value.layers.forEach((l, i) => same(l, want.size, want.layers[i]!));
    same(value.composite, want.size, want.composite);
  },
  // The drawing canvas (with its toolbar) is there only when interactive; otherwise the composite is a plain image.
  editor: (block) => block.locator("canvas"),
  events: {
    clear: ({ block }) => block.getByRole("button", { name: "Clear" }).click(),
    change: ({ sendValue }) => sendValue(),
    // A brush stroke: the editor uploads its layers and sets the value the user made.
    input: ({ block }) => block.locator("canvas").click({ position: { x: 20, y: 20 } }),
    select: "only the non-interactive editor fires it (a click on its composite picks a pixel), and the suite listens on the interactive one; view.dom.test.tsx (\"not interactive: … selects the clicked pixel\") covers it",
    upload: ({ block }) => block.locator('input[type="file"]').setInputFiles(photoPath),
    apply: ({ block }) => block.getByRole("button", { name: "Apply", exact: true }).click(),
  },
});
