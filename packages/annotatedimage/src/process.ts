import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  FILE_DATA_SCHEMA,
  isFileData,
  needFiles,
  type ApiDescription,
  type ComponentProps,
  type FileData,
  type FileStore,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import {
  ImageComponent,
  decodeImage as decode,
  encodeImage as encode,
  sniffImageFormat as sniffFormat,
  toRgba,
  type ImageArray,
  type ImageFormat,
  type ImageOutput,
  type RgbaBitmap,
} from "@vitrine/image";
import { labelColors, parseHexColor } from "./colors.js";
import { annotatedImageEvents, type AnnotatedImageEvent, type AnnotatedImageEventData } from "./events.js";
import { boxCoverage, isBox, isMask, maskCoverage, paintOverlay, type Box, type Mask } from "./overlay.js";

export type { Box, Mask } from "./overlay.js";

/** One annotation a function returns: a box or a mask, and its label. */
export type Annotation = readonly [Box | Mask, string];

/**
 * What a function returns for an AnnotatedImage: `[image, annotations]`, where the image is any
 * value an Image output takes (a path, a URL, an ImageArray, a Jimp image, bytes, a FileData).
 */
export type AnnotatedImageOutput = readonly [ImageOutput, readonly Annotation[]] | null;

/**
 * What a function receives from an AnnotatedImage input: the base image's path and, for each
 * annotation, the path of its overlay (an RGBA PNG) and its label.
 */
export type AnnotatedImageInput = [string, [string, string][]] | null;

/** The wire value: the base image and one overlay image per annotation (Gradio's AnnotatedImageData). */
export interface AnnotatedImageData {
  /** The base image. */
  image: FileData;
  /** One overlay per annotation (an RGBA PNG over the base image) with its label. */
  annotations: { image: FileData; label: string }[];
}

/** Props of an AnnotatedImage. */
export interface AnnotatedImageProps extends ComponentProps<AnnotatedImageOutput | AnnotatedImageData> {
  /** Format the base image is saved in when it is an array, a Jimp image or bytes: "webp" (default), "png", "jpeg", "gif". Overlays are always PNG. */
  format?: ImageFormat;
  /** Whether a legend of the labels is shown under the image. Default true. */
  show_legend?: boolean;
  /** Height of the displayed image: pixels, or a CSS length. */
  height?: number | string | null;
  /** Width of the displayed image: pixels, or a CSS length. */
  width?: number | string | null;
  /** Colours of labels, as hex codes (`{ cat: "#ff0000" }`); other labels take the default palette's. */
  color_map?: Record<string, string> | null;
  /** Whether a fullscreen button is shown. Default true. */
  show_fullscreen_button?: boolean;
}

const FORMATS: readonly ImageFormat[] = ["webp", "png", "jpeg", "gif"];

/** Gradio's AnnotatedImageData schema, as `/info` describes an AnnotatedImage. */
const ANNOTATED_IMAGE_SCHEMA = {
  properties: {
    image: FILE_DATA_SCHEMA,
    annotations: {
      items: {
        properties: { image: FILE_DATA_SCHEMA, label: { title: "Label", type: "string" } },
        required: ["image", "label"],
        title: "Annotation",
        type: "object",
      },
      title: "Annotations",
      type: "array",
    },
  },
  required: ["image", "annotations"],
  title: "AnnotatedImageData",
  type: "object",
};

function isWireValue(value: unknown): value is AnnotatedImageData {
  const v = value as AnnotatedImageData;
  return typeof v === "object" && v !== null && !Array.isArray(v) && isFileData(v.image) && Array.isArray(v.annotations) &&
    v.annotations.every((a) => typeof a === "object" && a !== null && isFileData(a.image) && typeof a.label === "string");
}

function isImageArray(value: unknown): value is ImageArray {
  const v = value as ImageArray;
  return typeof v === "object" && v !== null && typeof v.width === "number" && typeof v.channels === "number" && ArrayBuffer.isView(v.data);
}

