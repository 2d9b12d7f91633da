import { basename } from "node:path";
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
import { EXAMPLE_FILE_PATH, checkFileProps, postprocessFile, preprocessFiles, type FileCount } from "@vitrine/file";
import { multimodalTextboxEvents, type MultimodalTextboxEvent, type MultimodalTextboxEventData } from "./events.js";

/** Where a MultimodalTextbox takes files from: the file chooser (and drops, pastes) or the microphone. */
export type MultimodalSource = "upload" | "microphone";

/**
 * What the function receives from a MultimodalTextbox, as Gradio gives it: the text and the
 * local path of each attached file (checked and resolved through the server's file cache), in
 * the order the user attached them.
 */
export interface MultimodalValue {
  /** The text. */
  text: string;
  /** Local paths of the attached files. */
  files: string[];
}

/** The wire value of a MultimodalTextbox (Gradio's `MultimodalData`): the text and the files as FileData. */
export interface MultimodalPayload {
  /** The text. */
  text: string;
  /** The attached files. */
  files: FileData[];
}

/** One file a function may return: a path (copied into the cache), bytes, an http(s) URL, or a FileData. */
export type MultimodalFile = string | Uint8Array | FileData;

/**
 * What a function may return for a MultimodalTextbox: a string (the text, no files), the text and
 * files (both optional), or null (empty).
 */
export type MultimodalReturn = string | { text?: string | null; files?: readonly MultimodalFile[] | null } | null;

/** HTML attributes set on the text area (Gradio's `InputHTMLAttributes`). */
export interface MultimodalHTMLAttributes {
  /** How the browser's keyboard capitalizes the text. */
  autocapitalize?: "off" | "none" | "on" | "sentences" | "words" | "characters" | null;
  /** Whether the browser corrects spelling as the user types. */
  autocorrect?: "on" | "off" | null;
  /** Whether the browser marks misspelt words. */
  spellcheck?: boolean | null;
  /** The browser's autofill hint (`"off"`, `"email"`, …). */
  autocomplete?: string | null;
  /** Position of the text area in the tab order. */
  tabindex?: number | null;
  /** The label of the Enter key on virtual keyboards. */
  enterkeyhint?: "enter" | "done" | "go" | "next" | "previous" | "search" | "send" | null;
  /** Language of the text (a BCP 47 tag). */
  lang?: string | null;
}

/** Props of a MultimodalTextbox. */
export interface MultimodalTextboxProps extends ComponentProps<MultimodalReturn> {
  /**
   * Where files come from: "upload" (a paperclip button, drops and pastes) and/or "microphone"
   * (records audio into a file attached to the message). Default ["upload"].
   */
  sources?: MultimodalSource | readonly MultimodalSource[] | null;
  /**
   * The files the user may attach: extensions (".png"), categories ("image", "audio", "video",
   * "text"; "file" allows any) or MIME types ("image/*"). Checked in the browser and on the server.
   * Default: any file.
   */
  file_types?: string[] | null;
  /** "single" (default): one file per message; "multiple": several; "directory": the files of a folder. */
  file_count?: FileCount;
  /** Rows of the text area (it grows from there). Default 1. */
  lines?: number;
  /** Most rows the text area grows to (at least `lines`). Default 20. */
  max_lines?: number;
  /** Hint shown when empty. */
  placeholder?: string | null;
  /** Whether the text area takes focus on load. */
  autofocus?: boolean;
  /** Whether the text area scrolls to its end when the value changes (unless the user scrolled up). Default true. */
  autoscroll?: boolean;
  /** Text alignment; null follows `rtl`. */
  text_align?: "left" | "right" | null;
  /** Right-to-left text. */
  rtl?: boolean;
  /** The submit button: true (default) for an arrow, a string for its text, false for none. It fires `submit`. */
  submit_btn?: boolean | string | null;
  /**
   * A stop button, shown in place of the submit button while an event that updates this box runs
   * (a chat box that clears itself on submit): true for a square, a string for its text. It fires
   * `stop`; bind it with `cancels`. Default false.
   */
  stop_btn?: boolean | string | null;
  /** Pasted text longer than this many characters is attached as a `pasted_text.txt` file instead. Default 1000. */
  max_plain_text_length?: number;
  /** HTML attributes of the text area (autocorrect, spellcheck, …). */
  html_attributes?: MultimodalHTMLAttributes | null;
}

const SOURCES: readonly MultimodalSource[] = ["upload", "microphone"];
const NAME = "MultimodalTextbox";

