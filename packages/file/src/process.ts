import { basename } from "node:path";
import { fileURLToPath } from "node:url";
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
  type FileStore,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { fileEvents, type FileEvent, type FileEventData } from "./events.js";
import { describeFileTypes, matchesFileTypes, mimeFromName } from "./filetypes.js";

/** How many files the user gives: one, several, or a whole folder. */
export type FileCount = "single" | "multiple" | "directory";

/** What the function receives for each file: its local path (default) or its bytes. */
export type FileType = "filepath" | "binary";

/** What the function receives for one file, by `type`. */
export type OneFile<T extends FileType> = T extends "binary" ? Uint8Array : string;

/** What the function receives for a File of `type` T and `file_count` C: one file, or a list. */
export type FileInput<T extends FileType, C extends FileCount> = C extends "single" ? OneFile<T> : OneFile<T>[];

/**
 * What a function may return for one file: a path (taken into the server's file cache, keeping
 * its name), bytes (saved as a new file), an http(s) URL, or a FileData.
 */
export type FileValue = string | Uint8Array | FileData;

/** What a function may return for a File: one file, a list of files, or null. */
export type FileOutput = FileValue | readonly FileValue[] | null;

/** The wire value of a File: a FileData, a list of them, or null. */
export type FilePayload = FileData | FileData[] | null;

/** Props of a File. */
export interface FileProps<T extends FileType = "filepath", C extends FileCount = "single"> extends ComponentProps<FileOutput> {
  /** "single" (default): one file; "multiple": several; "directory": every file of a chosen folder. */
  file_count?: C;
  /**
   * The files the user may give: extensions (".png"), categories ("image", "audio", "video",
   * "text"; "file" allows any) or MIME types ("text/plain"). Checked in the browser and again on
   * the server. Default: any file.
   */
  file_types?: string[] | null;
  /** What the function receives for each file: "filepath" (default, a local path) or "binary" (its bytes). */
  type?: T;
  /** Height of the file list: pixels, or a CSS length. */
  height?: number | string | null;
}

const FILE_COUNTS: readonly FileCount[] = ["single", "multiple", "directory"];
const TYPES: readonly FileType[] = ["filepath", "binary"];


/** The small text file shipped with the package, used as the API page's example input. */
export const EXAMPLE_FILE_PATH = fileURLToPath(new URL("../assets/example.txt", import.meta.url));


/** The name a FileData shows its user: `orig_name`, else its path's last segment. */
export function fileName(file: FileData): string {
  return file.orig_name || basename(file.path.split("?")[0]!) || "file";
}

/** Options of {@link preprocessFiles}. */
export interface PreprocessFilesOptions {
  /** The component's name, for messages. */
  component: string;
  /** Whether one file, several or a folder's files are expected. */
  file_count: FileCount;
  /** The file types accepted (extensions, categories or MIME types); null accepts any. */
  file_types?: readonly string[] | null;
  /** What the function gets for each file: its path or its bytes. */
  type: FileType;
}

/**
 * Turns a File's wire value into what the function receives: each FileData resolved through the
 * store, checked against `file_types`, and given as its path or bytes; a list for "multiple" and
 * "directory". Shared by File and UploadButton.
 */
export async function preprocessFiles(payload: unknown, ctx: ProcessContext | undefined, options: PreprocessFilesOptions): Promise<unknown> {
  const { component, file_count, file_types, type } = options;
  if (payload === null || payload === undefined) return null;
  const list = Array.isArray(payload) ? payload : [payload];
  for (const item of list) {
    if (!isFileData(item)) throw new TypeError(`${component} expects FileData objects ({ path, meta: { _type: "gradio.FileData" } })`);
  }
  if (file_count === "single" && list.length > 1) throw new VitrineError(`${component} takes one file, got ${list.length}`);
  const files = needFiles(component, ctx);
  const out = await Promise.all(
    (list as FileData[]).map(async (file) => {
      const name = fileName(file);
      if (!matchesFileTypes(name, file.mime_type, file_types)) {
        throw new VitrineError(`${component}: "${name}" is not an allowed file type; allowed: ${describeFileTypes(file_types ?? [])}`);
      }
      const path = await files.resolve(file);
      return type === "binary" ? files.read(path) : path;
    }),
  );
  if (file_count === "single") return Array.isArray(payload) ? (out[0] ?? null) : out[0]!;
  return out;
}

/** Turns one returned file (a path, bytes, a URL or a FileData) into a FileData. */
export async function postprocessFile(value: FileValue, ctx: ProcessContext | undefined, component: string): Promise<FileData> {
  if (isFileData(value)) return value;
  if (typeof value === "string") {
    if (/^https?:\/\//i.test(value)) {
      const name = basename(new URL(value).pathname) || null;
      const mime = name ? mimeFromName(name) : null;
      return fileData(value, { url: value, orig_name: name, ...(mime ? { mime_type: mime } : {}) });
    }
    const name = basename(value);
    const mime = mimeFromName(name);
    return needFiles(component, ctx).adopt(value, { name, ...(mime ? { mime_type: mime } : {}) });
  }
  if (value instanceof Uint8Array) return needFiles(component, ctx).save(value, { name: "file", mime_type: "application/octet-stream" });
  throw new TypeError(`${component}: return a path, bytes (Uint8Array), a URL, a FileData, a list of these, or null`);
}

/**
 * Turns what a function returned into a File's wire value: a FileData for one file, a list
 * for a list. Shared by File and DownloadButton.
 */
export async function postprocessFiles(value: FileOutput | undefined, ctx: ProcessContext | undefined, component: string): Promise<FilePayload> {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return Promise.all((value as readonly FileValue[]).map((v) => postprocessFile(v, ctx, component)));
  return postprocessFile(value as FileValue, ctx, component);
}

