/**
 * The media components on the wire, against one real Vitrine app: Video, Gallery, SimpleImage,
 * ImageSlider, ImageEditor and Sketchpad, each through Gradio's official `@gradio/client` and
 * through `@vitrine/client`. Real inputs (PNGs made with jimp, an mp4 made with ffmpeg) are
 * uploaded as the clients send them; the app's functions report what they received (bytes,
 * pixels, duration); the returned files are downloaded from their `url` and compared exactly
 * where the component promises it. `/info` must describe each parameter with a FileData-bearing
 * schema, and a FileData this server never issued must be refused with a clear message.
 *
 * The last block checks the API page's example inputs, which the server copies into its cache
 * when it starts, so that a client may send them back as the API page shows.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient, handle_file as gradioHandleFile } from "@gradio/client";
import { Client, handle_file, type FileData } from "@vitrine/client";
import { Jimp } from "jimp";
import * as vt from "vitrine";
import { ffmpegPath } from "@vitrine/video";
import { serveAtRoot, type Served } from "./harness.js";

// ---------------------------------------------------------------------------------------------
// Test data: PNGs with known pixels, an mp4 with a known duration.

/** RGBA pixels of a `width`×`height` image, one pixel at a time. */
function rgba(width: number, height: number, at: (x: number, y: number) => [number, number, number, number]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(at(x, y), (y * width + x) * 4);
  return data;
}

/** A PNG of these RGBA pixels, encoded by jimp. */
async function png(width: number, height: number, pixels: Buffer): Promise<Buffer> {
  const image = new Jimp({ width, height });
  image.bitmap.data.set(pixels);
  return image.getBuffer("image/png");
}

/** Decoded RGBA pixels of PNG (or other image) bytes. */
async function decode(bytes: Uint8Array): Promise<{ width: number; height: number; data: Buffer }> {
  const image = await Jimp.read(Buffer.from(bytes));
  return { width: image.bitmap.width, height: image.bitmap.height, data: Buffer.from(image.bitmap.data) };
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

/** An image's pixels in a fingerprint: `WxH:channels:sha` (what the functions report). */
function fingerprint(width: number, height: number, channels: number, data: Uint8Array): string {
  return `${width}x${height}:${channels}:${sha(data)}`;
}

/** The fingerprint of an ImageArray the function received. */
function arrayPrint(image: vt.ImageArray | string | null): string {
  if (image === null) return "null";
  if (typeof image === "string") return `path ${image}`;
  return fingerprint(image.width, image.height, image.channels, new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength));
}

/** Inverts RGB, keeps alpha (an RGBA ImageArray). */
function invert(image: vt.ImageArray): vt.ImageArray {
  return { ...image, data: image.data.map((v, i) => (i % 4 === 3 ? v : 255 - v)) };
}
function invertRgba(data: Buffer): Buffer {
  return Buffer.from(data.map((v, i) => (i % 4 === 3 ? v : 255 - v)));
}

/** The duration (seconds) and video codec `ffmpeg -i` reports for a file (read here, not through @vitrine/video's parser). */
function ffmpegReport(path: string): Promise<{ duration: number; codec: string; size: string }> {
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath(), ["-hide_banner", "-i", path], (_err, _stdout, stderr) => {
      const d = /Duration: (\d+):(\d+):(\d+\.\d+)/.exec(stderr);
      const v = /Stream #0:\d+[^:]*: Video: (\w+)[^\n]*?, (\d+x\d+)/.exec(stderr);
      if (!d || !v) return reject(new Error(`ffmpeg could not read ${path}: ${stderr.slice(-300)}`));
      resolve({ duration: Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3]), codec: v[1]!, size: v[2]! });
    });
  });
}

function runFfmpeg(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(ffmpegPath(), ["-hide_banner", "-loglevel", "error", ...args], (err, _stdout, stderr) => (err ? reject(new Error(`ffmpeg failed: ${stderr}`)) : resolve()));
  });
}

// The inputs, made once in beforeAll.
const W = 24;
const H = 16;
/** A gradient, opaque. */
const gradientPixels = rgba(W, H, (x, y) => [x * 10, y * 15, 255 - x * 5, 255]);
/** Red, opaque. */
const redPixels = rgba(W, H, () => [220, 20, 30, 255]);
/** A transparent layer with a half-transparent blue stroke on row 5. */
const layerPixels = rgba(W, H, (_x, y) => (y === 5 ? [0, 0, 255, 128] : [0, 0, 0, 0]));
/** Black strokes on white (a sketch): a diagonal. */
const sketchPixels = rgba(W, H, (x, y) => (x === y ? [0, 0, 0, 255] : [255, 255, 255, 255]));

