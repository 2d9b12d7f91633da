import { fileURLToPath } from "node:url";
import {
  Component,
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
  Image,
  type ImageComponent,
  type ImageFormat,
  type ImageInput,
  type ImageMode,
  type ImageOutput,
  type ImageSource,
  type ImageType,
} from "@vitrine/image";
import { imageEditorEvents, type ImageEditorEvent, type ImageEditorEventData } from "./events.js";
import { Brush, Eraser, LayerOptions, WebcamOptions, type BrushSettings, type EraserSettings, type LayerSettings, type WebcamSettings } from "./tools.js";

/**
 * Gradio's EditorValue: the background image, the layers drawn over it (bottom first), and the
 * composite (the background with every visible layer drawn over it).
 */
export interface EditorValue<I> {
  /** The background image, or null. */
  background: I | null;
  /** The layers drawn over the background, bottom first. */
  layers: I[];
  /** The background with every visible layer drawn over it, or null. */
  composite: I | null;
}

/** What the function receives for an ImageEditor of type `T`: each image as an Image of that type gives it, or null. */
export type ImageEditorInput<T extends ImageType> = EditorValue<ImageInput<T>> | null;

/**
 * What a function may return for an ImageEditor: an image (any Image output form: an array, a
 * Jimp image, bytes, a path, a URL, a FileData), which becomes the background and the
 * composite; or `{ background, layers, composite }` of such images (each optional); or null.
 */
export type ImageEditorOutput = ImageOutput | { background?: ImageOutput; layers?: readonly ImageOutput[] | null; composite?: ImageOutput } | null;

/** The value on the wire: Gradio's EditorData. */
export interface EditorData {
  /** The background image, or null. */
  background: FileData | null;
  /** The layers drawn over the background, bottom first. */
  layers: FileData[];
  /** The background with every visible layer drawn over it, or null. */
  composite: FileData | null;
  /** Gradio's optional id of the edited value, kept for compatibility (Vitrine does not read it). */
  id?: string | null;
}

/** The editor's transforms: "crop" (an area to keep) and "resize" (a new canvas size, rescaling or anchoring the image). */
export type ImageEditorTransform = "crop" | "resize";

/** Props of an ImageEditor. */
export interface ImageEditorProps<T extends ImageType = "array"> extends ComponentProps<ImageEditorOutput> {
  /** What the function receives for each image: "array" (default), "jimp" or "filepath". */
  type?: T;
  /** Channels each image is converted to for "array" and "jimp": "RGBA" (default, as Gradio's editor), "RGB" or "L". */
  image_mode?: ImageMode;
  /** Format returned arrays, Jimp images and bytes are saved in: "webp" (default), "png", "jpeg", "gif". */
  format?: ImageFormat;
  /** Height of the component: pixels, or a CSS length (the canvas keeps its own resolution). */
  height?: number | string | null;
  /** Width of the component: pixels, or a CSS length. */
  width?: number | string | null;
  /** Where the user may take a background image from. Default `["upload", "webcam", "clipboard"]`; `[]` or null for none. */
  sources?: ImageSource[] | ImageSource | null;
  /** Whether a download button (the composite) is shown. Default true. */
  show_download_button?: boolean;
  /** Whether a fullscreen button is shown. Default true. */
  show_fullscreen_button?: boolean;
  /** Text shown over an empty canvas that takes an upload (a `#` line is a heading). */
  placeholder?: string | null;
  /** Deprecated in Gradio 5: sets `canvas_size` when that is not given; `[width, height]` or a ratio "w:h". */
  crop_size?: readonly [number, number] | string | null;
  /** The transforms offered: "crop", "resize" (default both, as in Gradio 5; Sketchpad, Paint and ImageMask: `["crop"]`); `[]` or null for none. */
  transforms?: readonly ImageEditorTransform[] | null;
  /** The eraser's options (`Eraser({...})`), null for the defaults, or false to hide the eraser. */
  eraser?: EraserSettings | false | null;
  /** The brush's options (`Brush({...})`), null for the defaults, or false to hide the brush (and the eraser). */
  brush?: BrushSettings | false | null;
  /** Whether the user may work with layers (true, default), not (false: one layer), or `LayerOptions({...})`. */
  layers?: boolean | LayerSettings;
  /** The blank canvas's size `[width, height]` in pixels. Default `[800, 800]`. */
  canvas_size?: readonly [number, number] | null;
  /** Whether an uploaded background is scaled to fit `canvas_size` (true) or the canvas takes its size (false, default). */
  fixed_canvas?: boolean;
  /** The "webcam" source's options (`WebcamOptions({ mirror, constraints })`, Gradio 5.30+ and 6); null for the defaults (mirrored, the camera's default constraints). */
  webcam_options?: Partial<WebcamSettings> | null;
  /** Deprecated since Gradio 5.30 (use `webcam_options`): whether the webcam is mirrored; when given, it overrides `webcam_options.mirror`, as in Gradio. */
  mirror_webcam?: boolean | null;
}

