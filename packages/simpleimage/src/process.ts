import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FileValuedComponent,
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
import { simpleImageEvents, type SimpleImageEvent } from "./events.js";

/** What a function may return for a SimpleImage: a path, an http(s) URL, a FileData, or null. */
export type SimpleImageOutput = string | FileData | null;

/** Props of a SimpleImage. */
export interface SimpleImageProps extends ComponentProps<SimpleImageOutput> {
  /** Whether a download button is shown. Default true. */
  show_download_button?: boolean;
}

/** The small PNG shipped with the package, used as the API page's example input. */
export const SIMPLE_IMAGE_EXAMPLE_PATH = fileURLToPath(new URL("../assets/example.png", import.meta.url));

const MIME_BY_EXTENSION: Record<string, string> = {
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
  ".svg": "image/svg+xml", ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff", ".avif": "image/avif", ".ico": "image/x-icon",
};

/**
 * An image as a file, like Gradio's `gr.SimpleImage`: no decoding and no re-encoding. As an
 * input the function receives the uploaded file's local path; as an output it returns a path
 * (taken into the server's file cache as it is), an http(s) URL or a FileData, and the browser
 * shows that file.
 */
export class SimpleImageComponent extends FileValuedComponent<string | null, SimpleImageOutput, FileData | null> {
  static override readonly events = simpleImageEvents;
  readonly type = "simpleimage";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: SimpleImageProps;

  override async preprocess(payload: FileData | null | undefined, ctx?: ProcessContext): Promise<string | null> {
    if (payload === null || payload === undefined) return null;
    if (!isFileData(payload)) throw new TypeError("SimpleImage expects a FileData object ({ path, meta: { _type: \"gradio.FileData\" } })");
    return needFiles("SimpleImage", ctx).resolve(payload);
  }

  override async postprocess(value: SimpleImageOutput | undefined, ctx?: ProcessContext): Promise<FileData | null> {
    if (value === null || value === undefined) return null;
    if (isFileData(value)) return value;
    if (typeof value !== "string" || value === "") throw new TypeError("SimpleImage: return a path, an http(s) URL, a FileData or null");
    if (/^https?:\/\//i.test(value)) {
      const name = basename(new URL(value).pathname) || null;
      const mime = name ? MIME_BY_EXTENSION[extname(name).toLowerCase()] : undefined;
      return fileData(value, { url: value, orig_name: name, ...(mime ? { mime_type: mime } : {}) });
    }
    const mime = MIME_BY_EXTENSION[extname(value).toLowerCase()];
    return needFiles("SimpleImage", ctx).adopt(value, { name: basename(value), ...(mime ? { mime_type: mime } : {}) });
  }

  api(): ApiDescription {
    return { type: FILE_DATA_SCHEMA, python_type: { type: "filepath", description: "" } };
  }

  override exampleInput(): FileData {
    return fileData(SIMPLE_IMAGE_EXAMPLE_PATH, { orig_name: "example.png", mime_type: "image/png" });
  }

  protected override ownProps(): Record<string, unknown> {
    return { show_download_button: this.props.show_download_button ?? true };
  }
}
export interface SimpleImageComponent extends Listeners<SimpleImageEvent> {}

/**
 * An image given and returned as a file, shown as it is, like Gradio's `gr.SimpleImage`.
 * @example vt.SimpleImage({ label: "Scan" })
 */
export function SimpleImage(props: SimpleImageProps = {}): SimpleImageComponent {
  return new SimpleImageComponent(props);
}
export type SimpleImage = SimpleImageComponent;
