import { randomBytes } from "node:crypto";
import { copyFile, mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { isFileData, type FileData } from "@vitrine/core";
import { columnName, folderName, safeFileName, type FlaggedComponent } from "./component.js";

/** How {@link flagCell} writes a value. */
export interface CellOptions {
  /** The folder the CSV is in; files are copied under it and cells name them relative to it. */
  dir: string;
  /**
   * Whether a file is written as its relative path (`image/1a2b…/photo.png`) even inside a
   * structured value (default true, Gradio's `simplify_file_data`); with `false`, a FileData
   * keeps its fields, with its `path` pointing at the copy.
   */
  simplifyFileData?: boolean;
}

/** How deep structured values are searched for files. */
const MAX_DEPTH = 32;

/**
 * One flagged value as a CSV cell (before {@link sanitizeCell}). The value is what the
 * component sends on the wire (flag events run with `preprocess: false`):
 *
 * - nothing (`null`, `undefined`) is an empty cell; text stays text; a number stays a number;
 *   `true`/`false` are written as such;
 * - a file (FileData) is copied into a folder named after the component beside the CSV
 *   (`<label>/<random>/<name>`, so that two files of the same name never collide) and the cell
 *   holds that path, relative to the CSV's folder, with `/` separators; an http(s) URL is
 *   written as it is, not fetched;
 * - anything else (a list of files, a gallery, a chat history, a dataframe, an update) is
 *   written as JSON, each file inside it copied and replaced by its relative path.
 *
 * A component with its own {@link FlaggedComponent.flag} writes its cell itself.
 */
export async function flagCell(component: FlaggedComponent, index: number, value: unknown, options: CellOptions): Promise<string | number> {
  const folder = folderName(component, index);
  if (typeof component.flag === "function") {
    const own = await component.flag(value, join(options.dir, folder));
    return typeof own === "string" || typeof own === "number" ? own : JSON.stringify(own ?? null);
  }
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  const copier = new FileCopier(component, index, options.dir, folder);
  const simplify = options.simplifyFileData !== false;
  if (isFileData(value) && simplify) return await copier.copy(value);
  return JSON.stringify(await copyFiles(value, copier, simplify, 0));
}

/** A structured value with each file copied (and, with `simplify`, replaced by its relative path). */
async function copyFiles(value: unknown, copier: FileCopier, simplify: boolean, depth: number): Promise<unknown> {
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return value;
  if (isFileData(value)) {
    const path = await copier.copy(value);
    return simplify ? path : { ...value, path, url: null };
  }
  if (ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return await Promise.all(value.map((v) => copyFiles(v, copier, simplify, depth + 1)));
  const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await copyFiles(v, copier, simplify, depth + 1)] as const));
  return Object.fromEntries(entries);
}

/** Copies one component's files into its folder beside the CSV. */
class FileCopier {
  constructor(
    private readonly component: FlaggedComponent,
    private readonly index: number,
    private readonly dir: string,
    private readonly folder: string,
  ) {}

  /** Copies the file and returns its path relative to the CSV's folder (an http(s) URL as it is). */
  async copy(file: FileData): Promise<string> {
    if (/^https?:\/\//i.test(file.path)) return file.path;
    const name = safeFileName(file.orig_name || basename(file.path)) || "file";
    const unique = randomBytes(10).toString("hex");
    const target = join(this.dir, this.folder, unique);
    try {
      await mkdir(target, { recursive: true });
      await copyFile(file.path, join(target, name));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(`Flagging "${columnName(this.component, this.index)}": could not copy ${file.path}: ${reason}`, { cause: err });
    }
    return `${this.folder}/${unique}/${name}`;
  }
}
