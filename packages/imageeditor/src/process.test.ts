import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Jimp } from "jimp";
import { Blocks, VitrineError, fileData, isFileData, type FileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import type { ImageArray, JimpImage } from "@vitrine/image";
import { Brush, Eraser, ImageEditor, ImageMask, LayerOptions, Paint, Sketchpad, WebcamOptions, type EditorData, type EditorValue } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

const W = 4;
const H = 3;

/** An opaque background with distinct pixels. */
function backgroundPixels(): Uint8Array {
  const data = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) data.set([(i * 40) % 256, (i * 90 + 7) % 256, 255 - i * 20, 255], i * 4);
  return data;
}

/** A layer: transparent but for a red stroke along the middle row. */
function layerPixels(): Uint8Array {
  const data = new Uint8Array(W * H * 4);
  for (let x = 0; x < W; x++) data.set([255, 0, 0, 255], (1 * W + x) * 4);
  return data;
}

/** The composite of the two: the background with the middle row red. */
function compositePixels(): Uint8Array {
  const data = backgroundPixels();
  for (let x = 0; x < W; x++) data.set([255, 0, 0, 255], (1 * W + x) * 4);
  return data;
}

/** A Buffer over its own ArrayBuffer: jimp's fromBitmap reads the whole buffer, so a pooled one would not do. */
function owned(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

async function savePng(data: Uint8Array, name: string): Promise<FileData> {
  const bytes = await Jimp.fromBitmap({ width: W, height: H, data: owned(data) }).getBuffer("image/png");
  return store.save(new Uint8Array(bytes), { name, mime_type: "image/png" });
}

/** What the browser sends after a stroke: the three PNGs it uploaded. */
async function payload(): Promise<EditorData> {
  return {
    background: await savePng(backgroundPixels(), "background.png"),
    layers: [await savePng(layerPixels(), "layer1.png")],
    composite: await savePng(compositePixels(), "composite.png"),
  };
}

/** The RGBA pixels of a saved image file. */
async function pixelsOf(file: FileData | null): Promise<number[]> {
  expect(file).not.toBeNull();
  const image = await Jimp.fromBuffer(await readFile(file!.path));
  return Array.from(image.bitmap.data);
}

describe("ImageEditor preprocess", () => {
  it("gives each image's exact pixels as an RGBA array by default", async () => {
    const value = (await ImageEditor().preprocess(await payload(), ctx)) as EditorValue<ImageArray>;
    expect(value.background).toMatchObject({ width: W, height: H, channels: 4 });
    expect(Array.from(value.background!.data)).toEqual(Array.from(backgroundPixels()));
    expect(value.layers).toHaveLength(1);
    expect(Array.from(value.layers[0]!.data)).toEqual(Array.from(layerPixels()));
    expect(Array.from(value.composite!.data)).toEqual(Array.from(compositePixels()));
  });

  it("follows image_mode (RGB drops alpha) and type (jimp, filepath)", async () => {
    const p = await payload();
    const rgb = (await ImageEditor({ image_mode: "RGB" }).preprocess(p, ctx)) as EditorValue<ImageArray>;
    expect(rgb.composite!.channels).toBe(3);
    expect(Array.from(rgb.composite!.data)).toEqual(Array.from(compositePixels()).filter((_, i) => i % 4 !== 3));
    const jimp = (await ImageEditor({ type: "jimp" }).preprocess(p, ctx)) as EditorValue<JimpImage>;
    expect(jimp.layers[0]).toBeInstanceOf(Jimp);
    expect(Array.from(jimp.layers[0]!.bitmap.data)).toEqual(Array.from(layerPixels()));
    const paths = await ImageEditor({ type: "filepath" }).preprocess(p, ctx);
    expect(paths).toEqual({ background: p.background!.path, layers: [p.layers[0]!.path], composite: p.composite!.path });
  });

  it("passes null through, and an empty value as nulls and no layers", async () => {
    expect(await ImageEditor().preprocess(null, ctx)).toBeNull();
    expect(await ImageEditor().preprocess({ background: null, layers: [], composite: null }, ctx)).toEqual({ background: null, layers: [], composite: null });
  });

  it("refuses malformed payloads and files that are not images, naming the part", async () => {
    const editor = ImageEditor();
    await expect(editor.preprocess("x" as never, ctx)).rejects.toThrow(/expects \{ background, layers, composite \}/);
    await expect(editor.preprocess({ background: { path: 1 } as never, layers: [], composite: null }, ctx)).rejects.toThrow(/ImageEditor background: expected a FileData/);
    await expect(editor.preprocess({ background: null, layers: "a" as never, composite: null }, ctx)).rejects.toThrow(/ImageEditor layers: expected a list/);
    await expect(editor.preprocess({ background: null, layers: [42 as never], composite: null }, ctx)).rejects.toThrow(/ImageEditor layer 0: expected a FileData/);
    const text = await store.save(new TextEncoder().encode("not an image"), { name: "notes.png" });
    const error = await editor.preprocess({ background: null, layers: [], composite: text }, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VitrineError);
    expect((error as Error).message).toMatch(/^ImageEditor composite: "notes.png" is not an image/);
    await expect(editor.preprocess({ background: text, layers: [], composite: null })).rejects.toThrow(/needs the server's file store/);
  });
});

describe("ImageEditor postprocess", () => {
  it("round trips the value's exact pixels with format png", async () => {
    const editor = ImageEditor({ format: "png" });
    const value = await editor.preprocess(await payload(), ctx);
    const out = (await editor.postprocess(value, ctx))!;
    for (const file of [out.background, out.layers[0], out.composite]) expect(file).toMatchObject({ orig_name: "image.png", mime_type: "image/png" });
    expect(await pixelsOf(out.background)).toEqual(Array.from(backgroundPixels()));
    expect(await pixelsOf(out.layers[0]!)).toEqual(Array.from(layerPixels()));
    expect(await pixelsOf(out.composite)).toEqual(Array.from(compositePixels()));
  });

  it("takes one image as the background (and composite), in every Image output form", async () => {
    const editor = ImageEditor({ format: "png" });
    const array: ImageArray = { width: W, height: H, channels: 4, data: new Uint8ClampedArray(backgroundPixels()) };
    const jimp = Jimp.fromBitmap({ width: W, height: H, data: owned(backgroundPixels()) });
    const bytes = new Uint8Array(await jimp.getBuffer("image/png"));
    const path = join(store.dir, "given.png");
    await writeFile(path, bytes);
    for (const image of [array, jimp, bytes, path, `data:image/png;base64,${Buffer.from(bytes).toString("base64")}`]) {
      const out = (await editor.postprocess(image, ctx))!;
      expect(out.layers).toEqual([]);
      expect(out.composite).toBe(out.background);
      expect(await pixelsOf(out.background)).toEqual(Array.from(backgroundPixels()));
    }
    const url = "https://example.com/cat.png";
    expect(await editor.postprocess(url, ctx)).toMatchObject({ background: { path: url, url }, composite: { path: url } });
    const fd = fileData("/x/y.png");
    expect(await editor.postprocess(fd, ctx)).toEqual({ background: fd, layers: [], composite: fd });
    expect(await editor.postprocess(null, ctx)).toBeNull();
  });

  it("takes { background, layers, composite } with mixed forms, parts optional, in the output format", async () => {
    const layer: ImageArray = { width: W, height: H, channels: 4, data: new Uint8ClampedArray(layerPixels()) };
    const bgBytes = new Uint8Array(await Jimp.fromBitmap({ width: W, height: H, data: owned(backgroundPixels()) }).getBuffer("image/png"));
    const out = (await ImageEditor({ format: "png" }).postprocess({ background: bgBytes, layers: [layer, null] }, ctx))!;
    expect(out.composite).toBeNull();
    expect(out.layers).toHaveLength(1);
    expect(await pixelsOf(out.background)).toEqual(Array.from(backgroundPixels()));
    expect(await pixelsOf(out.layers[0]!)).toEqual(Array.from(layerPixels()));
    const webp = (await ImageEditor().postprocess({ composite: layer }, ctx))!;
    expect(webp).toMatchObject({ background: null, layers: [], composite: { orig_name: "image.webp", mime_type: "image/webp" } });
  });

  it("refuses values that are not images, naming the part", async () => {
    await expect(ImageEditor().postprocess(42 as never, ctx)).rejects.toThrow(/^ImageEditor image: return an image array/);
    await expect(ImageEditor().postprocess({ layers: [{ width: 2, height: 2, channels: 3, data: new Uint8ClampedArray(5) }] }, ctx)).rejects.toThrow(/ImageEditor layer 0: .*needs 12 values/);
    await expect(ImageEditor().postprocess({ background: null, layers: "x" as never }, ctx)).rejects.toThrow(/layers must be a list/);
  });
});

describe("ImageEditor props and config", () => {
  it("sends Gradio's defaults and the tools' options to the page", () => {
    const app = Blocks(() => {
      ImageEditor({ label: "Edit" });
    });
    const [config] = app.config().components.filter((c) => c.type === "imageeditor");
    expect(config).toMatchObject({
      type: "imageeditor",
      props: {
        label: "Edit", image_mode: "RGBA", format: "webp", type: "array", sources: ["upload", "webcam", "clipboard"], transforms: ["crop", "resize"],
        canvas_size: [800, 800], fixed_canvas: false, show_download_button: true, show_fullscreen_button: true, value: null,
        brush: { default_size: "auto", colors: ["rgb(204, 50, 50)", "rgb(173, 204, 50)", "rgb(50, 204, 112)", "rgb(50, 112, 204)", "rgb(173, 50, 204)"], default_color: "rgb(204, 50, 50)", color_mode: "defaults" },
        eraser: { default_size: "auto" },
        layers: { allow_additional_layers: true, layers: ["Layer 1"], disabled: false },
      },
      api_info: { title: "EditorData", type: "object" },
    });
    const example = (config as { example_inputs: EditorData }).example_inputs;
    expect(isFileData(example.background)).toBe(true);
  });

  it("Sketchpad: no sources, a black brush of fixed colour; ImageMask: one layer; Paint: no sources", () => {
    const props = (c: { configProps(): Record<string, unknown> }) => c.configProps();
    expect(props(Sketchpad({ canvas_size: [64, 32] }))).toMatchObject({
      sources: [], transforms: ["crop"], canvas_size: [64, 32], brush: { colors: ["#000000"], default_color: "#000000", color_mode: "fixed" }, name: "imageeditor",
    });
    expect(props(Sketchpad({ brush: Brush({ colors: ["#ff0000"] }) }))).toMatchObject({ brush: { colors: ["#ff0000"], color_mode: "defaults" } });
    expect(props(ImageMask())).toMatchObject({
      sources: ["upload", "webcam", "clipboard"], layers: { disabled: true }, brush: { colors: ["#000000"], color_mode: "fixed" },
    });
    expect(props(Paint())).toMatchObject({ sources: [], brush: { color_mode: "defaults" } });
  });

  it("hides the eraser with the brush, reads crop_size as Gradio 5 does, takes layer options", () => {
    expect(ImageEditor({ brush: false }).configProps()).toMatchObject({ brush: false, eraser: false });
    expect(ImageEditor({ eraser: false }).configProps()).toMatchObject({ eraser: false, brush: { default_size: "auto" } });
    expect(ImageEditor({ eraser: Eraser({ default_size: 12 }) }).configProps()).toMatchObject({ eraser: { default_size: 12 } });
    expect(ImageEditor({ crop_size: "2:1" }).configProps()).toMatchObject({ canvas_size: [1600, 800] });
    expect(ImageEditor({ crop_size: [300, 200] }).configProps()).toMatchObject({ canvas_size: [300, 200] });
    expect(ImageEditor({ crop_size: "1:1", canvas_size: [50, 60] }).configProps()).toMatchObject({ canvas_size: [50, 60] });
    expect(ImageEditor({ layers: LayerOptions({ layers: ["Sketch", "Colour"], allow_additional_layers: false }) }).configProps())
      .toMatchObject({ layers: { layers: ["Sketch", "Colour"], allow_additional_layers: false, disabled: false } });
    expect(ImageEditor({ transforms: null, sources: "upload" }).configProps()).toMatchObject({ transforms: [], sources: ["upload"] });
  });

  it("sends webcam_options as Gradio does (mirrored by default); the deprecated mirror_webcam overrides its mirror", () => {
    expect(ImageEditor().configProps()).toMatchObject({ webcam_options: { mirror: true, constraints: null } });
    expect(ImageMask({ webcam_options: WebcamOptions({ mirror: false, constraints: { video: { width: 640 } } }) }).configProps())
      .toMatchObject({ webcam_options: { mirror: false, constraints: { video: { width: 640 } } } });
    expect(ImageEditor({ webcam_options: { constraints: { width: 320 } } }).configProps()).toMatchObject({ webcam_options: { mirror: true, constraints: { width: 320 } } });
    expect(ImageEditor({ mirror_webcam: false }).configProps()).toMatchObject({ webcam_options: { mirror: false, constraints: null } });
    expect(ImageEditor({ mirror_webcam: true, webcam_options: WebcamOptions({ mirror: false }) }).configProps()).toMatchObject({ webcam_options: { mirror: true } });
    expect(WebcamOptions()).toEqual({ mirror: true, constraints: null });
    expect(() => WebcamOptions({ mirror: "yes" as never })).toThrow(/WebcamOptions: mirror must be true or false/);
    expect(() => WebcamOptions({ constraints: [1] as never })).toThrow(/WebcamOptions: constraints must be an object/);
    expect(() => ImageEditor({ webcam_options: { constraints: "hd" as never } })).toThrow(/WebcamOptions: constraints/);
    expect(() => ImageEditor({ mirror_webcam: 1 as never })).toThrow(/ImageEditor: mirror_webcam must be true or false/);
  });

  it("validates its props and the tools' options", () => {
    expect(() => ImageEditor({ type: "numpy" as never })).toThrow(/type must be/);
    expect(() => ImageEditor({ format: "bmp" as never })).toThrow(/format must be/);
    expect(() => ImageEditor({ image_mode: "CMYK" as never })).toThrow(/image_mode must be/);
    expect(() => ImageEditor({ sources: ["camera" as never] })).toThrow(/sources must be among/);
    expect(() => ImageEditor({ transforms: ["rotate" as never] })).toThrow(/transforms must be among/);
    expect(() => ImageEditor({ canvas_size: [0, 10] })).toThrow(/canvas_size must be \[width, height\]/);
    expect(() => ImageEditor({ crop_size: "wide" })).toThrow(/crop_size must be/);
    expect(() => Brush({ default_size: -1 })).toThrow(/Brush: default_size must be a positive number/);
    expect(() => Brush({ colors: [] })).toThrow(/at least one colour/);
    expect(() => Brush({ colors: [["red", 2]] })).toThrow(/a colour is a CSS colour string or \[colour, opacity/);
    expect(() => Brush({ color_mode: "free" as never })).toThrow(/color_mode must be/);
    expect(Brush({ colors: ["#00ff00", ["#0000ff", 0.5]] })).toEqual({ default_size: "auto", colors: ["#00ff00", ["#0000ff", 0.5]], default_color: "#00ff00", color_mode: "defaults" });
    expect(Brush({ colors: ["red", 0.5] })).toMatchObject({ colors: [["red", 0.5]] });
    expect(() => Eraser({ default_size: "big" as never })).toThrow(/Eraser: default_size/);
  });

  it("declares Gradio's events as listener methods", () => {
    const editor = ImageEditor();
    for (const event of ["clear", "change", "input", "select", "upload", "apply"] as const) expect(typeof editor[event]).toBe("function");
  });

  it("sends a FileData or URL initial value and example; paths wait for the store", () => {
    const fd = fileData("/cache/bg.png");
    expect(ImageEditor({ value: fd }).initialPayload()).toEqual({ background: fd, layers: [], composite: fd });
    expect(ImageEditor({ value: { background: "https://example.com/a.png", layers: [fd] } }).initialPayload())
      .toMatchObject({ background: { url: "https://example.com/a.png" }, layers: [fd], composite: null });
    expect(ImageEditor({ value: "/some/path.png" }).initialPayload()).toBeNull();
    expect(ImageEditor().processExample({ background: fd, layers: [], composite: null })).toEqual({ background: fd, layers: [], composite: null });
  });

  it("copies the paths inside a { background, layers, composite } initial value or example into the store", async () => {
    const files = await payload();
    const value = { background: files.background!.path, layers: [files.layers[0]!.path], composite: files.composite!.path };
    const editor = ImageEditor({ value, format: "png" });
    expect(editor.initialValueNeedsFiles()).toBe(true);
    expect(ImageEditor({ value: { background: fileData("/cache/bg.png"), layers: [], composite: null } }).initialValueNeedsFiles()).toBe(false);
    const example = (await editor.processExampleWithFiles(value, ctx)) as EditorData;
    expect(await pixelsOf(example.background)).toEqual(Array.from(backgroundPixels()));
    expect(await pixelsOf(example.layers[0]!)).toEqual(Array.from(layerPixels()));
    expect(await pixelsOf(example.composite)).toEqual(Array.from(compositePixels()));
    expect(((await editor.initialPayloadWithFiles(ctx)) as EditorData).layers).toHaveLength(1);
  });
});