const FORMATS: readonly ImageFormat[] = ["webp", "png", "jpeg", "gif"];
const MODES: readonly ImageMode[] = ["RGB", "RGBA", "L"];
const SOURCES: readonly ImageSource[] = ["upload", "webcam", "clipboard"];
const TRANSFORMS: readonly ImageEditorTransform[] = ["crop", "resize"];

/** Gradio's ImageData schema, one image of the value. */
const IMAGE_SCHEMA = { ...FILE_DATA_SCHEMA, title: "ImageData" };

/** Gradio's EditorData schema, as `/info` describes an ImageEditor. */
const EDITOR_DATA_SCHEMA = {
  properties: {
    background: { anyOf: [IMAGE_SCHEMA, { type: "null" }], default: null },
    layers: { default: [], items: IMAGE_SCHEMA, title: "Layers", type: "array" },
    composite: { anyOf: [IMAGE_SCHEMA, { type: "null" }], default: null },
    id: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Id" },
  },
  title: "EditorData",
  type: "object",
};

function checkSize(name: string, size: unknown): [number, number] {
  if (!Array.isArray(size) || size.length !== 2 || !size.every((n) => Number.isInteger(n) && n > 0 && n <= 16384))
    throw new TypeError(`ImageEditor: ${name} must be [width, height] in whole pixels (1 to 16384), got ${JSON.stringify(size)}`);
  return [size[0], size[1]];
}

/** Gradio 5's reading of the deprecated `crop_size`: a concrete size, or a ratio on an 800-pixel side. */
function cropSizeToCanvas(crop: readonly [number, number] | string): [number, number] {
  if (typeof crop === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(crop);
    if (!m || Number(m[1]) <= 0 || Number(m[2]) <= 0) throw new TypeError(`ImageEditor: crop_size must be [width, height] or a ratio like "1:1", got ${JSON.stringify(crop)}`);
    const ratio = Number(m[1]) / Number(m[2]);
    return ratio > 1 ? [Math.trunc(800 * ratio), 800] : [800, Math.trunc(800 / ratio)];
  }
  if (!Array.isArray(crop) || crop.length !== 2) throw new TypeError(`ImageEditor: crop_size must be [width, height] or a ratio like "1:1", got ${JSON.stringify(crop)}`);
  return checkSize("crop_size", crop.map((n) => Math.trunc(n)));
}

/** Whether a value is an EditorValue-like object (rather than one image). */
function isEditorObject(value: unknown): value is { background?: ImageOutput; layers?: readonly ImageOutput[] | null; composite?: ImageOutput } {
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value) || isFileData(value)) return false;
  // A Jimp image has a `background` (its fill colour) and a bitmap; an image array has data.
  if ("bitmap" in value || "data" in value) return false;
  return "background" in value || "layers" in value || "composite" in value;
}

/**
 * An image editor: a background image, layers to draw on with a brush and an eraser, crop,
 * undo and redo. As an input the function receives `{ background, layers, composite }`, each
 * image as an Image of the same `type` and `image_mode` gives it; as an output it takes one
 * image (the background) or such an object.
 */
