import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Component,
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
import {
  EXAMPLE_IMAGE_PATH,
  ImageComponent,
  type ImageArray,
  type ImageFormat,
  type ImageInput,
  type ImageMode,
  type ImageOutput,
  type ImageType,
  type JimpImage,
} from "@vitrine/image";
import { galleryEvents, type GalleryEvent, type GalleryEventData } from "./events.js";
import { matchesFileTypes, videoMime } from "./filetypes.js";
import type { GalleryItem, GalleryVideoData } from "./items.js";
export { isGalleryVideo, galleryItemFile, type GalleryImageData, type GalleryItem, type GalleryVideoData } from "./items.js";

/** The wire value of a Gallery: its items in order (an empty list when it is empty). */
export type GalleryPayload = GalleryItem[];

/**
 * One image or video a function may return: an {@link ImageArray}, a Jimp image, encoded
 * bytes, a path, an http(s) URL or a FileData. A path, URL or FileData of a video (by its
 * extension or MIME type) is shown as a video.
 */
export type GalleryMedia = ImageArray | JimpImage | { bitmap: { width: number; height: number; data: Uint8Array } } | Uint8Array | string | FileData;

/** One returned item: a media, or a `[media, caption]` pair. */
export type GalleryOutputItem = GalleryMedia | readonly [GalleryMedia, (string | null)?];

/** What a function may return for a Gallery: a list of items, or null (an empty gallery). */
export type GalleryOutput = readonly GalleryOutputItem[] | null;

/**
 * What the function receives for a Gallery of `type` T: a list of `[media, caption]` pairs
 * (caption null when there is none), or null when the gallery is empty. Images come by `type`
 * as Image gives them (an SVG always as a path); videos always as paths.
 */
export type GalleryInput<T extends ImageType> = [ImageInput<T> | string, string | null][] | null;

/** Buttons a Gallery may show in its corner (Gradio 6's `buttons`). */
export type GalleryButton = "download" | "download_all" | "fullscreen" | "share";

/** Where the user may add images from. */
export type GallerySource = "upload" | "clipboard" | "webcam";

/** How thumbnails fill their cells (CSS `object-fit`). */
export type GalleryObjectFit = "contain" | "cover" | "fill" | "none" | "scale-down";

/** Props of a Gallery. */
export interface GalleryProps<T extends ImageType = "filepath"> extends ComponentProps<GalleryOutput> {
  /** What the function receives for each image: "filepath" (default, as Gradio 6), "array" or "jimp". */
  type?: T;
  /** Channels images are converted to for "array" and "jimp": "RGB" (default), "RGBA" or "L". */
  image_mode?: ImageMode;
  /** Format returned arrays, Jimp images and bytes are saved in: "webp" (default), "png", "jpeg", "gif". */
  format?: ImageFormat;
  /**
   * The files the user may upload: extensions (".png"), categories ("image", "video") or MIME
   * types; checked in the browser and again on the server. Default: any image or video.
   */
  file_types?: string[] | null;
  /**
   * Thumbnails in a row. Default 2. A list gives one count per screen size, as Gradio's: for
   * viewports below 576, 768, 992, 1200 and 1400 pixels, then wider; the last one given stands
   * for the sizes after it (`[1, 2, 4]`: one on phones, two on tablets, four from 992 px).
   */
  columns?: number | readonly number[] | null;
  /** Rows of thumbnails shown before the grid scrolls (with no `height`); a list gives one per screen size, as `columns`. */
  rows?: number | readonly number[] | null;
  /** Height of the gallery: pixels, or a CSS length; more thumbnails than fit scroll. */
  height?: number | string | null;
  /** Whether clicking a thumbnail opens the large preview. Default true. */
  allow_preview?: boolean;
  /** Whether the gallery starts in preview mode (on the first image). */
  preview?: boolean | null;
  /** The item selected (and previewed) at start, or null. */
  selected_index?: number | null;
  /** How thumbnails fill their cells: "contain", "cover" (the look by default), "fill", "none", "scale-down". */
  object_fit?: GalleryObjectFit | null;
  /**
   * The corner buttons (Gradio 6): "download" (the previewed item), "download_all" (every
   * item, one after the other), "fullscreen", "share" (accepted; Vitrine has no Hugging Face
   * share, so it shows nothing). Default all. The Gradio 5 booleans below switch single ones off.
   */
  buttons?: GalleryButton[] | null;
  /** Gradio 5: whether the download button is shown. Default true. */
  show_download_button?: boolean;
  /** Gradio 5: whether the fullscreen button is shown. Default true. */
  show_fullscreen_button?: boolean;
  /** Gradio 5: whether the share button is shown. Accepted but not applicable: Vitrine has no Hugging Face share. */
  show_share_button?: boolean | null;
  /** Whether fewer items than `columns` stretch to the full width. Default true. */
  fit_columns?: boolean;
  /**
   * Where an interactive gallery takes images from: "upload" (default), "clipboard", "webcam"
   * (a camera preview whose Capture button adds a photo, mirrored as in Gradio; it fires `change`).
   * The first source is the one shown while the gallery is empty.
   */
  sources?: GallerySource[] | null;
}

