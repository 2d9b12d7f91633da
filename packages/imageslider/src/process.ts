import { fileURLToPath } from "node:url";
import {
  FileValuedComponent,
  VitrineError,
  FILE_DATA_SCHEMA,
  fileData,
  isFileData,
  storelessFile,
  type ApiDescription,
  type ComponentProps,
  type FileData,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import {
  EXAMPLE_IMAGE_PATH,
  ImageComponent,
  type ImageFormat,
  type ImageInput,
  type ImageMode,
  type ImageOutput,
  type ImageType,
} from "@vitrine/image";
import { imageSliderEvents, type ImageSliderEvent } from "./events.js";

/** The wire value of an ImageSlider: the two images (either may be missing), or null. */
export type ImageSliderPayload = [FileData | null, FileData | null] | null;

/** What the function receives for an ImageSlider of `type` T: the pair (each as Image gives it, or null), or null. */
export type ImageSliderInput<T extends ImageType> = [ImageInput<T> | null, ImageInput<T> | null] | null;

/** What a function may return for an ImageSlider: a pair of images (arrays, Jimp images, bytes, paths, URLs, FileData or null), or null. */
export type ImageSliderOutput = readonly [ImageOutput, ImageOutput] | null;

/** Buttons an ImageSlider may show in its corner (Gradio 6's `buttons`). */
export type ImageSliderButton = "download" | "fullscreen";

/** Props of an ImageSlider. */
export interface ImageSliderProps<T extends ImageType = "array"> extends ComponentProps<ImageSliderOutput> {
  /** What the function receives for each image: "array" (default, as Gradio's "numpy"), "jimp" or "filepath". */
  type?: T;
  /** Channels the images are converted to for "array" and "jimp": "RGB" (default), "RGBA" or "L". */
  image_mode?: ImageMode;
  /** Format returned arrays, Jimp images and bytes are saved in: "webp" (default), "png", "jpeg", "gif". */
  format?: ImageFormat;
  /** Height of the component: pixels, or a CSS length. */
  height?: number | string | null;
  /** Width of the component: pixels, or a CSS length. */
  width?: number | string | null;
  /** Where the slider starts, as a percentage of the width from the left (0–100). Default 50. */
  slider_position?: number;
  /** Largest height of the shown images, in pixels. Default 500. */
  max_height?: number;
  /** The corner buttons (Gradio 6): "download", "fullscreen". Default both. */
  buttons?: ImageSliderButton[] | null;
  /** Gradio 5: whether the download buttons are shown. Default true. */
  show_download_button?: boolean;
  /** Gradio 5: whether the fullscreen button is shown. Default true. */
  show_fullscreen_button?: boolean;
}

const TYPES: readonly ImageType[] = ["array", "jimp", "filepath"];
const FORMATS: readonly ImageFormat[] = ["webp", "png", "jpeg", "gif"];
const MODES: readonly ImageMode[] = ["RGB", "RGBA", "L"];
const BUTTONS: readonly ImageSliderButton[] = ["download", "fullscreen"];

const NULLABLE_FILE = { anyOf: [FILE_DATA_SCHEMA, { type: "null" }] };

/** Gradio's SliderData schema, as `/info` describes an ImageSlider: a pair of image files. */
const SLIDER_SCHEMA = {
  anyOf: [{ type: "array", prefixItems: [NULLABLE_FILE, NULLABLE_FILE], minItems: 2, maxItems: 2 }, { type: "null" }],
  title: "SliderData",
};

function checkProps(props: ImageSliderProps<ImageType>): void {
  const bad = (name: string, allowed: readonly string[], got: unknown) =>
    new TypeError(`ImageSlider: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(got)}`);
  if (props.type !== undefined && !TYPES.includes(props.type)) throw bad("type", TYPES, props.type);
  if (props.format !== undefined && !FORMATS.includes(props.format)) throw bad("format", FORMATS, props.format);
  if (props.image_mode !== undefined && !MODES.includes(props.image_mode)) throw bad("image_mode", MODES, props.image_mode);
  for (const b of props.buttons ?? []) if (!BUTTONS.includes(b)) throw bad("buttons", BUTTONS, b);
  const p = props.slider_position;
  if (p !== undefined && (typeof p !== "number" || !Number.isFinite(p) || p < 0 || p > 100))
    throw new TypeError(`ImageSlider: slider_position must be a number from 0 to 100, got ${JSON.stringify(p)}`);
  if (props.max_height !== undefined && (typeof props.max_height !== "number" || !(props.max_height > 0)))
    throw new TypeError(`ImageSlider: max_height must be a positive number of pixels, got ${JSON.stringify(props.max_height)}`);
}

/** Which of the pair an error is about, keeping Image's message (a VitrineError stays one: its message reaches the user). */
function sideError(side: 0 | 1, error: unknown): Error {
  const message = `ImageSlider: ${side === 0 ? "first" : "second"} image: ${((error as Error).message ?? String(error)).replace(/^Image:\s*/, "")}`;
  return error instanceof VitrineError ? new VitrineError(message) : new TypeError(message);
}

/**
 * Two images compared with a draggable slider, like Gradio's `gr.ImageSlider`. As an input the
 * function receives the pair, each image by `type` (an {@link ImageInput}, or null when
 * missing); as an output it returns a pair of images in any form an Image takes.
 */
export class ImageSliderComponent<T extends ImageType = "array"> extends FileValuedComponent<ImageSliderInput<T>, ImageSliderOutput, ImageSliderPayload> {
  static override readonly events = imageSliderEvents;
  readonly type = "imageslider";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: ImageSliderProps<T>;
  /** Image's pre- and postprocessing, shared (never rendered: it only converts each image). */
  private readonly image: ImageComponent<T>;

  constructor(props: ImageSliderProps<T> = {}) {
    checkProps(props);
    super(props);
    this.image = new ImageComponent<T>({ type: (props.type ?? "array") as T, format: props.format ?? "webp", image_mode: props.image_mode ?? "RGB", render: false });
  }

  override async preprocess(payload: ImageSliderPayload | undefined, ctx?: ProcessContext): Promise<ImageSliderInput<T>> {
    if (payload === null || payload === undefined) return null;
    if (!Array.isArray(payload) || payload.length !== 2 || !payload.every((f) => f === null || isFileData(f)))
      throw new TypeError("ImageSlider expects a pair [FileData | null, FileData | null]");
    const one = async (side: 0 | 1): Promise<ImageInput<T> | null> => {
      const file = payload[side];
      if (!file) return null;
      try {
        return await this.image.preprocess(file, ctx);
      } catch (error) {
        throw sideError(side, error);
      }
    };
    return [await one(0), await one(1)];
  }

  override async postprocess(value: ImageSliderOutput | undefined, ctx?: ProcessContext): Promise<ImageSliderPayload> {
    if (value === null || value === undefined) return null;
    if (!Array.isArray(value) || value.length !== 2) throw new TypeError("ImageSlider: return a pair of images [first, second], or null");
    const one = async (side: 0 | 1): Promise<FileData | null> => {
      try {
        return await this.image.postprocess(value[side], ctx);
      } catch (error) {
        throw sideError(side, error);
      }
    };
    return [await one(0), await one(1)];
  }

  /** A pair of FileData or URLs as given; anything else needs the file store. */
  protected override storeless(value: unknown): unknown {
    return storelessPair(value);
  }

  api(): ApiDescription {
    return { type: SLIDER_SCHEMA, python_type: { type: "Tuple[filepath | None, filepath | None]", description: "" } };
  }

  override exampleInput(): ImageSliderPayload {
    const example = fileData(EXAMPLE_IMAGE_PATH, { orig_name: "example.png", mime_type: "image/png" });
    return [example, example];
  }

  protected override ownProps(): Record<string, unknown> {
    const { height = null, width = null, image_mode = "RGB", format = "webp", slider_position = 50, max_height = 500 } = this.props;
    let buttons: ImageSliderButton[] = this.props.buttons ?? ["download", "fullscreen"];
    if (this.props.show_download_button === false) buttons = buttons.filter((b) => b !== "download");
    if (this.props.show_fullscreen_button === false) buttons = buttons.filter((b) => b !== "fullscreen");
    return {
      height, width, image_mode, format, slider_position, max_height, buttons,
      show_download_button: buttons.includes("download"),
      show_fullscreen_button: buttons.includes("fullscreen"),
      type: this.props.type ?? "array",
    };
  }
}
export interface ImageSliderComponent<T extends ImageType = "array"> extends Listeners<ImageSliderEvent> {}

/** A pair given as FileData, URLs or nulls, as its payload; else null. */
function storelessPair(value: unknown): ImageSliderPayload {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const pair = value.map((v) => (v === null ? null : storelessFile(v)));
  if (pair.some((p, i) => p === null && value[i] !== null)) return null;
  return pair as [FileData | null, FileData | null];
}

/**
 * Two images compared with a slider, like Gradio's `gr.ImageSlider`.
 * @example vt.ImageSlider({ label: "Before / after", slider_position: 30, format: "png" })
 */
export function ImageSlider<T extends ImageType = "array">(props: ImageSliderProps<T> = {}): ImageSliderComponent<T> {
  return new ImageSliderComponent<T>(props);
}
export type ImageSlider<T extends ImageType = "array"> = ImageSliderComponent<T>;
