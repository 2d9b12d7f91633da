/**
 * Files on the wire and in components. A file travels as Gradio's FileData (never as base64 in
 * the queue): the client uploads it (`POST /gradio_api/upload`), then sends its server path.
 * Components turn FileData into what the function takes, and what it returns into FileData,
 * through the {@link FileStore} the server hands them in a {@link ProcessContext}. Core has no
 * I/O: these are contracts, implemented by `@vitrine/server`.
 */

/** The marker of a FileData object (`meta._type`). */
export const FILE_DATA_TYPE = "gradio.FileData";

/** A file as it travels: Gradio's FileData. Only `path` is required. */
export interface FileData {
  /** A server path (one the server issued), or an http(s) URL. */
  path: string;
  /** Where a browser loads it (outputs): `<root>/gradio_api/file=<path>`. */
  url?: string | null;
  /** Size in bytes, when known. */
  size?: number | null;
  /** The name the file had for its user. */
  orig_name?: string | null;
  /** Its MIME type, when known. */
  mime_type?: string | null;
  /** Whether it is a stream (`url` under `/stream/`). */
  is_stream?: boolean;
  /** Marks the object as a FileData for Gradio's clients. */
  meta: { _type: typeof FILE_DATA_TYPE };
}

/** Whether a value is a FileData object. */
export function isFileData(value: unknown): value is FileData {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as FileData).path === "string" &&
    (value as { meta?: { _type?: unknown } }).meta?._type === FILE_DATA_TYPE
  );
}

/** A FileData object for a path. */
export function fileData(path: string, fields: Omit<Partial<FileData>, "path" | "meta"> = {}): FileData {
  return { path, url: null, size: null, orig_name: null, mime_type: null, is_stream: false, ...fields, meta: { _type: FILE_DATA_TYPE } };
}

/** Options of {@link FileStore.save}. */
export interface SaveOptions {
  /** The file's name for its user (and the last segment of its path): `image.webp`. */
  name?: string;
  /** Its MIME type (else guessed from the name). */
  mime_type?: string;
}

/**
 * The server's file cache, as components see it. Every file a function receives was checked
 * by the server before `preprocess` (issued by it, or under `allowed_paths`); every file a
 * component returns goes through here, so that the server may serve it.
 */
export interface FileStore {
  /** Writes bytes into the cache (content-addressed) and returns their FileData. */
  save(data: Uint8Array, options?: SaveOptions): Promise<FileData>;
  /**
   * Takes a path a function returned into the cache (copying it) and returns its FileData. A
   * path outside the working directory, the OS temp folder and `allowed_paths` (or inside
   * `blocked_paths`) is refused with a clear error, as Gradio 5 does.
   */
  adopt(path: string, options?: SaveOptions): Promise<FileData>;
  /**
   * The local path of a FileData a client sent: a file of the cache (or under `allowed_paths`),
   * or, for an http(s) URL, the file fetched through the SSRF-safe fetcher. Anything else is
   * refused with a clear error.
   */
  resolve(file: FileData): Promise<string>;
  /** Reads a file the store resolved or saved. */
  read(path: string): Promise<Uint8Array>;
}

/** What `preprocess` and `postprocess` get besides the value: where files go. */
export interface ProcessContext {
  /** Where the component saves and reads files. */
  files: FileStore;
}

/** Gradio's FileData JSON schema, as `/info` describes a file parameter or return. */
export const FILE_DATA_SCHEMA = {
  properties: {
    path: { title: "Path", type: "string" },
    url: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Url" },
    size: { anyOf: [{ type: "integer" }, { type: "null" }], default: null, title: "Size" },
    orig_name: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Orig Name" },
    mime_type: { anyOf: [{ type: "string" }, { type: "null" }], default: null, title: "Mime Type" },
    is_stream: { default: false, title: "Is Stream", type: "boolean" },
    meta: { default: { _type: FILE_DATA_TYPE }, title: "Meta", type: "object" },
  },
  required: ["path"],
  title: "FileData",
  type: "object",
} as const;

/** The store of a ProcessContext, or a clear error naming the component that needed it. */
export function needFiles(component: string, ctx: ProcessContext | undefined): FileStore {
  if (!ctx?.files) throw new Error(`${component}: processing files needs the server's file store (a ProcessContext)`);
  return ctx.files;
}

/**
 * A file component's example as its wire value, with the file store: a FileData or URL as
 * {@link storelessFile} gives it, anything else (a path, bytes) through `postprocess`, which
 * copies it into the cache (only from the places returned files may come from). What
 * `FileValuedComponent.processExampleWithFiles` returns; for a component that does not extend it.
 */
export async function fileExample<T>(
  component: { postprocess(value: T, context?: ProcessContext): unknown },
  example: unknown,
  context: ProcessContext,
): Promise<unknown> {
  if (example === null || example === undefined) return null;
  return storelessFile(example) ?? (await component.postprocess(example as T, context));
}

/**
 * A file component's value that needs no file store: a FileData as it is, an http(s) URL as a
 * FileData pointing at it; anything else (a path, bytes) is null here, as it needs the store.
 * What file components send for their initial value and their examples.
 */
export function storelessFile(value: unknown): FileData | null {
  if (isFileData(value)) return value;
  if (typeof value === "string" && /^https?:\/\//i.test(value)) return fileData(value, { url: value });
  return null;
}