function jimpBitmap(value: unknown): RgbaBitmap | null {
  const b = (value as { bitmap?: RgbaBitmap } | null)?.bitmap;
  return typeof value === "object" && value !== null && typeof b === "object" && b !== null && ArrayBuffer.isView(b.data)
    ? { width: b.width, height: b.height, data: new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength) }
    : null;
}

/**
 * An image with coloured annotations over it: boxes (object detection) or masks (segmentation),
 * each with a label, and a legend. Mostly an output: the function returns `[image, [[box or
 * mask, label], …]]` and the server paints each annotation into an RGBA PNG overlay of the
 * image's size, in the label's colour (`color_map`, else a default palette).
 */
export class AnnotatedImageComponent extends Component<AnnotatedImageInput, AnnotatedImageOutput | AnnotatedImageData, AnnotatedImageData | null> {
  static override readonly events = annotatedImageEvents;
  readonly type = "annotatedimage";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: AnnotatedImageProps;
  /** Saves and reads the base image as an Image output does. */
  private readonly image: ImageComponent;

  constructor(props: AnnotatedImageProps = {}) {
    if (props.format !== undefined && !FORMATS.includes(props.format))
      throw new TypeError(`AnnotatedImage: format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(props.format)}`);
    for (const [label, color] of Object.entries(props.color_map ?? {})) {
      if (typeof color !== "string" || !parseHexColor(color))
        throw new TypeError(`AnnotatedImage: color_map[${JSON.stringify(label)}] must be a hex colour such as "#ff0000", got ${JSON.stringify(color)}`);
    }
    super(props);
    // Not rendered: it only saves the base image, as an Image output would.
    this.image = new ImageComponent({ format: props.format ?? "webp", render: false });
  }

  override async preprocess(payload: AnnotatedImageData | null | undefined, ctx?: ProcessContext): Promise<AnnotatedImageInput> {
    if (payload === null || payload === undefined) return null;
    if (!isWireValue(payload)) throw new TypeError("AnnotatedImage expects { image: FileData, annotations: [{ image: FileData, label }] }");
    const files = needFiles("AnnotatedImage", ctx);
    const base = await files.resolve(payload.image);
    const annotations: [string, string][] = [];
    for (const a of payload.annotations) annotations.push([await files.resolve(a.image), a.label]);
    return [base, annotations];
  }

  override async postprocess(value: AnnotatedImageOutput | AnnotatedImageData | undefined, ctx?: ProcessContext): Promise<AnnotatedImageData | null> {
    if (value === null || value === undefined) return null;
    if (isWireValue(value)) return value;
    if (!Array.isArray(value) || value.length !== 2 || !Array.isArray(value[1]))
      throw new TypeError("AnnotatedImage: return [image, [[box or mask, label], ...]] (or null)");
    const [imageValue, annotations] = value as readonly [ImageOutput, readonly Annotation[]];
    if (imageValue === null || imageValue === undefined) throw new TypeError("AnnotatedImage: the base image is missing (the first item of [image, annotations])");
    const files = needFiles("AnnotatedImage", ctx);
    const image = await this.image.postprocess(imageValue, ctx);
    if (!image) throw new TypeError("AnnotatedImage: the base image is missing (the first item of [image, annotations])");
    const checked = annotations.map((a, i) => {
      if (!Array.isArray(a) || a.length !== 2 || typeof a[1] !== "string")
        throw new TypeError(`AnnotatedImage: annotation ${i} must be [box or mask, label] with a string label, got ${describe(a)}`);
      if (!isBox(a[0]) && !isMask(a[0]))
        throw new TypeError(`AnnotatedImage: annotation ${i} ("${a[1]}") must be a box [x1, y1, x2, y2] or a mask (an L image array, or rows of 0..1 numbers), got ${describe(a[0])}`);
      return a as Annotation;
    });
    if (checked.length === 0) return { image, annotations: [] };
    const { width, height } = await this.baseSize(imageValue, image, files);
    const colors = labelColors(checked.map(([, label]) => label), this.props.color_map);
    const overlays: AnnotatedImageData["annotations"] = [];
    for (const [i, [shape, label]] of checked.entries()) {
      const where = `annotation ${i} ("${label}")`;
      const coverage = isBox(shape) ? boxCoverage(shape, width, height, `the box of ${where}`) : maskCoverage(shape as Mask, width, height, `the mask of ${where}`);
      const bitmap = paintOverlay(coverage, width, height, parseHexColor(colors[i]!)!);
      const saved = await files.save(await encode(bitmap, "png"), { name: `annotation.png`, mime_type: "image/png" });
      overlays.push({ image: saved, label });
    }
    return { image, annotations: overlays };
  }

