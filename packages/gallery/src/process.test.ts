import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Blocks, VitrineError, fileData, isFileData, type FileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Image, type ImageArray, type JimpImage } from "@vitrine/image";
import { Gallery, type GalleryImageData, type GalleryVideoData } from "./index.js";
import { valueForWidth } from "./breakpoints.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

/** A w x h RGB image whose every pixel differs, seeded so that two images differ. */
function pixels(seed: number, width = 4, height = 3): ImageArray {
  const data = new Uint8ClampedArray(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37 + seed * 71 + 5) % 256;
  return { width, height, channels: 3, data };
}

/** PNG bytes of an image, encoded by Image (jimp). */
async function pngBytes(image: ImageArray): Promise<Uint8Array> {
  const fd = await Image({ format: "png" }).postprocess(image, ctx);
  return new Uint8Array(await readFile(fd!.path));
}

/** The RGB pixels of an image file, decoded by Image (jimp). */
async function decoded(file: FileData): Promise<ImageArray> {
  return (await Image().preprocess(file, ctx)) as ImageArray;
}

describe("Gallery postprocess", () => {
  it("saves arrays in format, with or without captions", async () => {
    const a = pixels(1);
    const b = pixels(2);
    const out = await Gallery({ format: "png" }).postprocess([a, [b, "second"]], ctx);
    expect(out).toHaveLength(2);
    const [first, second] = out as GalleryImageData[];
    expect(first!.caption).toBeNull();
    expect(second!.caption).toBe("second");
    expect(first!.image).toMatchObject({ orig_name: "image.png", mime_type: "image/png" });
    expect(Array.from((await decoded(first!.image)).data)).toEqual(Array.from(a.data));
    expect(Array.from((await decoded(second!.image)).data)).toEqual(Array.from(b.data));
  });

  it("saves webp by default", async () => {
    const [item] = (await Gallery().postprocess([pixels(3)], ctx)) as GalleryImageData[];
    expect(item!.image).toMatchObject({ orig_name: "image.webp", mime_type: "image/webp" });
    const back = await decoded(item!.image);
    expect([back.width, back.height]).toEqual([4, 3]);
  });

  it("takes Jimp images, encoded bytes, paths, URLs and FileData", async () => {
    const png = await pngBytes(pixels(4));
    const path = join(store.dir, "given.png");
    await writeFile(path, png);
    const jimp = (await Image({ type: "jimp" }).preprocess(await ctx.files.save(png, { name: "j.png" }), ctx)) as JimpImage;
    const given = fileData("/elsewhere/x.png", { orig_name: "x.png" });
    const url = "https://example.com/pics/cat.jpg";
    const out = (await Gallery({ format: "png" }).postprocess([jimp, png, [path, "from a path"], url, given], ctx)) as GalleryImageData[];
    expect(out.map((i) => i.caption)).toEqual([null, null, "from a path", null, null]);
    expect(Array.from((await decoded(out[0]!.image)).data)).toEqual(Array.from(pixels(4).data));
    // Bytes already in the format, and paths, are kept byte for byte (no re-encoding).
    expect(Buffer.compare(await readFile(out[1]!.image.path), png)).toBe(0);
    expect(out[2]!.image).toMatchObject({ orig_name: "given.png", mime_type: "image/png" });
    expect(Buffer.compare(await readFile(out[2]!.image.path), png)).toBe(0);
    expect(out[3]!.image).toMatchObject({ path: url, url, orig_name: "cat.jpg" });
    expect(out[4]!.image).toBe(given);
  });

  it("shows videos by path, URL or FileData as videos", async () => {
    const path = join(store.dir, "clip.mp4");
    await writeFile(path, new Uint8Array([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]));
    const out = (await Gallery().postprocess([[path, "a clip"], "https://example.com/v/movie.webm", fileData("/x/y.mov", { mime_type: "video/quicktime" })], ctx)) as GalleryVideoData[];
    expect(out[0]).toEqual({ video: expect.objectContaining({ orig_name: "clip.mp4", mime_type: "video/mp4" }), caption: "a clip" });
    expect(isFileData(out[0]!.video)).toBe(true);
    expect(out[1]).toEqual({ video: expect.objectContaining({ url: "https://example.com/v/movie.webm", mime_type: "video/webm" }), caption: null });
    expect(out[2]!.video.path).toBe("/x/y.mov");
  });

  it("gives an empty list for null", async () => {
    expect(await Gallery().postprocess(null, ctx)).toEqual([]);
  });

  it("refuses what is not a list of images, naming the item", async () => {
    await expect(Gallery().postprocess("a.png" as never, ctx)).rejects.toThrow(/return a list of images/);
    await expect(Gallery().postprocess([pixels(1), 42 as never], ctx)).rejects.toThrow(/Gallery: item 2: return an image array/);
    await expect(Gallery().postprocess([[pixels(1), 7 as never]], ctx)).rejects.toThrow(/item 1: a caption must be a string/);
    await expect(Gallery().postprocess([null as never], ctx)).rejects.toThrow(/item 1 is empty/);
    await expect(Gallery().postprocess([new Uint8Array([1, 2, 3])], ctx)).rejects.toThrow(/item 1: the returned bytes are not an image/);
    await expect(Gallery().postprocess([{ width: 2, height: 2, channels: 3, data: new Uint8ClampedArray(5) }], ctx)).rejects.toThrow(/item 1: .*needs 12 values/);
  });
});

