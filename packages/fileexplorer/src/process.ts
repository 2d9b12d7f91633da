import { realpathSync, statSync } from "node:fs";
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  Component,
  VitrineError,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
  type ServerFunction,
} from "@vitrine/core";
import { fileExplorerEvents, type FileExplorerEvent, type FileExplorerEventData } from "./events.js";
import { fileAllowed, globMatcher, listFolder, type FileNode, type ListingRules } from "./listing.js";
import { ExplorerRoot, PathRefused, checkSegments, isInside, toSegments } from "./safe-path.js";

export type { FileNode } from "./listing.js";

/** How many files the user may choose: one, or any number. */
export type FileExplorerCount = "single" | "multiple";

/** What the function receives: one absolute path (or null) for "single", a list for "multiple". */
export type FileExplorerInput<C extends FileExplorerCount> = C extends "single" ? string | null : string[];

/** What a function may return for a FileExplorer (the files shown as chosen): a path, a list of paths, or null. */
export type FileExplorerOutput = string | readonly string[] | null;

/** The wire value: each chosen file as its path from the root, in segments (`[["docs", "a.txt"]]`). */
export type FileExplorerPayload = string[][];

/** Props of a FileExplorer. */
export interface FileExplorerProps<C extends FileExplorerCount = "multiple"> extends ComponentProps<FileExplorerOutput> {
  /**
   * Which files are shown (and may be chosen): a glob on the path from `root_dir`, e.g.
   * `"**\/*.txt"`. A pattern without "/" matches file names in every folder (`"*.png"`).
   * Default `"**\/*"`, every file.
   */
  glob?: string;
  /** Files and folders never shown nor accepted, by a glob like `glob`'s (`"*.py"`, `".git"`). */
  ignore_glob?: string | null;
  /** "single" (the function gets one path, or null) or "multiple" (a list, default). */
  file_count?: C;
  /** The folder the user browses; nothing outside it is listed or accepted. Default the working directory. Must exist. */
  root_dir?: string;
  /** Height of the tree: pixels, or a CSS length. */
  height?: number | string | null;
  /** Largest height before it scrolls (default 500 pixels). */
  max_height?: number | string | null;
  /** Least height. */
  min_height?: number | string | null;
}

/** Gradio's FileExplorerData schema, as `/info` describes a FileExplorer. */
const FILE_EXPLORER_SCHEMA = {
  items: { items: { type: "string" }, type: "array" },
  title: "FileExplorerData",
  type: "array",
};

/**
 * Files chosen from a folder on the server, shown as a tree whose folders open as the user
 * expands them. The function receives absolute paths; nothing outside `root_dir` (by `..`,
 * absolute paths, symlinks, encoded separators or null bytes) is ever listed, accepted or passed on.
 */
export class FileExplorerComponent<C extends FileExplorerCount = "multiple"> extends Component<
  FileExplorerInput<C>,
  FileExplorerOutput,
  FileExplorerPayload | null