/** `sources` as a list, checked; null or undefined gives ["upload"]. */
export function multimodalSources(sources: MultimodalTextboxProps["sources"]): MultimodalSource[] {
  if (sources === null || sources === undefined) return ["upload"];
  const list = typeof sources === "string" ? [sources] : Array.isArray(sources) ? [...sources] : null;
  if (!list || !list.every((s) => SOURCES.includes(s as MultimodalSource)))
    throw new TypeError(`${NAME}: sources must be a list of "upload" and "microphone", got ${JSON.stringify(sources)}`);
  return list as MultimodalSource[];
}

function checkProps(props: MultimodalTextboxProps): void {
  checkFileProps(NAME, { file_count: props.file_count, file_types: props.file_types });
  multimodalSources(props.sources);
  for (const [name, v] of [["lines", props.lines], ["max_lines", props.max_lines], ["max_plain_text_length", props.max_plain_text_length]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) throw new TypeError(`${NAME}: ${name} must be a positive integer, got ${JSON.stringify(v)}`);
  }
  if (props.text_align != null && props.text_align !== "left" && props.text_align !== "right")
    throw new TypeError(`${NAME}: text_align must be "left", "right" or null, got ${JSON.stringify(props.text_align)}`);
}

/** Gradio's `MultimodalData` JSON schema: the text and a list of FileData. */
export const MULTIMODAL_DATA_SCHEMA = {
  properties: {
    text: { title: "Text", type: "string" },
    files: { items: FILE_DATA_SCHEMA, title: "Files", type: "array" },
  },
  required: ["text"],
  title: "MultimodalData",
  type: "object",
} as const;

/** An empty wire value. */
function empty(): MultimodalPayload {
  return { text: "", files: [] };
}

/** A plain `{ path, orig_name?, … }` object (a FileData without its marker), as Gradio accepts a dict. */
function isPathObject(v: unknown): v is { path: string; orig_name?: string | null; url?: string | null; mime_type?: string | null; size?: number | null } {
  return typeof v === "object" && v !== null && !(v instanceof Uint8Array) && typeof (v as { path?: unknown }).path === "string";
}

/** The text and files of a returned value, checked. */
function splitReturn(value: MultimodalReturn | undefined): { text: string; files: readonly unknown[] } {
  if (value === null || value === undefined) return { text: "", files: [] };
  if (typeof value === "string") return { text: value, files: [] };
  if (typeof value !== "object" || Array.isArray(value))
    throw new TypeError(`${NAME} expects a string or an object with optional "text" and "files", got ${Array.isArray(value) ? "an array" : typeof value}`);
  const text = value.text ?? "";
  if (typeof text !== "string") throw new TypeError(`${NAME}: "text" must be a string, got ${typeof text}`);
  const files = value.files ?? [];
  if (!Array.isArray(files)) throw new TypeError(`${NAME}: "files" must be a list of paths, URLs, bytes or FileData, got ${typeof files}`);
  return { text, files };
}

/** One returned file without the store (a FileData, a URL), else null. */
function storelessOne(file: unknown): FileData | null {
  if (isPathObject(file) && !isFileData(file)) {
    const { path, ...rest } = file;
    return /^https?:\/\//i.test(path) ? fileData(path, { url: path, ...rest }) : null;
  }
  const fd = storelessFile(file);
  if (fd && !fd.orig_name && typeof file === "string") return { ...fd, orig_name: basename(new URL(file).pathname) || null };
  return fd;
}

/** Whether a returned value has files that only the server's file store can turn into FileData (paths, bytes). */
function needsStore(value: unknown): boolean {
  if (value === null || value === undefined || typeof value !== "object") return false;
  const files = (value as { files?: unknown }).files;
  return Array.isArray(files) && files.some((f) => storelessOne(f) === null);
}

/**
 * A text box that also takes files, like Gradio's `gr.MultimodalTextbox`: the message box of a
 * multimodal chat. As an input the function receives `{ text, files }` with each file's local
 * path; as an output it returns a string or `{ text?, files? }` (paths, URLs, bytes or FileData).
 */
export class MultimodalTextboxComponent extends Component<MultimodalValue, MultimodalReturn, MultimodalPayload> {
  static override readonly events = multimodalTextboxEvents;
  readonly type = "multimodaltextbox";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: MultimodalTextboxProps;

  constructor(props: MultimodalTextboxProps = {}) {
    checkProps(props);
    super(props);
  }

  /** "single", "multiple" or "directory". */
  get fileCount(): FileCount {
    return this.props.file_count ?? "single";
  }

  /** Where files come from. */
  get sources(): MultimodalSource[] {
    return multimodalSources(this.props.sources);
  }