const TYPES: readonly ImageType[] = ["array", "jimp", "filepath"];
const FORMATS: readonly ImageFormat[] = ["webp", "png", "jpeg", "gif"];
const MODES: readonly ImageMode[] = ["RGB", "RGBA", "L"];
const FITS: readonly GalleryObjectFit[] = ["contain", "cover", "fill", "none", "scale-down"];
const BUTTONS: readonly GalleryButton[] = ["download", "download_all", "fullscreen", "share"];
const SOURCES: readonly GallerySource[] = ["upload", "clipboard", "webcam"];

const ITEM_SCHEMA = (key: "image" | "video", title: string) => ({
  properties: {
    [key]: FILE_DATA_SCHEMA,
    caption: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Caption" },
  },
  required: [key],
  title,
  type: "object",
});

/** Gradio's GalleryData schema, as `/info` describes a Gallery. */
const GALLERY_SCHEMA = {
  items: { anyOf: [ITEM_SCHEMA("image", "GalleryImage"), ITEM_SCHEMA("video", "GalleryVideo")] },
  title: "GalleryData",
  type: "array",
};

/** Whether a FileData is a video, by its MIME type or its name. */
function isVideoFile(file: FileData): boolean {
  return file.mime_type ? file.mime_type.startsWith("video/") : videoMime(file.orig_name ?? file.path) !== null;
}

/** Checks a gallery's props, with messages naming the prop. */
function checkProps(props: GalleryProps<ImageType>): void {
  const bad = (name: string, allowed: readonly string[], got: unknown) =>
    new TypeError(`Gallery: ${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(got)}`);
  if (props.type !== undefined && !TYPES.includes(props.type)) throw bad("type", TYPES, props.type);
  if (props.format !== undefined && !FORMATS.includes(props.format)) throw bad("format", FORMATS, props.format);
  if (props.image_mode !== undefined && !MODES.includes(props.image_mode)) throw bad("image_mode", MODES, props.image_mode);
  if (props.object_fit != null && !FITS.includes(props.object_fit)) throw bad("object_fit", FITS, props.object_fit);
  for (const b of props.buttons ?? []) if (!BUTTONS.includes(b)) throw bad("buttons", BUTTONS, b);
  for (const s of props.sources ?? []) if (!SOURCES.includes(s)) throw bad("sources", SOURCES, s);
  for (const [name, v] of [["columns", props.columns], ["rows", props.rows]] as const) {
    const counts = v == null ? [] : typeof v === "number" ? [v] : Array.isArray(v) && v.length > 0 ? v : [NaN];
    if (!counts.every((n) => Number.isInteger(n) && n >= 1)) {
      throw new TypeError(`Gallery: ${name} must be a positive integer or a non-empty list of them (one per screen size), got ${JSON.stringify(v)}`);
    }
  }
  if (props.selected_index != null && (!Number.isInteger(props.selected_index) || props.selected_index < 0))
    throw new TypeError(`Gallery: selected_index must be a non-negative integer, got ${JSON.stringify(props.selected_index)}`);
  const types = props.file_types;
  if (types != null && (!Array.isArray(types) || !types.every((t) => typeof t === "string" && t.trim() !== "")))
    throw new TypeError(`Gallery: file_types must be a list of extensions, categories or MIME types, got ${JSON.stringify(types)}`);
}

/** An error of item `index` (1-based in the message), keeping a VitrineError a VitrineError (its message reaches the user). */
function itemError(index: number, error: unknown): Error {
  const message = `Gallery: item ${index + 1}: ${((error as Error).message ?? String(error)).replace(/^Image:\s*/, "")}`;
  return error instanceof VitrineError ? new VitrineError(message) : new TypeError(message);
}

