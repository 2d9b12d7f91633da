import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Jimp } from "jimp";
import {
  FileValuedComponent,
  VitrineError,
  FILE_DATA_SCHEMA,
  fileData,
  isFileData,
  needFiles,
  type ApiDescription,
  type ComponentProps,
  type FileData,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { EXTENSION, MIME, decode, encode, sniffFormat, type ImageFormat, type RgbaBitmap } from "./codec.js";
import { imageEvents, type ImageEvent, type ImageEventData } from "./events.js";

export type { ImageFormat } from "./codec.js";

/** A Jimp image (an instance of `Jimp` from the `jimp` package). */
export type JimpImage = InstanceType<typeof Jimp>;

/** The colour channels an image is converted to: "RGB" (3), "RGBA" (4) or "L" (1, luma). */
export type ImageMode = "RGB" | "RGBA" | "L";

/**
 * An image as an array of pixels: `data` holds `channels` bytes a pixel (by `image_mode`:
 * RGB 3, RGBA 4, L 1), row-major from the top-left corner.
 */
export interface ImageArray {
  /** Width in pixels. */
  width: number;
  /** Height in pixels. */
  height: number;
  /** Bytes per pixel: 1 for L, 3 for RGB, 4 for RGBA. */
  channels: 1 | 3 | 4;
  /** The pixels, row by row from the top-left corner. */
  data: Uint8ClampedArray;
}

/** What the function receives, by `type`. */
export type ImageType = "array" | "jimp" | "filepath";

/** The value the function receives for an Image of type `T` (SVG files always come as a path). */
export type ImageInput<T extends ImageType> = T extends "filepath" ? string : T extends "jimp" ? JimpImage | string : ImageArray | string;

/**
 * What a function may return for an Image: an {@link ImageArray}, a Jimp image (or any object
 * with a jimp-like `bitmap`), encoded bytes, a path, an http(s) URL, a FileData, or null.
 */
export type ImageOutput = ImageArray | JimpImage | { bitmap: RgbaBitmap } | Uint8Array | string | FileData | null;

/** Where the user may take an image from. */
export type ImageSource = "upload" | "webcam" | "clipboard";

/** Props of an Image. */
export interface ImageProps<T extends ImageType = "array"> extends ComponentProps<ImageOutput> {
  /** What the function receives: "array" (default), "jimp" or "filepath". */
  type?: T;
  /** Channels the image is converted to for "array" and "jimp": "RGB" (default), "RGBA" or "L". */
  image_mode?: ImageMode;
  /** Format returned arrays, Jimp images and bytes are saved in: "webp" (default), "png", "jpeg", "gif". */
  format?: ImageFormat;
  /** Height of the displayed image: pixels, or a CSS length. */
  height?: number | string | null;
  /** Width of the displayed image: pixels, or a CSS length. */
  width?: number | string | null;
  /** Where the user may take an image from. Default `["upload", "webcam", "clipboard"]`. */
  sources?: ImageSource[] | ImageSource | null;
  /** Whether the webcam preview and its photos are mirrored. Default true. */
  mirror_webcam?: boolean;
  /** `getUserMedia` video constraints for the webcam (`{ width: 1280, facingMode: "user" }`), as Gradio 5's `webcam_constraints`. Default null. */
  webcam_constraints?: Record<string, unknown> | null;
  /** Gradio 6's `webcam_options` (`gr.WebcamOptions`): `mirror` and `constraints`, taking precedence over the two props above. */
  webcam_options?: { mirror?: boolean; constraints?: Record<string, unknown> | null } | null;
  /** Whether a download button is shown. Default true. */
  show_download_button?: boolean;
  /** Whether a fullscreen button is shown. Default true. */
  show_fullscreen_button?: boolean;
  /** Text of the empty upload area. */
  placeholder?: string | null;
  /** Whether the webcam streams frames (`stream` events). Default false. */
  streaming?: boolean;
}

const FORMATS: readonly ImageFormat[] = ["webp", "png", "jpeg", "gif"];
const MODES: readonly ImageMode[] = ["RGB", "RGBA", "L"];
const CHANNELS: Record<ImageMode, 1 | 3 | 4> = { L: 1, RGB: 3, RGBA: 4 };

/** The small PNG shipped with the package, used as the API page's example input. */
export const EXAMPLE_IMAGE_PATH = fileURLToPath(new URL("../assets/example.png", import.meta.url));

/** Gradio's ImageData schema, as `/info` describes an Image. */
const IMAGE_DATA_SCHEMA = {
  properties: {
    path: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Path" },
    url: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Url" },
    size: { anyOf: [{ type: "integer" }, { type: "null" }], default: null, title: "Size" },
    orig_name: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Orig Name" },
    mime_type: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Mime Type" },
    is_stream: { default: false, title: "Is Stream", type: "boolean" },
    meta: { default: { _type: "gradio.FileData" }, title: "Meta", type: "object" },
  },
  title: "ImageData",
  type: "object",
  description: "For input, either path or url must be provided. For output, path is always provided.",
};

/** Converts an RGBA bitmap to `mode`'s channels (L is ITU-R 601-2 luma, as Pillow does it). */
export function fromRgba(bitmap: RgbaBitmap, mode: ImageMode): ImageArray {
  const { width, height, data: rgba } = bitmap;
  const channels = CHANNELS[mode];
  const n = width * height;
  const data = new Uint8ClampedArray(n * channels);
  if (mode === "RGBA") data.set(rgba.subarray(0, n * 4));
  else if (mode === "RGB") for (let i = 0; i < n; i++) { data[i * 3] = rgba[i * 4]!; data[i * 3 + 1] = rgba[i * 4 + 1]!; data[i * 3 + 2] = rgba[i * 4 + 2]!; }
  else for (let i = 0; i < n; i++) data[i] = (rgba[i * 4]! * 19595 + rgba[i * 4 + 1]! * 38470 + rgba[i * 4 + 2]! * 7471 + 0x8000) >> 16;
  return { width, height, channels, data };
}

/** Converts an {@link ImageArray} (1, 3 or 4 channels) to an RGBA bitmap. */
export function toRgba(image: ImageArray): RgbaBitmap {
  const { width, height, channels, data } = image;
  const n = width * height;
  if (![1, 3, 4].includes(channels)) throw new TypeError(`Image: an array image has 1, 3 or 4 channels, got ${channels}`);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0)
    throw new TypeError(`Image: an array image needs positive integer width and height, got ${width}x${height}`);
  if (data.length !== n * channels)
    throw new TypeError(`Image: a ${width}x${height} image with ${channels} channels needs ${n * channels} values, got ${data.length}`);
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    if (channels === 1) { out[i * 4] = out[i * 4 + 1] = out[i * 4 + 2] = data[i]!; out[i * 4 + 3] = 255; }
    else {
      out[i * 4] = data[i * channels]!; out[i * 4 + 1] = data[i * channels + 1]!; out[i * 4 + 2] = data[i * channels + 2]!;
      out[i * 4 + 3] = channels === 4 ? data[i * 4 + 3]! : 255;
    }
  }
  return { width, height, data: out };
}

