/**
 * Painting annotations: a box or a mask becomes a coverage map (0..1 a pixel), which becomes an
 * RGBA overlay of the base image's size, as Gradio paints them: the label's colour wherever the
 * coverage is above 0, with the coverage as alpha. A box is half-covered inside, with a fully
 * covered border 3 pixels wide.
 */
import type { ImageArray, RgbaBitmap } from "@vitrine/image";

/** A bounding box `[x1, y1, x2, y2]` in pixels of the base image (x2 and y2 excluded). */
export type Box = readonly [number, number, number, number];

/**
 * A mask: an {@link ImageArray} with one channel (L; 0..255 is 0..1), or rows of numbers in
 * 0..1 (or booleans), `height` rows of `width` values, as the base image.
 */
export type Mask = ImageArray | readonly (readonly number[] | Float32Array | Float64Array | Uint8Array)[] | readonly (readonly boolean[])[];

/** Width of a box's border, in pixels. */
export const BOX_BORDER = 3;

/** Whether `value` is a box: four numbers. */
export function isBox(value: unknown): value is Box {
  return Array.isArray(value) && value.length === 4 && value.every((v) => typeof v === "number");
}

/** The coverage of a box over a `width`×`height` image; the box is clipped to the image. */
export function boxCoverage(box: Box, width: number, height: number, where = "box"): Float32Array {
  if (!box.every(Number.isFinite)) throw new TypeError(`AnnotatedImage: ${where} [x1, y1, x2, y2] needs four finite numbers, got ${JSON.stringify(box)}`);
  const clampX = (v: number) => Math.min(width, Math.max(0, Math.round(v)));
  const clampY = (v: number) => Math.min(height, Math.max(0, Math.round(v)));
  const [x1, y1, x2, y2] = [clampX(box[0]), clampY(box[1]), clampX(box[2]), clampY(box[3])];
  if (box[2] < box[0] || box[3] < box[1])
    throw new TypeError(`AnnotatedImage: ${where} [x1, y1, x2, y2] needs x1 <= x2 and y1 <= y2, got ${JSON.stringify(box)}`);
  const out = new Float32Array(width * height);
  for (let y = y1; y < y2; y++) {
    for (let x = x1; x < x2; x++) {
      const border = x < x1 + BOX_BORDER || x >= x2 - BOX_BORDER || y < y1 + BOX_BORDER || y >= y2 - BOX_BORDER;
      out[y * width + x] = border ? 1 : 0.5;
    }
  }
  return out;
}

function isImageArray(value: unknown): value is ImageArray {
  const v = value as ImageArray;
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof v.width === "number" && typeof v.channels === "number" && ArrayBuffer.isView(v.data);
}

/** Whether `value` looks like a mask (an ImageArray, or an array of rows). */
export function isMask(value: unknown): value is Mask {
  return isImageArray(value) || (Array.isArray(value) && value.length > 0 && value.every((row) => Array.isArray(row) || ArrayBuffer.isView(row)));
}

/** The coverage of a mask, checked against the base image's size and the 0..1 range. */
export function maskCoverage(mask: Mask, width: number, height: number, where = "mask"): Float32Array {
  const out = new Float32Array(width * height);
  if (isImageArray(mask)) {
    if (mask.channels !== 1) throw new TypeError(`AnnotatedImage: ${where} as an image array needs 1 channel (L), got ${mask.channels}`);
    if (mask.width !== width || mask.height !== height)
      throw new TypeError(`AnnotatedImage: ${where} is ${mask.width}x${mask.height}, the image is ${width}x${height}: a mask has the image's size`);
    if (mask.data.length !== width * height) throw new TypeError(`AnnotatedImage: ${where} needs ${width * height} values, got ${mask.data.length}`);
    for (let i = 0; i < out.length; i++) out[i] = mask.data[i]! / 255;
    return out;
  }
  const rows = mask as readonly ArrayLike<number | boolean>[];
  const rowWidth = rows[0]?.length ?? 0;
  if (rows.length !== height || rows.some((row) => row.length !== width))
    throw new TypeError(`AnnotatedImage: ${where} is ${rowWidth}x${rows.length} (columns x rows), the image is ${width}x${height}: a mask has the image's size`);
  for (let y = 0; y < height; y++) {
    const row = rows[y]!;
    for (let x = 0; x < width; x++) {
      const v = row[x];
      const n = typeof v === "boolean" ? (v ? 1 : 0) : v;
      if (typeof n !== "number" || !(n >= 0 && n <= 1))
        throw new TypeError(`AnnotatedImage: ${where} values are between 0 and 1, got ${JSON.stringify(v)} at row ${y}, column ${x}`);
      out[y * width + x] = n;
    }
  }
  return out;
}

/** Paints a coverage map in `rgb`: the colour where coverage > 0, alpha = coverage × 255. */
export function paintOverlay(coverage: Float32Array, width: number, height: number, rgb: readonly [number, number, number]): RgbaBitmap {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < coverage.length; i++) {
    const c = coverage[i]!;
    if (c <= 0) continue;
    data[i * 4] = rgb[0];
    data[i * 4 + 1] = rgb[1];
    data[i * 4 + 2] = rgb[2];
    data[i * 4 + 3] = Math.round(c * 255);
  }
  return { width, height, data };
}