/** A returned item split into its media and caption. */
function splitItem(item: unknown, index: number): [unknown, string | null] {
  if (!Array.isArray(item)) return [item, null];
  if (item.length < 1 || item.length > 2) throw new TypeError(`Gallery: item ${index + 1}: a captioned item is a [media, caption] pair, got ${item.length} entries`);
  const caption = item[1] ?? null;
  if (caption !== null && typeof caption !== "string") throw new TypeError(`Gallery: item ${index + 1}: a caption must be a string or null, got ${typeof caption}`);
  return [item[0], caption];
}

/**
 * A grid of images (and videos) with captions, like Gradio's `gr.Gallery`. As an output the
 * function returns a list of images — arrays, Jimp images, bytes, paths, URLs, FileData — or
 * `[image, caption]` pairs; as an input it receives a list of `[image, caption]` pairs, each
 * image by `type` ("filepath" by default; videos always as paths).
 */
export class GalleryComponent<T extends ImageType = "filepath"> extends Component<GalleryInput<T>, GalleryOutput, GalleryPayload> {
  static override readonly events = galleryEvents;
  readonly type = "gallery";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: GalleryProps<T>;
  /** Image's pre- and postprocessing, shared (never rendered: it only converts each item). */
  private readonly images: ImageComponent<T>;

  constructor(props: GalleryProps<T> = {}) {
    checkProps(props);
    super(props);
    this.images = new ImageComponent<T>({
      type: (props.type ?? "filepath") as T,
      format: props.format ?? "webp",
      image_mode: props.image_mode ?? "RGB",
      render: false,
    });
  }