  /**
   * The text, and each file checked (a FileData the server issued or allows, of `file_types`, no
   * more than one for `file_count` "single") and resolved to its local path.
   */
  override async preprocess(payload: MultimodalPayload | null | undefined, ctx?: ProcessContext): Promise<MultimodalValue> {
    if (payload === null || payload === undefined) return { text: "", files: [] };
    if (typeof payload !== "object" || Array.isArray(payload))
      throw new TypeError(`${NAME} expects { text, files } (Gradio's MultimodalData), got ${Array.isArray(payload) ? "an array" : typeof payload}`);
    const text = payload.text ?? "";
    if (typeof text !== "string") throw new TypeError(`${NAME}: "text" must be a string, got ${typeof text}`);
    const files = payload.files ?? [];
    if (!Array.isArray(files)) throw new TypeError(`${NAME}: "files" must be a list of FileData, got ${typeof files}`);
    if (files.length === 0) return { text, files: [] };
    if (this.fileCount === "single" && files.length > 1) throw new VitrineError(`${NAME} takes one file, got ${files.length}`);
    const paths = (await preprocessFiles(files, ctx, {
      component: NAME,
      file_count: "multiple",
      file_types: this.props.file_types ?? null,
      type: "filepath",
    })) as string[];
    return { text, files: paths };
  }

  /** A string as the text; `{ text, files }` with each file taken into the cache as FileData; null as empty. */
  override async postprocess(value: MultimodalReturn, ctx?: ProcessContext): Promise<MultimodalPayload> {
    const { text, files } = splitReturn(value);
    const out = await Promise.all(
      files.map((file) => {
        const plain = storelessOne(file);
        if (plain) return plain;
        if (isPathObject(file)) return postprocessFile(file.path, ctx, NAME).then((fd) => (file.orig_name ? { ...fd, orig_name: file.orig_name } : fd));
        return postprocessFile(file as MultimodalFile, ctx, NAME);
      }),
    );
    return { text, files: out };
  }

  override emptyPayload(): MultimodalPayload {
    return empty();
  }

  /** The initial value without the file store: its text, and its files when they are FileData or URLs. */
  override initialPayload(): MultimodalPayload {
    return this.storelessPayload(this.valueProp) ?? { text: splitReturn(this.valueProp).text, files: [] };
  }

  /** Whether the initial value has files given as paths or bytes (copied into the cache when the server starts). */
  override initialValueNeedsFiles(): boolean {
    return needsStore(this.valueProp);
  }

  override processExample(example: unknown): unknown {
    return this.storelessPayload(example as MultimodalReturn) ?? example ?? null;
  }

  /** An example with files given as paths is copied into the cache when the server starts. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    return this.storelessPayload(example as MultimodalReturn) ?? (await this.postprocess(example as MultimodalReturn, context));
  }

  api(): ApiDescription {
    return { type: MULTIMODAL_DATA_SCHEMA, python_type: { type: "Dict(text: str, files: List[filepath])", description: "" } };
  }

  override exampleInput(): MultimodalPayload {
    return { text: "Describe this file", files: [fileData(EXAMPLE_FILE_PATH, { orig_name: "example.txt", mime_type: "text/plain" })] };
  }

  protected override ownProps(): Record<string, unknown> {
    const {
      file_types = null, lines = 1, max_lines = 20, placeholder = null, autofocus = false, autoscroll = true, text_align = null,
      rtl = false, submit_btn = true, stop_btn = false, max_plain_text_length = 1000, html_attributes = null,
    } = this.props;
    return {
      sources: this.sources, file_types, file_count: this.fileCount, lines, max_lines: Math.max(lines, max_lines), placeholder,
      autofocus, autoscroll, text_align, rtl, submit_btn, stop_btn, max_plain_text_length, html_attributes,
    };
  }

  /** A value as a wire value when it needs no file store (text, FileData, URLs); else null. */
  private storelessPayload(value: MultimodalReturn | undefined): MultimodalPayload | null {
    if (needsStore(value)) return null;
    const { text, files } = splitReturn(value);
    return { text, files: files.map((f) => storelessOne(f)!) };
  }
}
export interface MultimodalTextboxComponent extends Listeners<MultimodalTextboxEvent, MultimodalTextboxEventData> {}

/**
 * A text box that takes files too, like Gradio's `gr.MultimodalTextbox`. As an input the function
 * receives `{ text, files }` (files as local paths); as an output it returns a string or `{ text?, files? }`.
 * @example vt.MultimodalTextbox({ file_types: ["image"], placeholder: "Ask about an image" })
 * @example vt.MultimodalTextbox({ file_count: "multiple", sources: ["upload", "microphone"] })
 */
export function MultimodalTextbox(props: MultimodalTextboxProps = {}): MultimodalTextboxComponent {
  return new MultimodalTextboxComponent(props);
}
export type MultimodalTextbox = MultimodalTextboxComponent;
