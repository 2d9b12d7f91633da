/**
 * Decoding and encoding images with jimp (webp through `@jimp/wasm-webp`). Internal: the jimp
 * instance made by `createJimp()` is never exported (its type does not survive `.d.ts` output);
 * callers get plain bitmaps and bytes.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The output formats an Image saves returned images in. */
export type ImageFormat = "webp" | "png" | "jpeg" | "gif";

/** A format recognised from a file's first bytes. */
export type SniffedFormat = ImageFormat | "bmp" | "tiff" | "svg";

/** An RGBA bitmap: `data` holds 4 bytes a pixel, row-major. */
export interface RgbaBitmap {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** The pixels, row by row from the top-left corner. */
  data: Uint8Array;
}

/** The MIME type of each recognised format, for answering and labelling image files. */
export const MIME: Record<SniffedFormat, string> = {
  webp: "image/webp",
  png: "image/png",
  jpeg: "image/jpeg",
  gif: "image/gif",
  bmp: "image/bmp",
  tiff: "image/tiff",
  svg: "image/svg+xml",
};

/** The file extension (without dot) of a format. */
export const EXTENSION: Record<SniffedFormat, string> = {
  webp: "webp",
  png: "png",
  jpeg: "jpeg",
  gif: "gif",
  bmp: "bmp",
  tiff: "tiff",
  svg: "svg",
};

/**
 * Node 20 has no `fetch` for `file:` URLs, which the webp wasm loader uses to load its module.
 * This wraps the global fetch once: `file:` URLs are read from disk, everything else goes to
 * the original fetch untouched.
 */
function installFileFetch(): void {
  const marker = Symbol.for("vitrine.image.fileFetch");
  const g = globalThis as typeof globalThis & { [marker]?: true };
  if (g[marker]) return;
  const original = globalThis.fetch;
  const fileFetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith("file:")) {
      const bytes = await readFile(fileURLToPath(url));
      return new Response(bytes, { headers: { "content-type": url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream" } });
    }
    return original(input, init);
  };
  globalThis.fetch = fileFetch as typeof fetch;
  g[marker] = true;
}

/** Makes the jimp instance this codec uses (jimp's formats and plugins, plus webp). */
async function makeJimp() {
  installFileFetch();
  // One after another: they share modules, which some loaders (jest's) cannot import concurrently.
  const { defaultFormats, defaultPlugins } = await import("jimp");
  const { createJimp } = await import("@jimp/core");
  const { default: webp } = await import("@jimp/wasm-webp");
  return createJimp({ formats: [...defaultFormats, webp], plugins: defaultPlugins });
}

let jimp: ReturnType<typeof makeJimp> | null = null;

/**
 * The jimp instance, loaded on first use: jimp weighs some 20 MB of memory, which an app whose
 * images never reach the server (or a server that only imports `vitrine`) should not pay for.
 */
function loadJimp(): ReturnType<typeof makeJimp> {
  return (jimp ??= makeJimp());
}

/** Recognises an image format from its first bytes, or null. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | null {
  const b = bytes;
  const ascii = (start: number, text: string) =>
    b.length >= start + text.length && [...text].every((c, i) => b[start + i] === c.charCodeAt(0));
  if (b.length >= 8 && b[0] === 0x89 && ascii(1, "PNG\r\n\x1a\n")) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (ascii(0, "GIF87a") || ascii(0, "GIF89a")) return "gif";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "webp";
  if (ascii(0, "BM")) return "bmp";
  if (ascii(0, "II*\0") || ascii(0, "MM\0*")) return "tiff";
  const head = new TextDecoder().decode(b.subarray(0, 1024)).replace(/^\uFEFF/, "").trimStart();
  if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--") || head.startsWith("<!DOCTYPE svg")) && /<svg[\s>]/i.test(head)) return "svg";
  return null;
}

/** Decodes encoded image bytes (png, jpeg, gif — its first frame —, webp, bmp, tiff) to RGBA. */
export async function decode(bytes: Uint8Array): Promise<RgbaBitmap> {
  const Jimp = await loadJimp();
  const image = await Jimp.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const { width, height, data } = image.bitmap;
  return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Encodes an RGBA bitmap in `format`. */
export async function encode(bitmap: RgbaBitmap, format: ImageFormat): Promise<Uint8Array> {
  // jimp's fromBitmap reads a Uint8Array's whole ArrayBuffer (a pooled Buffer's included): give it one it owns.
  const data = bitmap.data;
  const owned = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && !Buffer.isBuffer(data) ? data : new Uint8Array(data);
  const Jimp = await loadJimp();
  const image = Jimp.fromBitmap({ width: bitmap.width, height: bitmap.height, data: owned });
  const buffer =
    format === "webp"
      ? await image.getBuffer("image/webp", { quality: 80 })
      : await image.getBuffer(MIME[format] as "image/png");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
