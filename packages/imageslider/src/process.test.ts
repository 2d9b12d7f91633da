import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Blocks, VitrineError, fileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Image, type ImageArray, type JimpImage } from "@vitrine/image";
import { ImageSlider } from "./index.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

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
    const path = join(store.dir, "before.png");
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