export class ImageEditorComponent<T extends ImageType = "array"> extends Component<ImageEditorInput<T>, ImageEditorOutput, EditorData | null> {
  static override readonly events = imageEditorEvents;
  readonly type: string = "imageeditor";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: ImageEditorProps<T>;
  /** An Image (not placed in any layout) that reads and writes each image of the value. */
  private readonly codec: ImageComponent<T>;

  constructor(props: ImageEditorProps<T> = {}) {
    if (props.type !== undefined && !["array", "jimp", "filepath"].includes(props.type))
      throw new TypeError(`ImageEditor: type must be "array", "jimp" or "filepath", got ${JSON.stringify(props.type)}`);
    if (props.format !== undefined && !FORMATS.includes(props.format))
      throw new TypeError(`ImageEditor: format must be one of ${FORMATS.join(", ")}, got ${JSON.stringify(props.format)}`);
    if (props.image_mode !== undefined && !MODES.includes(props.image_mode))
      throw new TypeError(`ImageEditor: image_mode must be one of ${MODES.join(", ")}, got ${JSON.stringify(props.image_mode)}`);
    const sources = props.sources === null || props.sources === undefined ? [] : Array.isArray(props.sources) ? props.sources : [props.sources];
    for (const s of sources) if (!SOURCES.includes(s)) throw new TypeError(`ImageEditor: sources must be among ${SOURCES.join(", ")}, got ${JSON.stringify(s)}`);
    for (const t of props.transforms ?? [])
      if (!TRANSFORMS.includes(t)) throw new TypeError(`ImageEditor: transforms must be among ${TRANSFORMS.join(", ")}, got ${JSON.stringify(t)}`);
    if (props.canvas_size !== undefined && props.canvas_size !== null) checkSize("canvas_size", props.canvas_size);
    if (props.crop_size !== undefined && props.crop_size !== null) cropSizeToCanvas(props.crop_size);
    if (props.mirror_webcam !== undefined && props.mirror_webcam !== null && typeof props.mirror_webcam !== "boolean")
      throw new TypeError(`ImageEditor: mirror_webcam must be true or false, got ${JSON.stringify(props.mirror_webcam)}`);
    WebcamOptions(props.webcam_options ?? {});
    super(props);
    this.codec = Image<T>({ type: props.type, image_mode: props.image_mode ?? "RGBA", format: props.format, render: false });
  }

  /** Reads one image of the payload, naming which one in any error. */
  private async readImage(part: string, file: FileData, ctx?: ProcessContext): Promise<ImageInput<T>> {
    try {
      return await this.codec.preprocess(file, ctx);
    } catch (error) {
      throw this.rename(part, error);
    }
  }

  /** Saves one returned image, naming which one in any error. */
  private async writeImage(part: string, image: ImageOutput | undefined, ctx?: ProcessContext): Promise<FileData | null> {
    try {
      return await this.codec.postprocess(image ?? null, ctx);
    } catch (error) {
      throw this.rename(part, error);
    }
  }

  private rename(part: string, error: unknown): Error {
    const message = `ImageEditor ${part}: ${(error as Error).message.replace(/^Image: /, "")}`;
    if (error instanceof VitrineError) return new VitrineError(message);
    return error instanceof TypeError ? new TypeError(message) : new Error(message);
  }

  override async preprocess(payload: EditorData | null | undefined, ctx?: ProcessContext): Promise<ImageEditorInput<T>> {
    if (payload === null || payload === undefined) return null;
    if (typeof payload !== "object" || Array.isArray(payload))
      throw new TypeError("ImageEditor expects { background, layers, composite }, each a FileData or null (layers a list of FileData)");
    const { background = null, composite = null } = payload;
    const layers = payload.layers ?? [];
    for (const [part, file] of [["background", background], ["composite", composite]] as const)
      if (file !== null && !isFileData(file)) throw new TypeError(`ImageEditor ${part}: expected a FileData or null, got ${JSON.stringify(file)}`);
    if (!Array.isArray(layers)) throw new TypeError(`ImageEditor layers: expected a list of FileData, got ${JSON.stringify(layers)}`);
    layers.forEach((file, i) => {
      if (file !== null && !isFileData(file)) throw new TypeError(`ImageEditor layer ${i}: expected a FileData, got ${JSON.stringify(file)}`);
    });
    return {
      background: background ? await this.readImage("background", background, ctx) : null,
      layers: await Promise.all(layers.filter((f): f is FileData => f !== null).map((f, i) => this.readImage(`layer ${i}`, f, ctx))),
      composite: composite ? await this.readImage("composite", composite, ctx) : null,
    };
  }