function isImageArray(value: unknown): value is ImageArray {
  const v = value as ImageArray;
  return typeof v === "object" && v !== null && typeof v.width === "number" && typeof v.height === "number" &&
    typeof v.channels === "number" && ArrayBuffer.isView(v.data);
}

function isJimpLike(value: unknown): value is { bitmap: RgbaBitmap } {
  const b = (value as { bitmap?: RgbaBitmap } | null)?.bitmap;
  return typeof value === "object" && value !== null && typeof b === "object" && b !== null &&
    typeof b.width === "number" && typeof b.height === "number" && ArrayBuffer.isView(b.data);
}


const MIME_BY_EXTENSION: Record<string, string> = {
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
  ".svg": "image/svg+xml", ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff", ".avif": "image/avif", ".ico": "image/x-icon",
};

/**
 * An image in and out, through jimp. As an input the function receives an {@link ImageArray}
 * (`type: "array"`, default), a Jimp image (`"jimp"`) or a path (`"filepath"`); an SVG always
 * comes as a path, and an animated GIF keeps its frames only as a path.
 */
export class ImageComponent<T extends ImageType = "array"> extends FileValuedComponent<ImageInput<T>, ImageOutput, FileData | null> {
  static override readonly events = imageEvents;
  readonly type = "image";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: ImageProps<T>;

  constructor(props: ImageProps<T> = {}) {
    if (props.type !== undefined && !["array", "jimp", "filepath"].includes(props.type))
      throw new TypeError(`Image: type must be "array", "jimp" or "filepath", got ${JSON.stringify(props.type)}`);
    if (props.format !== undefined && !FORMATS.includes(props.format))
      throw new TypeError(`Image: format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(props.format)}`);
    if (props.image_mode !== undefined && !MODES.includes(props.image_mode))
      throw new TypeError(`Image: image_mode must be one of ${MODES.join(", ")}, got ${JSON.stringify(props.image_mode)}`);
    super(props);
  }