/** A value given without the file store (a FileData or a URL, or a list of them), as a payload; else null. */
export function plainPayload(value: unknown): FilePayload {
  const one = (v: unknown): FileData | null =>
    isFileData(v) ? v : typeof v === "string" && /^https?:\/\//i.test(v) ? fileData(v, { url: v, orig_name: basename(new URL(v).pathname) || null }) : null;
  if (Array.isArray(value)) {
    const list = value.map(one);
    return list.every((f): f is FileData => f !== null) ? list : null;
  }
  return one(value);
}

/** Checks `file_count`, `file_types` and `type` of a file component's props. */
export function checkFileProps(component: string, props: { file_count?: unknown; file_types?: unknown; type?: unknown }): void {
  if (props.file_count !== undefined && !FILE_COUNTS.includes(props.file_count as FileCount))
    throw new TypeError(`${component}: file_count must be "single", "multiple" or "directory", got ${JSON.stringify(props.file_count)}`);
  if (props.type !== undefined && !TYPES.includes(props.type as FileType))
    throw new TypeError(`${component}: type must be "filepath" or "binary", got ${JSON.stringify(props.type)}`);
  const types = props.file_types;
  if (types !== undefined && types !== null && (!Array.isArray(types) || !types.every((t) => typeof t === "string" && t.trim() !== "")))
    throw new TypeError(`${component}: file_types must be a list of extensions, categories or MIME types, got ${JSON.stringify(types)}`);
}

/** The API description of a file component of `file_count`. */
export function filesApi(file_count: FileCount): ApiDescription {
  return file_count === "single"
    ? { type: FILE_DATA_SCHEMA, python_type: { type: "filepath", description: "" } }
    : { type: { type: "array", items: FILE_DATA_SCHEMA }, python_type: { type: "List[filepath]", description: "" } };
}

/**
 * What File and UploadButton share on the server: a value of one file, several or a folder's
 * (`file_count`), each received by the function as a path or its bytes (`type`), checked against
 * `file_types`; returned files go to the browser as FileData.
 */
export abstract class FilesComponent<T extends FileType = "filepath", C extends FileCount = "single"> extends FileValuedComponent<FileInput<T, C>, FileOutput, FilePayload> {
  declare readonly props: ComponentProps<FileOutput> & Pick<FileProps<T, C>, "file_count" | "file_types" | "type">;
  /** Its name in error messages: "File", "UploadButton". */
  protected abstract readonly displayName: string;

  /** "single", "multiple" or "directory". */
  get fileCount(): FileCount {
    return this.props.file_count ?? "single";
  }

  override async preprocess(payload: FilePayload | undefined, ctx?: ProcessContext): Promise<FileInput<T, C>> {
    return (await preprocessFiles(payload, ctx, {
      component: this.displayName,
      file_count: this.fileCount,
      file_types: this.props.file_types ?? null,
      type: this.props.type ?? "filepath",
    })) as FileInput<T, C>;
  }

  override postprocess(value: FileOutput | undefined, ctx?: ProcessContext): Promise<FilePayload> {
    return postprocessFiles(value, ctx, this.displayName);
  }

  /** FileData and URLs (one, or a list) as given; paths and bytes need the file store. */
  protected override storeless(value: unknown): unknown {
    return plainPayload(value);
  }

  api(): ApiDescription {
    return filesApi(this.fileCount);
  }
}

/**
 * A file input and output. As an input the function receives each file's local path
 * (`type: "filepath"`, default) or its bytes (`"binary"`), one or a list by `file_count`; as an
 * output it returns a path, bytes, a URL, or a list of these, which the browser shows as files
 * to download.
 */
export class FileComponent<T extends FileType = "filepath", C extends FileCount = "single"> extends FilesComponent<T, C> {
  static override readonly events = fileEvents;
  readonly type = "file";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: FileProps<T, C>;
  protected readonly displayName = "File";

  constructor(props: FileProps<T, C> = {}) {
    checkFileProps("File", props);
    super(props);
  }

  override exampleInput(): FileData | FileData[] {
    const example = fileData(EXAMPLE_FILE_PATH, { orig_name: "example.txt", mime_type: "text/plain" });
    return this.fileCount === "single" ? example : [example];
  }

  protected override ownProps(): Record<string, unknown> {
    const { file_types = null, height = null } = this.props;
    return { file_count: this.fileCount, file_types, type: this.props.type ?? "filepath", height };
  }
}
export interface FileComponent<T extends FileType = "filepath", C extends FileCount = "single"> extends Listeners<FileEvent, FileEventData> {}

/**
 * A file input or output, like Gradio's `gr.File`.
 * @example vt.File({ label: "Report", file_types: [".pdf", "text"] })
 * @example vt.File({ file_count: "multiple", type: "binary" })
 */
export function File<T extends FileType = "filepath", C extends FileCount = "single">(props: FileProps<T, C> = {}): FileComponent<T, C> {
  return new FileComponent<T, C>(props);
}
export type File<T extends FileType = "filepath", C extends FileCount = "single"> = FileComponent<T, C>;

/**
 * Several files: a File with `file_count` "multiple" by default, like Gradio's `gr.Files`.
 * @example vt.Files({ label: "Attachments" })
 */
export function Files<T extends FileType = "filepath", C extends FileCount = "multiple">(props: FileProps<T, C> = {}): FileComponent<T, C> {
  return new FileComponent<T, C>({ ...props, file_count: (props.file_count ?? "multiple") as C });
}
export type Files<T extends FileType = "filepath", C extends FileCount = "multiple"> = FileComponent<T, C>;
