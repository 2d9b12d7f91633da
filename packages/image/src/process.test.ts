import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Jimp } from "jimp";
import { Blocks, fileData, isFileData, type FileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Image, type ImageArray, type JimpImage } from "./index.js";
import { decode, sniffFormat } from "./codec.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

/** A 5x3 RGBA image with distinct pixels, some transparent. */
function rgbaPixels(): { width: number; height: number; data: Uint8Array } {
  const width = 5, height = 3, data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    data[i * 4] = (i * 53) % 256; data[i * 4 + 1] = (i * 97 + 11) % 256; data[i * 4 + 2] = (i * 29 + 200) % 256;
    data[i * 4 + 3] = i % 4 === 0 ? 128 : 255;
  }
  return { width, height, data };
}

async function pngFile(): Promise<{ fd: FileData; pixels: ReturnType<typeof rgbaPixels> }> {
  const pixels = rgbaPixels();
  const image = Jimp.fromBitmap({ width: pixels.width, height: pixels.height, data: pixels.data });
  const bytes = await image.getBuffer("image/png");
  const fd = await store.save(bytes, { name: "test.png" });
  return { fd, pixels };
}

/** A 1x1 GIF of two frames (black, then white), written by hand. */
function twoFrameGif(): Uint8Array {
  const frame = (lzw: number[]) => [
    0x21, 0xf9, 0x04, 0x00, 0x0a, 0x00, 0x00, 0x00, // graphic control: 100 ms
    0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0x00, // image descriptor 1x1
    0x02, 0x02, ...lzw, 0x00,
  ];
  return new Uint8Array([
    ...Buffer.from("GIF89a"), 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff,
    0x21, 0xff, 0x0b, ...Buffer.from("NETSCAPE2.0"), 0x03, 0x01, 0x00, 0x00, 0x00,
    ...frame([0x44, 0x01]), ...frame([0x4c, 0x01]), 0x3b,
  ]);
}

describe("Image preprocess", () => {
  it("gives the exact pixels of a PNG as an RGB array by default", async () => {
    const { fd, pixels } = await pngFile();
    const array = (await Image().preprocess(fd, ctx)) as ImageArray;
    expect(array).toMatchObject({ width: 5, height: 3, channels: 3 });
    expect(array.data).toBeInstanceOf(Uint8ClampedArray);
    const rgb = [...pixels.data].filter((_, i) => i % 4 !== 3);
    expect(Array.from(array.data)).toEqual(rgb);
  });

  it("keeps alpha with image_mode RGBA and gives luma with L", async () => {
    const { fd, pixels } = await pngFile();
    const rgba = (await Image({ image_mode: "RGBA" }).preprocess(fd, ctx)) as ImageArray;
    expect(rgba.channels).toBe(4);
    expect(Array.from(rgba.data)).toEqual(Array.from(pixels.data));
    const l = (await Image({ image_mode: "L" }).preprocess(fd, ctx)) as ImageArray;
    expect(l).toMatchObject({ width: 5, height: 3, channels: 1 });
    const d = pixels.data;
    const luma = Array.from({ length: 15 }, (_, i) => (d[i * 4]! * 19595 + d[i * 4 + 1]! * 38470 + d[i * 4 + 2]! * 7471 + 0x8000) >> 16);
    expect(Array.from(l.data)).toEqual(luma);
  });

  it("gives a Jimp image with type jimp, and the path with type filepath", async () => {
    const { fd, pixels } = await pngFile();
    const image = (await Image({ type: "jimp", image_mode: "RGBA" }).preprocess(fd, ctx)) as JimpImage;
    expect(image).toBeInstanceOf(Jimp);
    expect(Array.from(image.bitmap.data)).toEqual(Array.from(pixels.data));
    expect(await Image({ type: "filepath" }).preprocess(fd, ctx)).toBe(fd.path);
  });

  it("passes null through", async () => {
    expect(await Image().preprocess(null, ctx)).toBeNull();
  });

  it("refuses a file that is not an image with a clear error", async () => {
    const fd = await store.save(new TextEncoder().encode("hello, not an image"), { name: "notes.png" });
    await expect(Image().preprocess(fd, ctx)).rejects.toThrow(/"notes.png" is not an image/);
    await expect(Image({ type: "filepath" }).preprocess(fd, ctx)).rejects.toThrow(/is not an image/);
    const broken = await store.save(new Uint8Array([0x89, ...Buffer.from("PNG\r\n\x1a\n"), 1, 2, 3]), { name: "broken.png" });
    await expect(Image().preprocess(broken, ctx)).rejects.toThrow(/could not decode "broken.png" as png/);
  });

  it("keeps an animated GIF's bytes with type filepath, and takes its first frame as an array", async () => {
    const gif = twoFrameGif();
    const fd = await store.save(gif, { name: "anim.gif" });
    const path = (await Image({ type: "filepath" }).preprocess(fd, ctx)) as string;
    expect(Buffer.compare(await readFile(path), Buffer.from(gif))).toBe(0);
    const first = (await Image().preprocess(fd, ctx)) as ImageArray;
    expect(Array.from(first.data)).toEqual([0, 0, 0]);
    // Returned as a path, it stays the same file, frames and all.
    const out = await Image().postprocess(path, ctx);
    expect(Buffer.compare(await readFile(out!.path), Buffer.from(gif))).toBe(0);
    // Returned as bytes, too.
    const outBytes = await Image({ format: "png" }).postprocess(gif, ctx);
    expect(outBytes!.orig_name).toBe("image.gif");
    expect(Buffer.compare(await readFile(outBytes!.path), Buffer.from(gif))).toBe(0);
  });

  it("always gives an SVG as a path", async () => {
    const svg = new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>');
    const fd = await store.save(svg, { name: "icon.svg" });
    expect(await Image().preprocess(fd, ctx)).toBe(fd.path);
    expect(await Image({ type: "jimp" }).preprocess(fd, ctx)).toBe(fd.path);
  });
});