  override async preprocess(payload: FileData | null | undefined, ctx?: ProcessContext): Promise<ImageInput<T>> {
    if (payload === null || payload === undefined) return null as unknown as ImageInput<T>;
    if (!isFileData(payload)) throw new TypeError("Image expects a FileData object ({ path, meta: { _type: \"gradio.FileData\" } })");
    const files = needFiles("Image", ctx);
    const path = await files.resolve(payload);
    const name = payload.orig_name ?? basename(payload.path);
    const bytes = await files.read(path);
    const format = sniffFormat(bytes);
    if (format === null) throw new VitrineError(`Image: "${name}" is not an image this app can read (png, jpeg, gif, webp, bmp, tiff or svg)`);
    if (format === "svg") return path as ImageInput<T>;
    const type = this.props.type ?? "array";
    if (type === "filepath") return path as ImageInput<T>;
    let bitmap: RgbaBitmap;
    try {
      bitmap = await decode(bytes);
    } catch (error) {
      throw new VitrineError(`Image: could not decode "${name}" as ${format}: ${(error as Error).message}`);
    }
    const array = fromRgba(bitmap, this.props.image_mode ?? "RGB");
    if (type === "array") return array as ImageInput<T>;
    const { Jimp } = await import("jimp");
    return Jimp.fromBitmap(toRgba(array)) as ImageInput<T>;
  }

  override async postprocess(value: ImageOutput | undefined, ctx?: ProcessContext): Promise<FileData | null> {
    if (value === null || value === undefined) return null;
    if (isFileData(value)) return value;
    if (typeof value === "string") {
      if (/^https?:\/\//i.test(value)) return fileData(value, { url: value, orig_name: basename(new URL(value).pathname) || null });
      const data = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(value);
      if (data) return this.saveBytes(data[2] ? Buffer.from(data[3]!, "base64") : Buffer.from(decodeURIComponent(data[3]!)), ctx);
      const mime = MIME_BY_EXTENSION[extname(value).toLowerCase()];
      return needFiles("Image", ctx).adopt(value, { name: basename(value), ...(mime ? { mime_type: mime } : {}) });
    }
    if (value instanceof Uint8Array) return this.saveBytes(value, ctx);
    if (isJimpLike(value)) return this.saveBitmap(value.bitmap, ctx);
    if (isImageArray(value)) return this.saveBitmap(toRgba(value), ctx);
    throw new TypeError("Image: return an image array, a Jimp image, encoded bytes, a path, a URL or null");
  }

  /** Saves encoded bytes: re-encoded in `format` unless already in it (GIF and SVG are kept as they are). */
  private async saveBytes(bytes: Uint8Array, ctx?: ProcessContext): Promise<FileData> {
    const files = needFiles("Image", ctx);
    const sniffed = sniffFormat(bytes);
    if (sniffed === null) throw new TypeError("Image: the returned bytes are not an image (png, jpeg, gif, webp, bmp, tiff or svg)");
    const format = this.props.format ?? "webp";
    if (sniffed === format || sniffed === "gif" || sniffed === "svg")
      return files.save(bytes, { name: `image.${EXTENSION[sniffed]}`, mime_type: MIME[sniffed] });
    return this.saveBitmap(await decode(bytes), ctx);
  }

  private async saveBitmap(bitmap: RgbaBitmap, ctx?: ProcessContext): Promise<FileData> {
    const files = needFiles("Image", ctx);
    const format = this.props.format ?? "webp";
    const bytes = await encode(bitmap, format);
    return files.save(bytes, { name: `image.${EXTENSION[format]}`, mime_type: MIME[format] });
  }

  api(): ApiDescription {
    return { type: IMAGE_DATA_SCHEMA, python_type: { type: "filepath", description: "" } };
  }

  override exampleInput(): FileData {
    return fileData(EXAMPLE_IMAGE_PATH, { orig_name: "example.png", mime_type: "image/png" });
  }

  protected override ownProps(): Record<string, unknown> {
    const { height = null, width = null, image_mode = "RGB", format = "webp", mirror_webcam = true,
      show_download_button = true, show_fullscreen_button = true, placeholder = null, streaming = false, webcam_constraints = null } = this.props;
    const sources = this.props.sources ?? (streaming ? ["webcam"] : ["upload", "webcam", "clipboard"]);
    const options = this.props.webcam_options;
    return {
      height, width, image_mode, format,
      mirror_webcam: options?.mirror ?? mirror_webcam,
      webcam_constraints: options?.constraints ?? webcam_constraints, show_download_button, show_fullscreen_button, placeholder, streaming,
      sources: Array.isArray(sources) ? sources : [sources],
      type: this.props.type ?? "array",
    };
  }
}
export interface ImageComponent<T extends ImageType = "array"> extends Listeners<ImageEvent, ImageEventData> {}

/**
 * An image input or output. As an input the function receives an {@link ImageArray} (or a Jimp
 * image, or a path, by `type`); as an output it may return an array, a Jimp image, encoded
 * bytes, a path or a URL.
 * @example vt.Image({ label: "Photo", type: "jimp", format: "png" })
 */
export function Image<T extends ImageType = "array">(props: ImageProps<T> = {}): ImageComponent<T> {
  return new ImageComponent<T>(props);
}
export type Image<T extends ImageType = "array"> = ImageComponent<T>;