> {
  static override readonly events = fileExplorerEvents;
  readonly type = "fileexplorer";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: FileExplorerProps<C>;
  /** The root folder (real path). */
  readonly root: ExplorerRoot;
  private readonly rules: ListingRules;

  constructor(props: FileExplorerProps<C> = {}) {
    if (props.file_count !== undefined && props.file_count !== "single" && props.file_count !== "multiple")
      throw new TypeError(`FileExplorer: file_count must be "single" or "multiple", got ${JSON.stringify(props.file_count)}`);
    if (props.glob !== undefined && (typeof props.glob !== "string" || props.glob === ""))
      throw new TypeError(`FileExplorer: glob must be a non-empty string, got ${JSON.stringify(props.glob)}`);
    if (props.ignore_glob != null && (typeof props.ignore_glob !== "string" || props.ignore_glob === ""))
      throw new TypeError(`FileExplorer: ignore_glob must be a non-empty string or null, got ${JSON.stringify(props.ignore_glob)}`);
    super(props);
    const root = new ExplorerRoot(props.root_dir ?? ".");
    if (!statSync(root.path).isDirectory()) throw new Error(`FileExplorer: the specified root_dir is not a directory: ${props.root_dir}`);
    this.root = root;
    this.rules = { glob: globMatcher(props.glob ?? "**/*"), ignore: props.ignore_glob ? globMatcher(props.ignore_glob) : null };
    // A bad initial value fails here, when the app is built, not when a page loads.
    if (this.valueProp !== undefined && this.valueProp !== null) this.postprocess(this.valueProp);
  }

  /** "single" or "multiple". */
  get fileCount(): FileExplorerCount {
    return this.props.file_count ?? "multiple";
  }

  /**
   * The chosen files as absolute (real) paths: each one checked to lie inside the root (symlinks
   * resolved), to exist, to be a file, and to pass `glob` and `ignore_glob`.
   */
  override async preprocess(payload: FileExplorerPayload | null | undefined): Promise<FileExplorerInput<C>> {
    const single = this.fileCount === "single";
    if (payload === null || payload === undefined) return (single ? null : []) as FileExplorerInput<C>;
    if (!Array.isArray(payload)) throw new VitrineError("FileExplorer expects a list of paths, each a list of names from the root ([[\"docs\", \"a.txt\"]])");
    if (single && payload.length > 1) throw new VitrineError(`FileExplorer: expected only one file, but ${payload.length} were selected`);
    const paths: string[] = [];
    for (const item of payload) paths.push(await this.resolveFile(checkSegments(item)));
    return (single ? (paths[0] ?? null) : paths) as FileExplorerInput<C>;
  }

  /** The real path of a chosen file, or a clear error. */
  private async resolveFile(segments: string[]): Promise<string> {
    const shown = segments.join("/");
    const real = await this.root.resolve(segments);
    if (real === null) throw new VitrineError(`FileExplorer: "${shown}" does not exist in root_dir`);
    if (segments.length === 0 || (await stat(real)).isDirectory()) throw new VitrineError(`FileExplorer: "${shown}" is a folder; choose files`);
    const rel = this.root.segmentsOf(real).join("/");
    if (!fileAllowed(shown, this.rules) || !fileAllowed(rel, this.rules))
      throw new PathRefused(shown, "the explorer's glob does not show it (or its ignore_glob hides it)");
    return real;
  }

  /**
   * Paths to show as chosen (absolute inside the root, or relative to it) → the wire value. A
   * path outside the root (lexically, or through a symlink) is refused with a clear error.
   */
  override postprocess(value: FileExplorerOutput | undefined): FileExplorerPayload | null {
    if (value === null || value === undefined) return null;
    const list = typeof value === "string" ? [value] : value;
    if (!Array.isArray(list)) throw new TypeError("FileExplorer: return a path, a list of paths, or null");
    return list.map((path) => {
      const segments = checkSegments(toSegments(path, this.root.path));
      let real: string | null = null;
      try {
        real = realpathSync.native(`${this.root.path}/${segments.join("/")}`);
      } catch {
        // A file not there (yet) is shown as given; preprocess checks it again when it comes back.
      }
      if (real !== null && !isInside(real, this.root.path)) throw new PathRefused(path, "a symbolic link out of root_dir");
      return segments;
    });
  }

  /**
   * Lists one folder, given as segments from the root (`[]` or null: the root): what the view
   * calls through the component server as `ls`.
   */
  async ls(subdirectory: unknown): Promise<FileNode[]> {
    const segments = checkSegments(subdirectory);
    const real = await this.root.resolve(segments);
    if (real === null) return [];
    return listFolder(this.root, real, this.root.segmentsOf(real), this.rules);
  }

  override serverFunctions(): Readonly<Record<string, ServerFunction>> {
    return { ls: (data) => this.ls(data) };
  }

  override processExample(example: unknown): unknown {
    return example === null || example === undefined ? null : this.postprocess(example as FileExplorerOutput);
  }

  api(): ApiDescription {
    return { type: FILE_EXPLORER_SCHEMA, python_type: { type: "List[List[str]]", description: "" } };
  }

  override exampleInput(): FileExplorerPayload {
    return [["example.txt"]];
  }

  protected override ownProps(): Record<string, unknown> {
    const { glob = "**/*", ignore_glob = null, height = null, max_height = 500, min_height = null } = this.props;
    return { glob, ignore_glob, file_count: this.fileCount, root_dir: this.root.path, height, max_height, min_height };
  }
}
export interface FileExplorerComponent<C extends FileExplorerCount = "multiple"> extends Listeners<FileExplorerEvent, FileExplorerEventData> {}

/**
 * A file explorer: the user browses `root_dir` as a tree and ticks files; the function receives
 * their absolute paths (a list, or one path with `file_count: "single"`).
 * @example vt.FileExplorer({ root_dir: "data", glob: "**\/*.csv", file_count: "single" })
 */
export function FileExplorer<C extends FileExplorerCount = "multiple">(props: FileExplorerProps<C> = {}): FileExplorerComponent<C> {
  return new FileExplorerComponent<C>(props);
}
export type FileExplorer<C extends FileExplorerCount = "multiple"> = FileExplorerComponent<C>;