let dir = "";
let mp4Path = "";
let mp4Bytes: Buffer;
let srtPath = "";
const pngs = {} as Record<"gradient" | "red" | "layer" | "sketch", Buffer>;
const pngPaths = {} as Record<"gradient" | "red", string>;
let served: Served;
let copies = 0;

/** What the SRT returned with the video becomes: WebVTT. */
const SRT = "1\n00:00:00,000 --> 00:00:00,800\nHello from the wire\n";

// ---------------------------------------------------------------------------------------------
// The app: one endpoint per component; each function reports what it received.

/** What a file path holds: bytes, and pixels when it is an image. */
async function fileReport(path: string): Promise<string> {
  const bytes = await readFile(path);
  try {
    const { width, height, data } = await decode(bytes);
    return `${bytes.length}B ${sha(bytes)} ${fingerprint(width, height, 4, data)}`;
  } catch {
    return `${bytes.length}B ${sha(bytes)}`;
  }
}

function app(): vt.App {
  return vt.Blocks(() => {
    // Video: the function gets the upload's path, measures it, returns a copy (an mp4 the
    // browser plays, so passed through as is) with SRT subtitles (sent as WebVTT).
    const clip = vt.Video({ label: "clip", sources: ["upload"] });
    const echoed = vt.Video({ label: "echoed" });
    const videoReport = vt.Textbox({ label: "video report" });
    vt.Button("video").click({
      fn: async (path: string) => {
        const { duration, codec, size } = await ffmpegReport(path);
        const bytes = await readFile(path);
        const out = join(dir, `echo-${++copies}.mp4`);
        await copyFile(path, out);
        return [[out, srtPath], `${bytes.length}B ${sha(bytes)} ${duration.toFixed(1)}s ${codec} ${size}`];
      },
      inputs: [clip],
      outputs: [echoed, videoReport],
      api_name: "video",
    });

    // Gallery (filepath): each item's bytes, pixels and caption; returns the files as they are
    // (re-captioned) and, last, the first image inverted (saved as PNG).
    const pictures = vt.Gallery({ label: "pictures", interactive: true });
    const shown = vt.Gallery({ label: "shown", format: "png" });
    const galleryReport = vt.Textbox({ label: "gallery report" });
    vt.Button("gallery").click({
      fn: async (items: [string, string | null][] | null) => {
        if (!items) throw new vt.Error("The gallery is empty");
        const report = await Promise.all(items.map(async ([path, caption]) => `${caption}: ${await fileReport(path)}`));
        const first = await Jimp.read(items[0]![0]);
        const inverted: vt.ImageArray = invert({ width: first.bitmap.width, height: first.bitmap.height, channels: 4, data: new Uint8ClampedArray(first.bitmap.data) });
        return [[...items.map(([path, caption]) => [path, `${caption}!`] as const), [inverted, "inverted"] as const], report.join(" | ")];
      },
      inputs: [pictures],
      outputs: [shown, galleryReport],
      api_name: "gallery",
    });

    // SimpleImage: the file as is, both ways.
    const scan = vt.SimpleImage({ label: "scan" });
    const same = vt.SimpleImage({ label: "same" });
    const simpleReport = vt.Textbox({ label: "simple report" });
    vt.Button("simple").click({
      fn: async (path: string | null) => {
        if (!path) throw new vt.Error("No image");
        return [path, await fileReport(path)];
      },
      inputs: [scan],
      outputs: [same, simpleReport],
      api_name: "simpleimage",
    });

    // ImageSlider (RGBA arrays): the pair's pixels; returns the pair swapped, as PNGs.
    const pair = vt.ImageSlider({ label: "pair", type: "array", image_mode: "RGBA" });
    const swapped = vt.ImageSlider({ label: "swapped", format: "png" });
    const sliderReport = vt.Textbox({ label: "slider report" });
    vt.Button("slider").click({
      fn: (value: [vt.ImageArray | string | null, vt.ImageArray | string | null] | null) => {
        if (!value) throw new vt.Error("No images");
        return [[value[1], value[0]], `${arrayPrint(value[0])} / ${arrayPrint(value[1])}`];
      },
      inputs: [pair],
      outputs: [swapped, sliderReport],
      api_name: "imageslider",
    });

    // ImageEditor (RGBA arrays): background, layers, composite; returns the composite as the
    // background, the layers as they are, and the composite inverted, as PNGs.
    const editor = vt.ImageEditor({ label: "editor", type: "array", image_mode: "RGBA" });
    const edited = vt.ImageEditor({ label: "edited", format: "png" });
    const editorReport = vt.Textbox({ label: "editor report" });
    vt.Button("edit").click({
      fn: (value: vt.EditorValue<vt.ImageArray | string> | null) => {
        if (!value || !value.composite || typeof value.composite === "string") throw new vt.Error("Nothing to edit");
        const report = `bg ${arrayPrint(value.background)}; layers ${value.layers.map(arrayPrint).join(",")}; composite ${arrayPrint(value.composite)}`;
        return [{ background: value.composite, layers: value.layers, composite: invert(value.composite) }, report];
      },
      inputs: [editor],
      outputs: [edited, editorReport],
      api_name: "imageeditor",
    });

    // Sketchpad → Image: the README's "invert the drawing".
    const sketch = vt.Sketchpad({ label: "sketch", type: "array", canvas_size: [W, H] });
    const inverted = vt.Image({ label: "inverted", format: "png" });
    vt.Button("sketch").click({
      fn: (value: vt.EditorValue<vt.ImageArray | string> | null) => {
        const composite = value?.composite;
        if (!composite || typeof composite === "string") throw new vt.Error("Draw something first.");
        return invert(composite);
      },
      inputs: [sketch],
      outputs: [inverted],
      api_name: "sketchpad",
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "vitrine-media-wire-"));
  mp4Path = join(dir, "clip.mp4");
  await runFfmpeg(["-f", "lavfi", "-i", "testsrc=size=64x48:rate=10:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-y", mp4Path]);
  mp4Bytes = await readFile(mp4Path);
  srtPath = join(dir, "subs.srt");
  await writeFile(srtPath, SRT);
  pngs.gradient = await png(W, H, gradientPixels);
  pngs.red = await png(W, H, redPixels);
  pngs.layer = await png(W, H, layerPixels);
  pngs.sketch = await png(W, H, sketchPixels);
  for (const name of ["gradient", "red"] as const) {
    pngPaths[name] = join(dir, `${name}.png`);
    await writeFile(pngPaths[name], pngs[name]);
  }
  served = await serveAtRoot(app());
});

afterAll(async () => {
  await served?.close();
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Expectations shared by both clients.

const pngPrint = (pixels: Buffer) => fingerprint(W, H, 4, pixels);
const fileFacts = (bytes: Buffer, pixels: Buffer) => `${bytes.length}B ${sha(bytes)} ${pngPrint(pixels)}`;

/** Downloads a FileData from its `url` (as a browser or Gradio's client would). */
async function download(file: FileData | null | undefined): Promise<Buffer> {
  expect(file).toMatchObject({ meta: { _type: "gradio.FileData" } });
  expect(file!.url).toMatch(new RegExp(`^${served.url}gradio_api/file=`));
  const res = await fetch(file!.url!);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

async function checkVideoResult(data: unknown[]): Promise<void> {
  const [value, report] = data as [{ video: FileData; subtitles: FileData | null }, string];
  expect(report).toBe(`${mp4Bytes.length}B ${sha(mp4Bytes)} 1.0s h264 64x48`);
  expect(value.video.orig_name).toMatch(/^echo-\d+\.mp4$/);
  // An mp4 (h264) the browser plays is passed through: the same bytes.
  expect((await download(value.video)).equals(mp4Bytes)).toBe(true);
  // SRT becomes WebVTT: commas become dots, cue numbers go (as Gradio's srt_to_vtt does).
  expect(value.subtitles).toMatchObject({ orig_name: "subs.vtt", mime_type: "text/vtt" });
  expect((await download(value.subtitles)).toString()).toBe("WEBVTT\n\n00:00:00.000 --> 00:00:00.800\nHello from the wire\n");
}

/**
 * `videoKey`: how the returned video path comes back. A video uploaded as a nameless Blob is
 * stored as "blob" (no extension), so it is shown as an image item, as Gradio does; one
 * uploaded as "clip.mp4" is a video item.
 */
async function checkGalleryResult(data: unknown[], videoKey: "image" | "video"): Promise<void> {
  const [items, report] = data as [{ image?: FileData; video?: FileData; caption: string | null }[], string];
  expect(report).toBe(`gradient: ${fileFacts(pngs.gradient, gradientPixels)} | red: ${fileFacts(pngs.red, redPixels)} | clip: ${mp4Bytes.length}B ${sha(mp4Bytes)}`);
  expect(items.map((i) => i.caption)).toEqual(["gradient!", "red!", "clip!", "inverted"]);
  // Returned paths are served as they are: the uploaded bytes.
  expect((await download(items[0]!.image)).equals(pngs.gradient)).toBe(true);
  expect((await download(items[1]!.image)).equals(pngs.red)).toBe(true);
  expect(Object.keys(items[2]!).sort()).toEqual(["caption", videoKey]);
  expect((await download(items[2]![videoKey])).equals(mp4Bytes)).toBe(true);
  if (videoKey === "video") expect(items[2]!.video).toMatchObject({ mime_type: "video/mp4" });
  // The inverted array, saved as PNG: its pixels round trip exactly.
  expect(items[3]!.image).toMatchObject({ mime_type: "image/png" });
  const inverted = await decode(await download(items[3]!.image));
  expect(inverted.data.equals(invertRgba(gradientPixels))).toBe(true);
}

async function checkSimpleResult(data: unknown[]): Promise<void> {
  const [file, report] = data as [FileData, string];
  expect(report).toBe(fileFacts(pngs.gradient, gradientPixels));
  expect((await download(file)).equals(pngs.gradient)).toBe(true);
}

async function checkSliderResult(data: unknown[]): Promise<void> {
  const [pair, report] = data as [[FileData, FileData], string];
  expect(report).toBe(`${pngPrint(gradientPixels)} / ${pngPrint(redPixels)}`);
  expect(pair).toHaveLength(2);
  for (const f of pair) expect(f).toMatchObject({ mime_type: "image/png" });
  expect((await decode(await download(pair[0]))).data.equals(redPixels)).toBe(true);
  expect((await decode(await download(pair[1]))).data.equals(gradientPixels)).toBe(true);
}

async function checkEditorResult(data: unknown[]): Promise<void> {
  const [value, report] = data as [{ background: FileData; layers: FileData[]; composite: FileData }, string];
  expect(report).toBe(`bg ${pngPrint(redPixels)}; layers ${pngPrint(layerPixels)}; composite ${pngPrint(gradientPixels)}`);
  expect((await decode(await download(value.background))).data.equals(gradientPixels)).toBe(true);
  expect(value.layers).toHaveLength(1);
  // A half-transparent stroke keeps its alpha through array → PNG.
  expect((await decode(await download(value.layers[0]))).data.equals(layerPixels)).toBe(true);
  expect((await decode(await download(value.composite))).data.equals(invertRgba(gradientPixels))).toBe(true);
}

async function checkSketchResult(data: unknown[]): Promise<void> {
  const [file] = data as [FileData];
  expect(file).toMatchObject({ mime_type: "image/png" });
  expect((await decode(await download(file))).data.equals(invertRgba(sketchPixels))).toBe(true);
}

// ---------------------------------------------------------------------------------------------

describe("@gradio/client 2.7.0 against the media components", () => {
  let client: Awaited<ReturnType<typeof GradioClient.connect>>;
  beforeAll(async () => {
    client = await GradioClient.connect(served.url, { events: ["data", "status"] });
  });
  afterAll(() => client?.close());

  const blob = (bytes: Buffer, type = "image/png") => gradioHandleFile(new Blob([new Uint8Array(bytes)], { type }));

  it("Video: { video: handle_file(local mp4), subtitles: null } → measured, echoed byte for byte, SRT as WebVTT", async () => {
    const result = await client.predict("/video", [{ video: gradioHandleFile(mp4Path), subtitles: null }]);
    await checkVideoResult(result.data as unknown[]);
  });

  it("Video: a bare FileData (Gradio 4's wire form, a Buffer) is taken too", async () => {
    const result = await client.predict("/video", [gradioHandleFile(mp4Bytes)]);
    await checkVideoResult(result.data as unknown[]);
  });

  it("Gallery: a list of { image | video, caption } with Blobs → pixels and captions received; files and a PNG back", async () => {
    const result = await client.predict("/gallery", [
      [
        { image: blob(pngs.gradient), caption: "gradient" },
        { image: gradioHandleFile(pngPaths.red), caption: "red" },
        { video: blob(mp4Bytes, "video/mp4"), caption: "clip" },
      ],
    ]);
    await checkGalleryResult(result.data as unknown[], "image");
  });

  it("SimpleImage: handle_file(Buffer) → the same bytes back", async () => {
    const result = await client.predict("/simpleimage", [gradioHandleFile(pngs.gradient)]);
    await checkSimpleResult(result.data as unknown[]);
  });

  it("ImageSlider: a pair of Blobs → both decoded, returned swapped as PNGs with exact pixels", async () => {
    const result = await client.predict("/imageslider", [[blob(pngs.gradient), blob(pngs.red)]]);
    await checkSliderResult(result.data as unknown[]);
  });

  it("ImageEditor: { background, layers, composite } with Blobs, through submit() → every part decoded, PNGs back", async () => {
    const job = client.submit("/imageeditor", [{ background: blob(pngs.red), layers: [blob(pngs.layer)], composite: blob(pngs.gradient), id: null }]);
    const stages: string[] = [];
    let data: unknown[] | null = null;
    for await (const msg of job) {
      if (msg.type === "status") stages.push(msg.stage);
      if (msg.type === "data") data = msg.data as unknown[];
      if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) break;
    }
    expect(stages.at(-1)).toBe("complete");
    await checkEditorResult(data!);
  });

  it("Sketchpad: { background: null, layers: [], composite } → the inverted drawing as a PNG", async () => {
    const result = await client.predict("/sketchpad", [{ background: null, layers: [], composite: blob(pngs.sketch) }]);
    await checkSketchResult(result.data as unknown[]);
  });

  it("view_api() names each parameter's component and a file-bearing Python type", async () => {
    const api = (await client.view_api()) as { named_endpoints: Record<string, { parameters: { component: string; python_type: { type: string } }[] }> };
    const param = (endpoint: string) => api.named_endpoints[endpoint]!.parameters[0]!;
    // Gradio sends `type.capitalize()` ("Simpleimage"); Vitrine the class name ("SimpleImage"):
    // the official client only compares "Image", "Gallery" and "state", which agree.
    const component = (endpoint: string) => param(endpoint).component.toLowerCase();
    expect([component("/video"), param("/video").python_type.type]).toEqual(["video", "Dict(video: filepath, subtitles: filepath | None)"]);
    expect(param("/gallery").component).toBe("Gallery");
    expect(param("/gallery").python_type.type).toBe("List[Dict(image: filepath, caption: str | None) | Dict(video: filepath, caption: str | None)]");
    expect([component("/simpleimage"), param("/simpleimage").python_type.type]).toEqual(["simpleimage", "filepath"]);
    expect([component("/imageslider"), param("/imageslider").python_type.type]).toEqual(["imageslider", "Tuple[filepath | None, filepath | None]"]);
    for (const e of ["/imageeditor", "/sketchpad"]) {
      expect([e, component(e)]).toEqual([e, "imageeditor"]);
      expect(param(e).python_type.type).toBe("Dict(background: filepath | None, layers: List[filepath], composite: filepath | None, id: str | None)");
    }
  });
});

describe("@vitrine/client against the media components", () => {
  let client: Client;
  beforeAll(async () => {
    client = await Client.connect(served.url);
  });
  afterAll(() => client?.close());

  it("Video: { video: handle_file(local mp4) } → measured, echoed byte for byte, SRT as WebVTT", async () => {
    const result = await client.predict("/video", [{ video: handle_file(mp4Path), subtitles: null }]);
    await checkVideoResult(result.data);
    // client.download gets the same bytes as the url.
    const video = (result.data[0] as { video: FileData }).video;
    expect(Buffer.from(await client.download(video)).equals(mp4Bytes)).toBe(true);
  });

  it("Gallery: items with a Buffer, a local file and a File, by parameter name", async () => {
    const result = await client.predict("/gallery", {
      items: [
        { image: pngs.gradient, caption: "gradient" },
        { image: handle_file(pngPaths.red), caption: "red" },
        { video: new File([new Uint8Array(mp4Bytes)], "clip.mp4", { type: "video/mp4" }), caption: "clip" },
      ],
    });
    await checkGalleryResult(result.data, "video");
  });

  it("SimpleImage: a local file → the same bytes back", async () => {
    const result = await client.predict("/simpleimage", [handle_file(pngPaths.gradient)]);
    await checkSimpleResult(result.data);
  });

  it("ImageSlider: a pair of Buffers, through submit()", async () => {
    let data: unknown[] | null = null;
    let final = "";
    for await (const msg of client.submit("/imageslider", [[pngs.gradient, pngs.red]])) {
      if (msg.type === "data") data = msg.data;
      if (msg.type === "status") final = msg.stage;
    }
    expect(final).toBe("complete");
    await checkSliderResult(data!);
  });

  it("ImageEditor: { background, layers, composite } of Buffers", async () => {
    const result = await client.predict("/imageeditor", [{ background: pngs.red, layers: [pngs.layer], composite: pngs.gradient }]);
    await checkEditorResult(result.data);
  });

  it("Sketchpad: the composite only", async () => {
    const result = await client.predict("/sketchpad", [{ background: null, layers: [], composite: pngs.sketch }]);
    await checkSketchResult(result.data);
  });

  it("files this server returned are taken back as inputs: an ImageSlider pair from a SimpleImage and a Gallery output", async () => {
    const simple = (await client.predict("/simpleimage", [pngs.red])).data[0] as FileData;
    const gallery = (await client.predict("/gallery", [[{ image: pngs.gradient, caption: "g" }]])).data[0] as { image: FileData }[];
    const result = await client.predict("/imageslider", [[gallery[0]!.image, simple]]);
    await checkSliderResult(result.data);
  });

  it("/info describes each parameter with a schema that holds a FileData (not unknown)", async () => {
    const info = (await client.view_api()) as { named_endpoints: Record<string, { parameters: { type: unknown; python_type: { type: string }; component: string }[] }> };
    /** Whether a JSON schema holds FileData somewhere (its title, or its path + meta properties). */
    const holdsFileData = (schema: unknown): boolean => {
      if (typeof schema !== "object" || schema === null) return false;
      const s = schema as { title?: string; properties?: Record<string, unknown> };
      if (s.properties && "path" in s.properties && "meta" in s.properties) return true;
      return Object.values(schema).some(holdsFileData);
    };
    for (const endpoint of ["/video", "/gallery", "/simpleimage", "/imageslider", "/imageeditor", "/sketchpad"]) {
      const [param] = info.named_endpoints[endpoint]!.parameters;
      expect([endpoint, holdsFileData(param!.type)]).toEqual([endpoint, true]);
      expect([endpoint, param!.python_type.type]).not.toEqual([endpoint, "unknown"]);
      expect([endpoint, JSON.stringify(param!.type)]).not.toEqual([endpoint, expect.stringContaining('"unknown"')]);
    }
    const video = info.named_endpoints["/video"]!.parameters[0]!.type as { title: string; properties: Record<string, unknown>; required: string[] };
    expect(video).toMatchObject({ title: "VideoData", type: "object", required: ["video"] });
    expect(holdsFileData(video.properties["video"])).toBe(true);
    const gallery = info.named_endpoints["/gallery"]!.parameters[0]!.type as { type: string; items: unknown };
    expect(gallery.type).toBe("array");
    expect(holdsFileData(gallery.items)).toBe(true);
    // Returns are described the same way (Sketchpad's is an Image).
    const returns = info.named_endpoints as unknown as Record<string, { returns: { type: unknown }[] }>;
    for (const endpoint of ["/video", "/gallery", "/simpleimage", "/imageslider", "/imageeditor", "/sketchpad"])
      expect([endpoint, holdsFileData(returns[endpoint]!.returns[0]!.type)]).toEqual([endpoint, true]);
    const editor = info.named_endpoints["/imageeditor"]!.parameters[0]!.type as { properties: Record<string, unknown> };
    expect(Object.keys(editor.properties)).toEqual(expect.arrayContaining(["background", "layers", "composite"]));
    expect(holdsFileData(editor.properties["layers"])).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// A FileData the server never issued, wrapped as each component's wire value.

const fileAt = (path: string) => ({ path, meta: { _type: "gradio.FileData" } });
/** Each component's wire value around one FileData, in each place a file goes. */
const wrappers: [string, string, (f: ReturnType<typeof fileAt>) => unknown][] = [
  ["/video", "{ video }", (f) => ({ video: f, subtitles: null })],
  ["/gallery", "[{ image, caption }]", (f) => [{ image: f, caption: "x" }]],
  ["/gallery", "[{ video, caption }]", (f) => [{ video: f, caption: "x" }]],
  ["/simpleimage", "FileData", (f) => f],
  ["/imageslider", "[first, null]", (f) => [f, null]],
  ["/imageslider", "[null, second]", (f) => [null, f]],
  ["/imageeditor", "{ background }", (f) => ({ background: f, layers: [], composite: null })],
  ["/imageeditor", "{ layers: [layer] }", (f) => ({ background: null, layers: [f], composite: null })],
  ["/sketchpad", "{ composite }", (f) => ({ background: null, layers: [], composite: f })],
];
/** Paths this server never issued: a system file, a way out of an upload's folder, a temp file of the test. */
async function foreignPaths(client: Client): Promise<string[]> {
  const [uploaded] = await client.upload([new File([new Uint8Array(pngs.red)], "red.png")]);
  return ["/etc/passwd", `${uploaded!.path}/../../../../../../etc/passwd`, pngPaths.gradient];
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]{}\\/]/g, "\\$&");
/** A clear refusal names the path and says why (Vitrine's wording, or Gradio's). */
const refused = (path: string) => new RegExp(`File not allowed: ${escapeRegExp(path)}|${escapeRegExp(path)} is not in the upload folder`);

describe("a FileData this server never issued", () => {
  it.each(wrappers)("%s %s: @gradio/client gets a clear refusal, and the app serves the next call", async (endpoint, _form, wrap) => {
    const helper = await Client.connect(served.url);
    const paths = await foreignPaths(helper);
    helper.close();
    const client = await GradioClient.connect(served.url);
    try {
      for (const path of paths) {
        const err = (await client.predict(endpoint, [wrap(fileAt(path))]).then(
          () => null,
          (e: unknown) => e,
        )) as { message?: string | null } | null;
        expect({ path, refused: err !== null }).toEqual({ path, refused: true });
        expect({ path, message: err!.message ?? null }).toEqual({ path, message: expect.stringMatching(refused(path)) });
      }
      const ok = await client.predict("/simpleimage", [gradioHandleFile(pngs.gradient)]);
      await checkSimpleResult(ok.data as unknown[]);
    } finally {
      client.close();
    }
  });

  it.each(wrappers)("%s %s: @vitrine/client gets a clear refusal, and the app serves the next call", async (endpoint, _form, wrap) => {
    const client = await Client.connect(served.url);
    try {
      for (const path of await foreignPaths(client)) await expect(client.predict(endpoint, [wrap(fileAt(path))])).rejects.toThrow(refused(path));
      const ok = await client.predict("/simpleimage", [pngs.gradient]);
      await checkSimpleResult(ok.data);
    } finally {
      client.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Each media component's `exampleInput()` is a FileData of a file its package ships. When the
// server starts it copies those files into its cache, so `/info` names the cached copy (not where
// the server is installed) and the API page's example call works as sent.

describe("the API page's example inputs", () => {
  it("name cached copies, and sending /info's example_input back by parameter name is accepted", async () => {
    const client = await Client.connect(served.url);
    try {
      const info = (await client.view_api()) as { named_endpoints: Record<string, { parameters: { parameter_name: string; example_input: unknown }[] }> };
      const outcomes: Record<string, string> = {};
      for (const endpoint of ["/video", "/gallery", "/simpleimage", "/imageslider", "/imageeditor", "/sketchpad"]) {
        const [param] = info.named_endpoints[endpoint]!.parameters;
        expect(JSON.stringify(param!.example_input)).not.toContain("/packages/");
        outcomes[endpoint] = await client.predict(endpoint, { [param!.parameter_name]: param!.example_input }).then(
          () => "ok",
          (e: Error) => e.message,
        );
      }
      // The editor endpoints' own functions refuse an example with nothing drawn: the files were accepted.
      expect(outcomes).toEqual({
        "/video": "ok",
        "/gallery": "ok",
        "/simpleimage": "ok",
        "/imageslider": "ok",
        "/imageeditor": "Nothing to edit",
        "/sketchpad": "Draw something first.",
      });
    } finally {
      client.close();
    }
  });
});
