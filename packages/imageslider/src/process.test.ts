import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { createHash } from "node:crypto";
import { Blocks, VitrineError, fileData, type FileData, type FileStore, type ProcessContext } from "@vitrine/core";
import { Image, type ImageArray, type JimpImage } from "@vitrine/image";
import { ImageSlider } from "./index.js";

/** A FileStore in a temp folder: save writes a file, resolve gives its path. */
class TempStore implements FileStore {
  constructor(readonly dir: string) {}
  async save(data: Uint8Array, options: { name?: string; mime_type?: string } = {}): Promise<FileData> {
    const hash = createHash("sha256").update(data).digest("hex").slice(0, 16);
    const path = join(this.dir, `${hash}-${options.name ?? "file"}`);
    await writeFile(path, data);
    return fileData(path, { orig_name: options.name ?? null, size: data.length, mime_type: options.mime_type ?? null });
  }
  async adopt(path: string, options: { name?: string; mime_type?: string } = {}): Promise<FileData> {
    return this.save(await readFile(path), { name: options.name ?? basename(path), ...(options.mime_type ? { mime_type: options.mime_type } : {}) });
  }
  async resolve(file: FileData): Promise<string> {
    if (!file.path.startsWith(this.dir)) throw new Error(`not in the store: ${file.path}`);
    return file.path;
  }
  async read(path: string): Promise<Uint8Array> {
    return new Uint8Array(await readFile(path));
  }
}

let dir: string;
let ctx: ProcessContext;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-imageslider-"));
  ctx = { files: new TempStore(dir) };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function pixels(seed: number, width = 5, height = 4): ImageArray {
  const data = new Uint8ClampedArray(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 41 + seed * 13) % 256;
  return { width, height, channels: 3, data };
}

describe("ImageSlider", () => {
  it("round trips a pair's exact pixels through type array (png)", async () => {
    const slider = ImageSlider({ format: "png" });
    const before = pixels(1);
    const after = pixels(2);
    const payload = await slider.postprocess([before, after], ctx);
    expect(payload).toEqual([expect.objectContaining({ orig_name: "image.png", mime_type: "image/png" }), expect.objectContaining({ orig_name: "image.png" })]);
    expect(payload![0]!.path).not.toBe(payload![1]!.path);
    const [a, b] = (await slider.preprocess(payload, ctx))! as [ImageArray, ImageArray];
    expect(Array.from(a.data)).toEqual(Array.from(before.data));
    expect(Array.from(b.data)).toEqual(Array.from(after.data));
  });

  it("gives paths with type filepath and Jimp images with type jimp; a missing image is null", async () => {
    const payload = await ImageSlider({ format: "png" }).postprocess([pixels(3), null], ctx);
    expect(payload![1]).toBeNull();
    expect(await ImageSlider({ type: "filepath" }).preprocess(payload, ctx)).toEqual([payload![0]!.path, null]);
    const [jimp] = (await ImageSlider({ type: "jimp" }).preprocess(payload, ctx))! as [JimpImage, null];
    expect(jimp.bitmap.width).toBe(5);
    expect(await ImageSlider().preprocess(null, ctx)).toBeNull();
  });

  it("takes bytes, paths, URLs and FileData; saves webp by default", async () => {
    const png = await readFile((await Image({ format: "png" }).postprocess(pixels(4), ctx))!.path);
    const path = join(dir, "before.png");
    await writeFile(path, png);
    const out = await ImageSlider().postprocess([path, "https://example.com/after.jpg"], ctx);
    expect(out![0]).toMatchObject({ orig_name: "before.png", mime_type: "image/png" });
    expect(Buffer.compare(await readFile(out![0]!.path), png)).toBe(0);
    expect(out![1]).toMatchObject({ url: "https://example.com/after.jpg" });
    const webp = await ImageSlider().postprocess([png, fileData("/x.png")], ctx);
    expect(webp![0]).toMatchObject({ mime_type: "image/webp" });
    expect(webp![1]!.path).toBe("/x.png");
    expect(await ImageSlider().postprocess(null, ctx)).toBeNull();
  });

  it("refuses bad values with messages naming the side", async () => {
    await expect(ImageSlider().postprocess([pixels(1)] as never, ctx)).rejects.toThrow(/return a pair of images/);
    await expect(ImageSlider().postprocess([pixels(1), 42 as never], ctx)).rejects.toThrow(/ImageSlider: second image: return an image array/);
    const text = await ctx.files.save(new TextEncoder().encode("nope"), { name: "x.png" });
    const refused = ImageSlider().preprocess([text, null], ctx);
    await expect(refused).rejects.toThrow(VitrineError);
    await expect(ImageSlider().preprocess([text, null], ctx)).rejects.toThrow(/ImageSlider: first image: "x.png" is not an image/);
    await expect(ImageSlider().preprocess([text] as never, ctx)).rejects.toThrow(/expects a pair/);
  });

  it("validates its props", () => {
    expect(() => ImageSlider({ slider_position: 120 })).toThrow(/slider_position must be a number from 0 to 100/);
    expect(() => ImageSlider({ type: "pil" as never })).toThrow(/type must be one of/);
    expect(() => ImageSlider({ max_height: 0 })).toThrow(/max_height must be/);
    expect(() => ImageSlider({ buttons: ["share" as never] })).toThrow(/buttons must be/);
  });

  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      ImageSlider({ label: "Compare", slider_position: 30, show_download_button: false, value: ["https://example.com/a.png", "https://example.com/b.png"] });
    });
    const [config] = app.config().components.filter((c) => c.type === "imageslider");
    expect(config).toMatchObject({
      props: { label: "Compare", slider_position: 30, max_height: 500, buttons: ["fullscreen"], show_download_button: false, type: "array", format: "webp", name: "imageslider",
        value: [{ url: "https://example.com/a.png" }, { url: "https://example.com/b.png" }] },
      api_info: { title: "SliderData" },
    });
    const s = ImageSlider();
    for (const e of ["clear", "change", "upload", "input"] as const) expect(typeof s[e]).toBe("function");
  });
});
