import { fileURLToPath } from "node:url";
import { Component, VitrineError, type ApiDescription, type ComponentProps, type FileData, type Listeners, type ProcessContext } from "@vitrine/core";
import { FILE_DATA_SCHEMA } from "@vitrine/core";
import { plainPayload, postprocessFile, preprocessFiles, type FileValue } from "@vitrine/file";
import { downloadButtonEvents, type DownloadButtonEvent } from "./events.js";

/** What a function may return for a DownloadButton: a path, bytes, an http(s) URL, a FileData, or null. */
export type DownloadButtonOutput = FileValue | null;

/** Props of a DownloadButton. */
export interface DownloadButtonProps extends ComponentProps<DownloadButtonOutput> {
  /** The button's text. Default "Download". */
  label?: string | null;
  /** `"primary"`, `"secondary"` (default) or `"stop"`. */
  variant?: "primary" | "secondary" | "stop";
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon?: string | null;
}

function isSafeIcon(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) || /^https?:\/\//i.test(url.trim());
}

/**
 * A button that downloads its value, a file. As an output the function returns a path, bytes or
 * a URL (like a File's); as an input the function receives the file's local path.
 */
export class DownloadButtonComponent extends Component<string, DownloadButtonOutput, FileData | null> {
  static override readonly events = downloadButtonEvents;
  readonly type = "downloadbutton";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: DownloadButtonProps;

  constructor(props: DownloadButtonProps = {}) {
    const { variant, size, icon } = props;
    if (variant !== undefined && !["primary", "secondary", "stop"].includes(variant))
      throw new TypeError(`DownloadButton: variant must be "primary", "secondary" or "stop", got ${JSON.stringify(variant)}`);
    if (size !== undefined && !["sm", "md", "lg"].includes(size))
      throw new TypeError(`DownloadButton: size must be "sm", "md" or "lg", got ${JSON.stringify(size)}`);
    if (typeof icon === "string" && !isSafeIcon(icon))
      throw new TypeError(`DownloadButton: icon must be an http(s) or relative URL, got ${JSON.stringify(icon)}`);
    super(props);
  }

  /** Download buttons are clickable unless made non-interactive, as in Gradio. */
  override get explicitInteractive(): boolean | null {
    return this.props.interactive ?? true;
  }

  /** The file's local path (null when there is none). */
  override async preprocess(payload: FileData | null | undefined, ctx?: ProcessContext): Promise<string> {
    return (await preprocessFiles(payload, ctx, { component: "DownloadButton", file_count: "single", type: "filepath" })) as string;
  }

  override async postprocess(value: DownloadButtonOutput | undefined, ctx?: ProcessContext): Promise<FileData | null> {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) throw new VitrineError("DownloadButton holds one file: return a path, bytes, a URL or a FileData, not a list");
    return postprocessFile(value, ctx, "DownloadButton");
  }

  override initialPayload(): unknown {
    const payload = plainPayload(this.props.value);
    return Array.isArray(payload) ? null : payload;
  }

  override processExample(example: unknown): unknown {
    const payload = plainPayload(example);
    return Array.isArray(payload) ? null : (payload ?? example ?? null);
  }

  /** An example given as a path (or bytes) is copied into the cache when the server starts, and shown from there. */
  override async processExampleWithFiles(example: unknown, context: ProcessContext): Promise<unknown> {
    if (example === null || example === undefined) return null;
    return plainPayload(example) ?? (await this.postprocess(example as DownloadButtonOutput, context));
  }

  api(): ApiDescription {
    return { type: FILE_DATA_SCHEMA, python_type: { type: "filepath", description: "" } };
  }

  override exampleInput(): null {
    return null;
  }

  protected override defaultProps(): Record<string, unknown> {
    return { show_label: false, container: false, min_width: 160 };
  }

  protected override ownProps(): Record<string, unknown> {
    const { label = "Download", variant = "secondary", size = "lg", icon = null } = this.props;
    return { label, variant, size, icon };
  }
}
export interface DownloadButtonComponent extends Listeners<DownloadButtonEvent> {}

/**
 * A button that downloads a file, like Gradio's `gr.DownloadButton`.
 * @example vt.DownloadButton("Get the report", { value: "report.pdf" })
 */
export function DownloadButton(label?: string, props?: Omit<DownloadButtonProps, "label">): DownloadButtonComponent;
export function DownloadButton(props?: DownloadButtonProps): DownloadButtonComponent;
export function DownloadButton(a?: string | DownloadButtonProps, b: Omit<DownloadButtonProps, "label"> = {}): DownloadButtonComponent {
  return new DownloadButtonComponent(typeof a === "string" ? { ...b, label: a } : (a ?? {}));
}
export type DownloadButton = DownloadButtonComponent;
