import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Jimp } from "jimp";
import { Blocks, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { decodeImage as decode, type ImageArray } from "@vitrine/image";
import { AnnotatedImage, ANNOTATION_PALETTE as DEFAULT_PALETTE, type AnnotatedImageData } from "./index.js";
import { BOX_BORDER } from "./overlay.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

const W = 40;
const H = 30;

/** A W×H grey RGB image array. */
function grey(): ImageArray {
  return { width: W, height: H, channels: 3, data: new Uint8ClampedArray(W * H * 3).fill(128) };
}

/** The RGBA pixel at (x, y) of a decoded overlay. */
function pixel(bitmap: { width: number; data: Uint8Array }, x: number, y: number): number[] {
  const i = (y * bitmap.width + x) * 4;
  return [...bitmap.data.subarray(i, i + 4)];
}

async function overlay(value: AnnotatedImageData, i: number) {
  const bytes = await readFile(value.annotations[i]!.image.path);
  expect([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
  return decode(new Uint8Array(bytes));
}

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));

describe("AnnotatedImage postprocess", () => {
  it("paints a box: its colour inside (half alpha), a solid 3-pixel border, transparent outside", async () => {
    const out = (await AnnotatedImage({ color_map: { car: "#00ff00" } }).postprocess([grey(), [[[10, 5, 30, 25], "car"]]], ctx))!;
    expect(out.annotations.map((a) => a.label)).toEqual(["car"]);
    expect(out.image.mime_type).toBe("image/webp");
    const bitmap = await overlay(out, 0);
    expect([bitmap.width, bitmap.height]).toEqual([W, H]);
    expect(pixel(bitmap, 20, 15)).toEqual([0, 255, 0, 128]); // inside
    expect(pixel(bitmap, 10, 5)).toEqual([0, 255, 0, 255]); // top-left corner (border)
    expect(pixel(bitmap, 10 + BOX_BORDER - 1, 15)).toEqual([0, 255, 0, 255]); // left border
    expect(pixel(bitmap, 10 + BOX_BORDER, 15)).toEqual([0, 255, 0, 128]);
    expect(pixel(bitmap, 29, 24)).toEqual([0, 255, 0, 255]); // last pixel in (x2, y2 excluded)
    expect(pixel(bitmap, 30, 15)[3]).toBe(0); // x2 is outside
    expect(pixel(bitmap, 9, 15)[3]).toBe(0);
    expect(pixel(bitmap, 20, 4)[3]).toBe(0);
    expect(pixel(bitmap, 0, 0)).toEqual([0, 0, 0, 0]);
  });

  it("paints a 0..1 mask (rows of numbers) with its values as alpha, and an L image array mask", async () => {
    const rows = Array.from({ length: H }, (_, y) => Array.from({ length: W }, (_, x) => (x < 20 ? (y < 15 ? 1 : 0.25) : 0)));
    const lMask: ImageArray = { width: W, height: H, channels: 1, data: new Uint8ClampedArray(W * H).map((_, i) => (i % W >= 30 ? 200 : 0)) };
    const out = (await AnnotatedImage().postprocess([grey(), [[rows, "sky"], [lMask, "road"]]], ctx))!;
    const sky = await overlay(out, 0);
    const [r, g, b] = hex(DEFAULT_PALETTE[0]!);
    expect(pixel(sky, 3, 3)).toEqual([r, g, b, 255]);
    expect(pixel(sky, 3, 20)).toEqual([r, g, b, 64]);
    expect(pixel(sky, 25, 3)).toEqual([0, 0, 0, 0]);
    const road = await overlay(out, 1);
    const [r2, g2, b2] = hex(DEFAULT_PALETTE[1]!);
    expect(pixel(road, 35, 10)).toEqual([r2, g2, b2, 200]);
    expect(pixel(road, 29, 10)[3]).toBe(0);
  });

  it("colours labels from color_map (#rgb and #rrggbb), others from the palette, one colour a label", async () => {
    const box = [0, 0, 10, 10] as const;
    const out = (await AnnotatedImage({ color_map: { cat: "#f00", dog: "#0000ff" } }).postprocess(
      [grey(), [[box, "cat"], [box, "bird"], [box, "dog"], [box, "bird"], [box, "fish"]]], ctx))!;
    const colours = await Promise.all(out.annotations.map(async (_, i) => pixel(await overlay(out, i), 0, 0).slice(0, 3)));
    expect(colours).toEqual([[255, 0, 0], hex(DEFAULT_PALETTE[0]!), [0, 0, 255], hex(DEFAULT_PALETTE[0]!), hex(DEFAULT_PALETTE[1]!)]);
  });

  it("takes the base image as a path, bytes, a Jimp image and a FileData, reading its size", async () => {
    const jimp = new Jimp({ width: 16, height: 12, color: 0x336699ff });
    const bytes = new Uint8Array(await jimp.getBuffer("image/png"));
    const path = join(store.dir, "base.png");
    await writeFile(path, bytes);
    const saved = await ctx.files.save(bytes, { name: "saved.png" });
    const c = AnnotatedImage({ format: "png" });
    for (const base of [path, bytes, jimp, saved]) {
      const out = (await c.postprocess([base, [[[2, 2, 8, 8], "x"]]], ctx))!;
      const decoded = await decode(new Uint8Array(await readFile(out.image.path)));
      expect([decoded.width, decoded.height]).toEqual([16, 12]);
      const o = await overlay(out, 0);
      expect([o.width, o.height]).toEqual([16, 12]);
    }
  });

  it("clips a box reaching outside the image", async () => {
    const out = (await AnnotatedImage().postprocess([grey(), [[[-10, -10, 100, 100], "all"]]], ctx))!;
    const o = await overlay(out, 0);
    expect(pixel(o, 0, 0)[3]).toBe(255);
    expect(pixel(o, W - 1, H - 1)[3]).toBe(255);
    expect(pixel(o, 20, 15)[3]).toBe(128);
  });

  it("keeps an empty list of annotations, null, and a value already in wire form", async () => {
    const c = AnnotatedImage();
    const out = (await c.postprocess([grey(), []], ctx))!;
    expect(out.annotations).toEqual([]);
    expect(await c.postprocess(null, ctx)).toBeNull();
    expect(await c.postprocess(out, ctx)).toBe(out);
  });

  it("refuses bad input with clear messages", async () => {
    const c = AnnotatedImage();
    await expect(c.postprocess("x.png" as never, ctx)).rejects.toThrow(/return \[image, \[\[box or mask, label\]/);
    await expect(c.postprocess([grey(), [[[1, 2, 3], "a"]]] as never, ctx)).rejects.toThrow(/annotation 0 \("a"\) must be a box \[x1, y1, x2, y2\] or a mask/);
    await expect(c.postprocess([grey(), [[[1, 2, 3, 4], 5]]] as never, ctx)).rejects.toThrow(/annotation 0 must be \[box or mask, label\] with a string label/);
    await expect(c.postprocess([grey(), [[[5, 5, 1, 9], "a"]]], ctx)).rejects.toThrow(/x1 <= x2 and y1 <= y2/);
    await expect(c.postprocess([grey(), [[[0, 0, NaN, 4], "a"]]], ctx)).rejects.toThrow(/four finite numbers/);
    await expect(c.postprocess([grey(), [[[[0, 1], [1, 0]], "small"]]], ctx)).rejects.toThrow(/mask of annotation 0 \("small"\) is 2x2 .* the image is 40x30/);
    const big = Array.from({ length: H }, () => Array.from({ length: W }, () => 2));
    await expect(c.postprocess([grey(), [[big, "big"]]], ctx)).rejects.toThrow(/values are between 0 and 1, got 2 at row 0, column 0/);
    const rgbMask: ImageArray = { width: W, height: H, channels: 3, data: new Uint8ClampedArray(W * H * 3) };
    await expect(c.postprocess([grey(), [[rgbMask, "rgb"]]], ctx)).rejects.toThrow(/needs 1 channel \(L\), got 3/);
    await expect(c.postprocess([null, []] as never, ctx)).rejects.toThrow(/base image is missing/);
    await expect(c.postprocess([new Uint8Array([1, 2, 3]), [[[0, 0, 1, 1], "a"]]], ctx)).rejects.toThrow(/not an image/);
    const svg = join(store.dir, "a.svg");
    await writeFile(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>');
    await expect(c.postprocess([svg, [[[0, 0, 1, 1], "a"]]], ctx)).rejects.toThrow(/is an SVG; annotations need a raster image/);
    expect(() => AnnotatedImage({ color_map: { cat: "red" } })).toThrow(/color_map\["cat"\] must be a hex colour/);
    expect(() => AnnotatedImage({ format: "bmp" as never })).toThrow(/format must be one of/);
  });
});

describe("AnnotatedImage preprocess, config and API", () => {
  it("gives the function the base image's path and each overlay's path and label", async () => {
    const out = (await AnnotatedImage().postprocess([grey(), [[[0, 0, 4, 4], "a"], [[4, 4, 8, 8], "b"]]], ctx))!;
    const input = await AnnotatedImage().preprocess(out, ctx);
    expect(input).toEqual([out.image.path, [[out.annotations[0]!.image.path, "a"], [out.annotations[1]!.image.path, "b"]]]);
    expect(await AnnotatedImage().preprocess(null, ctx)).toBeNull();
    await expect(AnnotatedImage().preprocess({ image: "x" } as never, ctx)).rejects.toThrow(/expects \{ image: FileData, annotations/);
  });

  it("sends its props in the config and fires select", () => {
    let image!: ReturnType<typeof AnnotatedImage>;
    const demo = Blocks(() => {
      image = AnnotatedImage({ label: "Detections", show_legend: false, height: 300, color_map: { a: "#123456" } });
    });
    const config = demo.config();
    const props = config.components.find((c) => c.id === image.id)!.props as Record<string, unknown>;
    expect(props).toMatchObject({ name: "annotatedimage", label: "Detections", show_legend: false, height: 300, width: null,
      color_map: { a: "#123456" }, format: "webp", show_fullscreen_button: true, value: null });
    expect(typeof image.select).toBe("function");
    expect(image.api().type).toMatchObject({ title: "AnnotatedImageData" });
  });
});

describe("AnnotatedImage initial value and examples", () => {
  it("makes an initial value or example given as [image, annotations] with the file store", async () => {
    const value = [grey(), [[[10, 5, 30, 25], "car"]]] as const;
    const component = AnnotatedImage({ value, color_map: { car: "#00ff00" } });
    expect(component.initialPayload()).toBeNull();
    expect(component.initialValueNeedsFiles()).toBe(true);
    const initial = (await component.initialPayloadWithFiles(ctx)) as AnnotatedImageData;
    expect(initial.annotations.map((a) => a.label)).toEqual(["car"]);
    expect(pixel(await overlay(initial, 0), 20, 15)).toEqual([0, 255, 0, 128]);
    const example = (await component.processExampleWithFiles(value, ctx)) as AnnotatedImageData;
    expect(example.annotations.map((a) => a.label)).toEqual(["car"]);
    expect(await component.processExampleWithFiles(initial, ctx)).toBe(initial);
    expect(AnnotatedImage({ value: initial }).initialValueNeedsFiles()).toBe(false);
  });
});

describe("AnnotatedImage in a Blocks", () => {
  it("adds only itself to the layout (the Image it saves base images with is not rendered)", () => {
    const demo = Blocks(() => {
      AnnotatedImage();
    });
    expect(demo.config().components.map((c) => c.type).filter((t) => t !== "column")).toEqual(["annotatedimage"]);
  });
});