describe("Image postprocess", () => {
  it("round trips a PNG's pixels exactly: preprocess, then postprocess with format png", async () => {
    const { fd, pixels } = await pngFile();
    for (const props of [{ image_mode: "RGBA" as const }, { type: "jimp" as const, image_mode: "RGBA" as const }]) {
      const component = Image({ ...props, format: "png" });
      const value = await component.preprocess(fd, ctx);
      const out = await component.postprocess(value, ctx);
      expect(isFileData(out)).toBe(true);
      expect(out).toMatchObject({ orig_name: "image.png", mime_type: "image/png" });
      const bytes = await readFile(out!.path);
      expect(sniffFormat(bytes)).toBe("png");
      expect(Array.from((await decode(bytes)).data)).toEqual(Array.from(pixels.data));
    }
  });

  it("saves webp by default, which decodes", async () => {
    const out = await Image().postprocess({ width: 2, height: 2, channels: 3, data: new Uint8ClampedArray(12).fill(200) }, ctx);
    expect(out).toMatchObject({ orig_name: "image.webp", mime_type: "image/webp" });
    const bytes = await readFile(out!.path);
    expect(sniffFormat(bytes)).toBe("webp");
    const back = await decode(bytes);
    expect([back.width, back.height]).toEqual([2, 2]);
    expect(Math.abs(back.data[0]! - 200)).toBeLessThan(8);
  });

  it("saves jpeg and gif", async () => {
    const image = { width: 3, height: 2, channels: 1 as const, data: new Uint8ClampedArray([0, 50, 100, 150, 200, 250]) };
    for (const format of ["jpeg", "gif"] as const) {
      const out = await Image({ format }).postprocess(image, ctx);
      expect(sniffFormat(await readFile(out!.path))).toBe(format);
    }
  });

  it("re-encodes bytes in another format, and keeps bytes already in it", async () => {
    const { pixels } = await pngFile();
    const png = await Jimp.fromBitmap({ ...pixels, data: pixels.data }).getBuffer("image/png");
    const asPng = await Image({ format: "png" }).postprocess(new Uint8Array(png), ctx);
    expect(Buffer.compare(await readFile(asPng!.path), png)).toBe(0);
    const asWebp = await Image().postprocess(png, ctx);
    expect(sniffFormat(await readFile(asWebp!.path))).toBe("webp");
    await expect(Image().postprocess(new Uint8Array([1, 2, 3]), ctx)).rejects.toThrow(/not an image/);
  });

  it("adopts a returned path, and passes URLs and FileData through", async () => {
    const file = join(store.dir, "given.png");
    const { pixels } = await pngFile();
    await writeFile(file, await Jimp.fromBitmap({ ...pixels, data: pixels.data }).getBuffer("image/png"));
    const out = await Image().postprocess(file, ctx);
    expect(out).toMatchObject({ orig_name: "given.png", mime_type: "image/png" });
    expect(Buffer.compare(await readFile(out!.path), await readFile(file))).toBe(0);
    const url = "https://example.com/cat.png";
    expect(await Image().postprocess(url, ctx)).toMatchObject({ path: url, url, orig_name: "cat.png" });
    const fd = fileData("/x/y.png");
    expect(await Image().postprocess(fd, ctx)).toBe(fd);
    expect(await Image().postprocess(null, ctx)).toBeNull();
  });

  it("rejects malformed arrays and other values", async () => {
    await expect(Image().postprocess({ width: 2, height: 2, channels: 3, data: new Uint8ClampedArray(5) }, ctx)).rejects.toThrow(/needs 12 values/);
    await expect(Image().postprocess(42 as never, ctx)).rejects.toThrow(/return an image array/);
  });

  it("validates its props", () => {
    expect(() => Image({ format: "bmp" as never })).toThrow(/format must be/);
    expect(() => Image({ type: "numpy" as never })).toThrow(/type must be/);
    expect(() => Image({ image_mode: "CMYK" as never })).toThrow(/image_mode must be/);
  });
});

describe("Image config", () => {
  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      Image({ label: "Photo", format: "png", sources: "upload", height: 300 });
    });
    const [config] = app.config().components.filter((c) => c.type === "image");
    expect(config).toMatchObject({
      type: "image",
      props: {
        label: "Photo", format: "png", sources: ["upload"], height: 300, image_mode: "RGB", value: null,
        show_download_button: true, show_fullscreen_button: true, name: "image",
      },
      api_info: { title: "ImageData", type: "object" },
    });
    expect(isFileData((config as { example_inputs: unknown }).example_inputs)).toBe(true);
  });

  it("declares its events as listener methods", () => {
    const image = Image();
    for (const event of ["clear", "change", "stream", "select", "upload", "input"] as const) expect(typeof image[event]).toBe("function");
  });

  it("ships its example image", async () => {
    const bytes = await readFile(Image().exampleInput().path);
    expect(sniffFormat(bytes)).toBe("png");
  });
});