  /** The base image's size: from its pixels when the function gave them, else from the saved file. */
  private async baseSize(value: ImageOutput, saved: FileData, files: FileStore): Promise<{ width: number; height: number }> {
    if (isImageArray(value)) return toRgba(value);
    const bitmap = jimpBitmap(value);
    if (bitmap) return bitmap;
    const bytes = value instanceof Uint8Array ? value : await files.read(await files.resolve(saved));
    const format = sniffFormat(bytes);
    const name = saved.orig_name ?? basename(saved.path);
    if (format === null) throw new VitrineError(`AnnotatedImage: the base image "${name}" is not an image (png, jpeg, gif, webp, bmp or tiff)`);
    if (format === "svg") throw new VitrineError(`AnnotatedImage: the base image "${name}" is an SVG; annotations need a raster image (png, jpeg, gif, webp, bmp or tiff)`);
    try {
      return await decode(bytes);
    } catch (error) {
      throw new VitrineError(`AnnotatedImage: could not decode the base image "${name}" as ${format}: ${(error as Error).message}`);
    }
  }

  /** The initial value: only in wire form (other values need the file store, so they wait for an event). */
  override initialPayload(): unknown {
    return isWireValue(this.props.value) ? this.props.value : null;
  }

  /** Whether the initial value is `[image, annotations]` (not yet a wire value): the server makes it with its file store. */
  override initialValueNeedsFiles(): boolean {
    const value = this.props.value;
    return value !== null && value !== undefined && !isWireValue(value);
  }

  override processExample(example: unknown): unknown {
    return isWireValue(example) ? example : null;
  }

  /** An example given as `[image, annotations]` is made when the server starts: its image copied into the cache, its overlays painted. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return null;
    return isWireValue(example) ? example : await this.postprocess(example as AnnotatedImageOutput, context);
  }

  api(): ApiDescription {
    return { type: ANNOTATED_IMAGE_SCHEMA, python_type: { type: "Dict(image: filepath, annotations: List[Dict(image: filepath, label: str)])", description: "" } };
  }

  protected override ownProps(): Record<string, unknown> {
    const { format = "webp", show_legend = true, height = null, width = null, color_map = null, show_fullscreen_button = true } = this.props;
    return { format, show_legend, height, width, color_map, show_fullscreen_button };
  }
}
export interface AnnotatedImageComponent extends Listeners<AnnotatedImageEvent, AnnotatedImageEventData> {}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  const json = JSON.stringify(value);
  return json === undefined ? typeof value : json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * An image with labelled boxes and masks over it (Gradio's `gr.AnnotatedImage`). Return
 * `[image, [[[x1, y1, x2, y2], "cat"], [mask, "dog"]]]` from the function.
 * @example vt.AnnotatedImage({ label: "Detections", color_map: { cat: "#ff0000" } })
 */
export function AnnotatedImage(props: AnnotatedImageProps = {}): AnnotatedImageComponent {
  return new AnnotatedImageComponent(props);
}
export type AnnotatedImage = AnnotatedImageComponent;