  override async preprocess(payload: GalleryPayload | null | undefined, ctx?: ProcessContext): Promise<GalleryInput<T>> {
    if (payload === null || payload === undefined) return null;
    if (!Array.isArray(payload)) throw new TypeError("Gallery expects a list of { image: FileData, caption } or { video: FileData, caption } items");
    if (payload.length === 0) return null;
    const types = this.props.file_types ?? null;
    return Promise.all(
      payload.map(async (item, i): Promise<[ImageInput<T> | string, string | null]> => {
        const file = typeof item === "object" && item !== null ? ((item as { image?: unknown }).image ?? (item as { video?: unknown }).video) : undefined;
        if (!isFileData(file)) throw new TypeError(`Gallery: item ${i + 1} is not { image: FileData, caption } or { video: FileData, caption }`);
        const caption = (item as { caption?: unknown }).caption ?? null;
        if (caption !== null && typeof caption !== "string") throw new TypeError(`Gallery: item ${i + 1}: a caption must be a string or null`);
        const name = file.orig_name || basename(file.path.split(/[?#]/)[0]!);
        if (types && !matchesFileTypes(name, file.mime_type, types))
          throw new VitrineError(`Gallery: "${name}" is not an allowed file type; allowed: ${types.join(", ")}`);
        if ("video" in item) return [await needFiles("Gallery", ctx).resolve(file), caption];
        try {
          return [await this.images.preprocess(file, ctx), caption];
        } catch (error) {
          throw itemError(i, error);
        }
      }),
    );
  }

  override async postprocess(value: GalleryOutput | undefined, ctx?: ProcessContext): Promise<GalleryPayload> {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) throw new TypeError("Gallery: return a list of images (or [image, caption] pairs), or null");
    return Promise.all(value.map((item, i) => this.postprocessItem(item, i, ctx)));
  }

  private async postprocessItem(item: unknown, index: number, ctx?: ProcessContext): Promise<GalleryItem> {
    const [media, caption] = splitItem(item, index);
    if (media === null || media === undefined) throw new TypeError(`Gallery: item ${index + 1} is empty (null)`);
    const video = await this.postprocessVideo(media, ctx);
    if (video) return { video, caption };
    try {
      const image = await this.images.postprocess(media as ImageOutput, ctx);
      return { image: image!, caption };
    } catch (error) {
      throw itemError(index, error);
    }
  }

  /** A video's FileData, when `media` is a video's path, URL or FileData; else null. */
  private async postprocessVideo(media: unknown, ctx?: ProcessContext): Promise<FileData | null> {
    if (isFileData(media)) return isVideoFile(media) ? { ...media, mime_type: media.mime_type ?? videoMime(media.orig_name ?? media.path) } : null;
    if (typeof media !== "string") return null;
    const mime = videoMime(media);
    if (!mime) return null;
    if (/^https?:\/\//i.test(media)) return fileData(media, { url: media, orig_name: basename(new URL(media).pathname) || null, mime_type: mime });
    return needFiles("Gallery", ctx).adopt(media, { name: basename(media), mime_type: mime });
  }

  override emptyPayload(): GalleryPayload {
    return [];
  }

  /** The initial value: items given as FileData or URLs (with captions or not); others need the file store, so they wait for an event. */
  override initialPayload(): unknown {
    return storelessGallery(this.props.value) ?? [];
  }

  /** Whether the initial value has an item given as a path, bytes or an array (captioned or not), which the server copies into the cache. */
  override initialValueNeedsFiles(): boolean {
    const value = this.props.value;
    return Array.isArray(value) && value.length > 0 && storelessGallery(value) === null;
  }

  override processExample(example: unknown): unknown {
    return storelessGallery(example) ?? example ?? [];
  }

  /** An example given as a path (or bytes) is copied into the cache when the server starts, and shown from there. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return null;
    return storelessGallery(example) ?? (await this.postprocess(example as never, context));
  }

  api(): ApiDescription {
    return {
      type: GALLERY_SCHEMA,
      python_type: { type: "List[Dict(image: filepath, caption: str | None) | Dict(video: filepath, caption: str | None)]", description: "" },
    };
  }

  override exampleInput(): GalleryPayload {
    return [{ image: fileData(EXAMPLE_IMAGE_PATH, { orig_name: "example.png", mime_type: "image/png" }), caption: null }];
  }

  protected override ownProps(): Record<string, unknown> {
    const { format = "webp", file_types = null, columns = 2, rows = null, height = null, allow_preview = true, preview = null,
      selected_index = null, object_fit = null, fit_columns = true, image_mode = "RGB" } = this.props;
    let buttons: GalleryButton[] = this.props.buttons ?? ["download", "download_all", "fullscreen", "share"];
    if (this.props.show_download_button === false) buttons = buttons.filter((b) => b !== "download");
    if (this.props.show_fullscreen_button === false) buttons = buttons.filter((b) => b !== "fullscreen");
    if (this.props.show_share_button === false) buttons = buttons.filter((b) => b !== "share");
    return {
      format, file_types, columns, rows, height, allow_preview, preview, selected_index, object_fit, fit_columns, image_mode, buttons,
      show_download_button: buttons.includes("download"),
      show_fullscreen_button: buttons.includes("fullscreen"),
      show_share_button: false,
      sources: this.props.sources ?? ["upload"],
      type: this.props.type ?? "filepath",
    };
  }
}
export interface GalleryComponent<T extends ImageType = "filepath"> extends Listeners<GalleryEvent, GalleryEventData> {}

/** A gallery value that needs no file store (every item a FileData or URL, captioned or not) as its payload; else null. */
function storelessGallery(value: unknown): GalleryPayload | null {
  if (!Array.isArray(value)) return null;
  const items: GalleryItem[] = [];
  for (const entry of value) {
    const [media, caption] = Array.isArray(entry) ? [entry[0], typeof entry[1] === "string" ? entry[1] : null] : [entry, null];
    let file: FileData | null = null;
    if (isFileData(media)) file = media;
    else if (typeof media === "string" && /^https?:\/\//i.test(media))
      file = fileData(media, { url: media, orig_name: basename(new URL(media).pathname) || null, mime_type: videoMime(media) });
    if (!file) return null;
    items.push(isVideoFile(file) ? { video: file, caption } : { image: file, caption });
  }
  return items;
}

/**
 * A gallery of images and videos with captions, like Gradio's `gr.Gallery`.
 * @example vt.Gallery({ label: "Generated", columns: 3, object_fit: "cover" })
 * @example vt.Gallery({ type: "array", interactive: true, file_types: ["image"] })
 */
export function Gallery<T extends ImageType = "filepath">(props: GalleryProps<T> = {}): GalleryComponent<T> {
  return new GalleryComponent<T>(props);
}
export type Gallery<T extends ImageType = "filepath"> = GalleryComponent<T>;