describe("Gallery preprocess", () => {
  it("gives [path, caption] pairs by default (type filepath)", async () => {
    const payload = await Gallery({ format: "png" }).postprocess([[pixels(1), "one"], pixels(2)], ctx);
    const value = await Gallery().preprocess(payload, ctx);
    expect(value).toEqual([[(payload[0] as GalleryImageData).image.path, "one"], [(payload[1] as GalleryImageData).image.path, null]]);
  });

  it("round trips exact pixels through type array (png)", async () => {
    const gallery = Gallery({ type: "array", format: "png" });
    const images = [pixels(5, 7, 2), pixels(6, 1, 1), pixels(7, 3, 9)];
    const payload = await gallery.postprocess(images.map((im, i) => [im, `#${i}`] as const), ctx);
    const value = await gallery.preprocess(payload, ctx);
    expect(value).toHaveLength(3);
    value!.forEach(([image, caption], i) => {
      expect(caption).toBe(`#${i}`);
      const array = image as ImageArray;
      expect(array).toMatchObject({ width: images[i]!.width, height: images[i]!.height, channels: 3 });
      expect(Array.from(array.data)).toEqual(Array.from(images[i]!.data));
    });
    // And back out again, the same bytes.
    const again = await gallery.postprocess(value!.map(([im, c]) => [im as ImageArray, c] as const), ctx);
    for (let i = 0; i < 3; i++) expect((again[i] as GalleryImageData).image.path).toBe((payload[i] as GalleryImageData).image.path);
  });

  it("gives Jimp images with type jimp, with image_mode", async () => {
    const payload = await Gallery({ format: "png" }).postprocess([pixels(8)], ctx);
    const [[image]] = (await Gallery({ type: "jimp", image_mode: "RGBA" }).preprocess(payload, ctx))! as [[JimpImage, null]];
    expect(image.bitmap.width).toBe(4);
    expect(image.bitmap.data[3]).toBe(255);
    expect(image.bitmap.data[0]).toBe(pixels(8).data[0]);
  });

  it("gives videos as paths, whatever the type", async () => {
    const clip = await ctx.files.save(new Uint8Array([1, 2, 3]), { name: "clip.mp4", mime_type: "video/mp4" });
    const value = await Gallery({ type: "array" }).preprocess([{ video: clip, caption: "v" }], ctx);
    expect(value).toEqual([[clip.path, "v"]]);
  });

  it("gives null for an empty gallery", async () => {
    expect(await Gallery().preprocess([], ctx)).toBeNull();
    expect(await Gallery().preprocess(null, ctx)).toBeNull();
  });

  it("checks file_types, and refuses files that are not images", async () => {
    const png = await ctx.files.save(await pngBytes(pixels(1)), { name: "a.png", mime_type: "image/png" });
    const clip = await ctx.files.save(new Uint8Array([1]), { name: "b.mp4", mime_type: "video/mp4" });
    const onlyImages = Gallery({ file_types: ["image"] });
    expect(await onlyImages.preprocess([{ image: png, caption: null }], ctx)).toEqual([[png.path, null]]);
    const refused = onlyImages.preprocess([{ image: png, caption: null }, { video: clip, caption: null }], ctx);
    await expect(refused).rejects.toThrow(VitrineError);
    await expect(onlyImages.preprocess([{ video: clip, caption: null }], ctx)).rejects.toThrow(/"b.mp4" is not an allowed file type; allowed: image/);
    await expect(Gallery({ file_types: [".jpg"] }).preprocess([{ image: png, caption: null }], ctx)).rejects.toThrow(/"a.png" is not an allowed/);
    const text = await ctx.files.save(new TextEncoder().encode("not an image"), { name: "notes.png" });
    await expect(Gallery({ type: "array" }).preprocess([{ image: png, caption: null }, { image: text, caption: null }], ctx)).rejects.toThrow(/Gallery: item 2: "notes.png" is not an image/);
    await expect(Gallery().preprocess([{ picture: png } as never], ctx)).rejects.toThrow(/item 1 is not \{ image: FileData/);
    await expect(Gallery().preprocess("x" as never, ctx)).rejects.toThrow(/expects a list/);
  });
});

describe("Gallery config", () => {
  it("describes itself for the API and the page", () => {
    const app = Blocks(() => {
      Gallery({ label: "Pics", columns: 3, object_fit: "cover", show_download_button: false, selected_index: 1 });
    });
    const [config] = app.config().components.filter((c) => c.type === "gallery");
    expect(config).toMatchObject({
      type: "gallery",
      props: {
        label: "Pics", columns: 3, object_fit: "cover", selected_index: 1, allow_preview: true, value: [], type: "filepath", format: "webp",
        buttons: ["download_all", "fullscreen", "share"], show_download_button: false, show_fullscreen_button: true, sources: ["upload"], name: "gallery",
      },
      api_info: { title: "GalleryData", type: "array" },
    });
    expect((config as { example_inputs: { image: unknown }[] }).example_inputs[0]!.image).toMatchObject({ orig_name: "example.png" });
  });

  it("sends the webcam source to the page, and refuses unknown sources", () => {
    expect(Gallery({ sources: ["webcam", "upload"] }).configProps()).toMatchObject({ sources: ["webcam", "upload"] });
    expect(() => Gallery({ sources: ["camera" as never] })).toThrow(/sources/);
  });

  it("sends an initial value of URLs and FileData, and keeps its captions", () => {
    const g = Gallery({ value: [["https://example.com/a.png", "A"], "https://example.com/b.mp4"] });
    expect(g.initialPayload()).toEqual([
      { image: expect.objectContaining({ url: "https://example.com/a.png" }), caption: "A" },
      { video: expect.objectContaining({ url: "https://example.com/b.mp4", mime_type: "video/mp4" }), caption: null },
    ]);
  });

  it("copies an initial value of paths (captioned or not) into the store", async () => {
    const path = join(store.dir, "initial.png");
    await writeFile(path, await pngBytes(pixels(4)));
    const g = Gallery({ value: [[path, "A"], path] });
    expect(g.initialValueNeedsFiles()).toBe(true);
    expect(Gallery({ value: ["https://example.com/a.png"] }).initialValueNeedsFiles()).toBe(false);
    expect(Gallery({ value: [] }).initialValueNeedsFiles()).toBe(false);
    const payload = (await g.initialPayloadWithFiles(ctx)) as GalleryImageData[];
    expect(payload.map((item) => item.caption)).toEqual(["A", null]);
    expect(Array.from((await decoded(payload[0]!.image)).data)).toEqual(Array.from(pixels(4).data));
  });

  it("declares its events as listener methods", () => {
    const g = Gallery();
    for (const event of ["select", "upload", "change", "delete", "preview_close", "preview_open"] as const) expect(typeof g[event]).toBe("function");
  });

  it("validates its props", () => {
    expect(() => Gallery({ type: "numpy" as never })).toThrow(/type must be one of/);
    expect(() => Gallery({ format: "bmp" as never })).toThrow(/format must be/);
    expect(() => Gallery({ object_fit: "stretch" as never })).toThrow(/object_fit must be/);
    expect(() => Gallery({ columns: 0 })).toThrow(/columns must be a positive integer/);
    expect(() => Gallery({ columns: [] })).toThrow(/columns must be a positive integer or a non-empty list/);
    expect(() => Gallery({ rows: [2, 1.5] })).toThrow(/rows must be a positive integer or a non-empty list/);
    expect(Gallery({ columns: [1, 2, 4], rows: [3] }).configProps()).toMatchObject({ columns: [1, 2, 4], rows: [3] });
    expect(() => Gallery({ buttons: ["print" as never] })).toThrow(/buttons must be/);
  });
});

describe("per-screen-size columns and rows", () => {
  it("picks the value for the viewport's width, the last one for wider sizes", () => {
    const columns = [1, 2, 3, 4, 5, 6];
    expect([320, 576, 767, 768, 992, 1200, 1399, 1400, 2560].map((w) => valueForWidth(columns, w))).toEqual([1, 2, 2, 3, 4, 5, 5, 6, 6]);
    expect([320, 700, 2000].map((w) => valueForWidth([1, 3], w))).toEqual([1, 3, 3]);
    expect(valueForWidth(4, 320)).toBe(4);
  });
});