  override async postprocess(value: ImageEditorOutput | undefined, ctx?: ProcessContext): Promise<EditorData | null> {
    if (value === null || value === undefined) return null;
    if (!isEditorObject(value)) {
      // One image: the background, and the composite too (nothing is drawn over it).
      const file = await this.writeImage("image", value, ctx);
      return { background: file, layers: [], composite: file };
    }
    const layers = value.layers ?? [];
    if (!Array.isArray(layers)) throw new TypeError("ImageEditor: layers must be a list of images");
    const saved = await Promise.all(layers.map((layer, i) => this.writeImage(`layer ${i}`, layer, ctx)));
    return {
      background: await this.writeImage("background", value.background, ctx),
      layers: saved.filter((f): f is FileData => f !== null),
      composite: await this.writeImage("composite", value.composite, ctx),
    };
  }

  /** A value that needs no file store (FileData and URLs) as EditorData; anything else is null. */
  private storeless(value: unknown): EditorData | null {
    if (value === null || value === undefined) return null;
    if (!isEditorObject(value)) {
      const file = storelessFile(value);
      return file ? { background: file, layers: [], composite: file } : null;
    }
    return {
      background: storelessFile(value.background),
      layers: (Array.isArray(value.layers) ? value.layers : []).map(storelessFile).filter((f): f is FileData => f !== null),
      composite: storelessFile(value.composite),
    };
  }

  /** Whether a value has an image (itself, or its background, a layer or its composite) that needs the file store: a path, bytes, an array. */
  private needsFiles(value: unknown): boolean {
    if (value === null || value === undefined) return false;
    if (!isEditorObject(value)) return storelessFile(value) === null;
    const parts = [value.background, ...(Array.isArray(value.layers) ? value.layers : []), value.composite];
    return parts.some((part) => part !== null && part !== undefined && storelessFile(part) === null);
  }

  /** The initial value: FileData and URLs as given; other values need the file store, so the server makes them ({@link initialValueNeedsFiles}). */
  override initialPayload(): unknown {
    return this.storeless(this.props.value);
  }

  /** Whether the initial value has an image given as a path, bytes or an array (also inside `{ background, layers, composite }`). */
  override initialValueNeedsFiles(): boolean {
    return this.needsFiles(this.props.value);
  }

  override processExample(example: unknown): unknown {
    return this.storeless(example);
  }

  /** An example given as a path (or bytes), or with one in its background, layers or composite, is copied into the cache when the server starts, and shown from there. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return null;
    return this.needsFiles(example) ? await this.postprocess(example as never, context) : this.storeless(example);
  }

  api(): ApiDescription {
    return {
      type: EDITOR_DATA_SCHEMA,
      python_type: { type: "Dict(background: filepath | None, layers: List[filepath], composite: filepath | None, id: str | None)", description: "" },
    };
  }

  override exampleInput(): EditorData {
    return { background: fileData(EXAMPLE_IMAGE_PATH, { orig_name: "example.png", mime_type: "image/png" }), layers: [], composite: null, id: null };
  }

  /** The canvas size the browser starts with: `canvas_size`, else from `crop_size`, else 800×800. */
  canvasSize(): [number, number] {
    if (this.props.canvas_size) return checkSize("canvas_size", this.props.canvas_size);
    if (this.props.crop_size) return cropSizeToCanvas(this.props.crop_size);
    return [800, 800];
  }

  /** The webcam's options as the browser gets them (Gradio's `webcam_options`): `mirror_webcam`, when given, sets `mirror`. */
  webcamOptions(): WebcamSettings {
    const options = WebcamOptions(this.props.webcam_options ?? {});
    return typeof this.props.mirror_webcam === "boolean" ? { ...options, mirror: this.props.mirror_webcam } : options;
  }

  protected override ownProps(): Record<string, unknown> {
    const { height = null, width = null, image_mode = "RGBA", format = "webp", show_download_button = true,
      show_fullscreen_button = true, placeholder = null, fixed_canvas = false } = this.props;
    const sources = this.props.sources === undefined ? ["upload", "webcam", "clipboard"] : this.props.sources === null ? [] : this.props.sources;
    const brush = this.props.brush === false ? false : this.props.brush ? Brush(this.props.brush) : Brush();
    const eraser = this.props.eraser === false || brush === false ? false : this.props.eraser ? Eraser(this.props.eraser) : Eraser();
    const layers = this.props.layers === false ? LayerOptions({ disabled: true }) : this.props.layers === true || this.props.layers === undefined ? LayerOptions() : LayerOptions(this.props.layers);
    return {
      height, width, image_mode, format, show_download_button, show_fullscreen_button, placeholder, fixed_canvas,
      sources: Array.isArray(sources) ? sources : [sources],
      type: this.props.type ?? "array",
      transforms: this.props.transforms === undefined ? ["crop", "resize"] : this.props.transforms === null ? [] : [...this.props.transforms],
      brush, eraser, layers,
      canvas_size: this.canvasSize(),
      webcam_options: this.webcamOptions(),
    };
  }
}
export interface ImageEditorComponent<T extends ImageType = "array"> extends Listeners<ImageEditorEvent, ImageEditorEventData> {}

/**
 * An image editor (Gradio's `gr.ImageEditor`): upload a background, draw on layers with a brush,
 * erase, crop, undo and redo. The function receives `{ background, layers, composite }`.
 * @example vt.ImageEditor({ type: "jimp", brush: vt.Brush({ colors: ["#ff0000"] }), transforms: ["crop"] })
 */
export function ImageEditor<T extends ImageType = "array">(props: ImageEditorProps<T> = {}): ImageEditorComponent<T> {
  return new ImageEditorComponent<T>(props);
}
export type ImageEditor<T extends ImageType = "array"> = ImageEditorComponent<T>;

/**
 * A sketchpad (Gradio's `gr.Sketchpad`): an ImageEditor with a blank white canvas of
 * `canvas_size`, no sources, and a black brush of fixed colour (unless `brush` is given).
 * @example vt.Sketchpad({ canvas_size: [256, 256] })
 */
export function Sketchpad<T extends ImageType = "array">(props: ImageEditorProps<T> = {}): ImageEditorComponent<T> {
  return new ImageEditorComponent<T>({ ...props, transforms: props.transforms === undefined ? ["crop"] : props.transforms, sources: props.sources ?? [], brush: props.brush || Brush({ colors: ["#000000"], color_mode: "fixed" }) });
}

/**
 * A painting canvas (Gradio's `gr.Paint`): an ImageEditor with a blank canvas and no sources,
 * with the default brush.
 */
export function Paint<T extends ImageType = "array">(props: ImageEditorProps<T> = {}): ImageEditorComponent<T> {
  return new ImageEditorComponent<T>({ ...props, transforms: props.transforms === undefined ? ["crop"] : props.transforms, sources: props.sources ?? [] });
}

/**
 * A mask painter (Gradio's `gr.ImageMask`): an ImageEditor to upload an image and draw a mask
 * over it with a black brush of fixed colour, on one layer (`layers: false` unless given). The
 * function reads the mask from `layers[0]` (its alpha channel marks what was drawn).
 * @example vt.ImageMask({ type: "array", image_mode: "RGBA" })
 */
export function ImageMask<T extends ImageType = "array">(props: ImageEditorProps<T> = {}): ImageEditorComponent<T> {
  return new ImageEditorComponent<T>({ ...props, transforms: props.transforms === undefined ? ["crop"] : props.transforms, layers: props.layers ?? false, brush: props.brush || Brush({ colors: ["#000000"], color_mode: "fixed" }) });
}
