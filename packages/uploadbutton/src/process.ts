import { fileURLToPath } from "node:url";
import type { ComponentProps, FileData, Listeners } from "@vitrine/core";
import { FilesComponent, checkFileProps, type FileCount, type FileOutput, type FileType } from "@vitrine/file";
import { uploadButtonEvents, type UploadButtonEvent } from "./events.js";

/** Props of an UploadButton. */
export interface UploadButtonProps<T extends FileType = "filepath", C extends FileCount = "single"> extends ComponentProps<FileOutput> {
  /** The button's text. Default "Upload a File". */
  label?: string | null;
  /** "single" (default): one file; "multiple": several; "directory": every file of a chosen folder. */
  file_count?: C;
  /** The files the user may choose: extensions (".png"), categories ("image", …; "file": any) or MIME types. Checked on the server too. */
  file_types?: string[] | null;
  /** What the function receives for each file: "filepath" (default) or "binary" (its bytes). */
  type?: T;
  /** `"primary"`, `"secondary"` (default) or `"stop"`. */
  variant?: "primary" | "secondary" | "stop";
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon?: string | null;
}

/** Whether a URL is http(s) or relative (no `javascript:` and friends). */
function isSafeIcon(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url.trim()) || /^https?:\/\//i.test(url.trim());
}

/**
 * A button that opens the file chooser and uploads what the user picks. Its value is the
 * uploaded file (or files), which the function receives as a path or bytes, like a File's.
 */
export class UploadButtonComponent<T extends FileType = "filepath", C extends FileCount = "single"> extends FilesComponent<T, C> {
  static override readonly events = uploadButtonEvents;
  readonly type = "uploadbutton";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: UploadButtonProps<T, C>;
  protected readonly displayName = "UploadButton";

  constructor(props: UploadButtonProps<T, C> = {}) {
    checkFileProps("UploadButton", props);
    const { variant, size, icon } = props;
    if (variant !== undefined && !["primary", "secondary", "stop"].includes(variant))
      throw new TypeError(`UploadButton: variant must be "primary", "secondary" or "stop", got ${JSON.stringify(variant)}`);
    if (size !== undefined && !["sm", "md", "lg"].includes(size))
      throw new TypeError(`UploadButton: size must be "sm", "md" or "lg", got ${JSON.stringify(size)}`);
    if (typeof icon === "string" && !isSafeIcon(icon))
      throw new TypeError(`UploadButton: icon must be an http(s) or relative URL, got ${JSON.stringify(icon)}`);
    super(props);
  }

  /** Upload buttons are clickable unless made non-interactive, as in Gradio. */
  override get explicitInteractive(): boolean | null {
    return this.props.interactive ?? true;
  }

  override exampleInput(): FileData | FileData[] | null {
    return null;
  }

  protected override defaultProps(): Record<string, unknown> {
    return { show_label: false, container: false, min_width: 160 };
  }

  protected override ownProps(): Record<string, unknown> {
    const { label = "Upload a File", file_types = null, variant = "secondary", size = "lg", icon = null } = this.props;
    return { label, file_count: this.fileCount, file_types, type: this.props.type ?? "filepath", variant, size, icon };
  }
}
export interface UploadButtonComponent<T extends FileType = "filepath", C extends FileCount = "single"> extends Listeners<UploadButtonEvent> {}

/**
 * A button that uploads files, like Gradio's `gr.UploadButton`; wire its `upload` event.
 * @example vt.UploadButton("Upload a CSV", { file_types: [".csv"] }).upload({ fn: summarize, inputs: [btn], outputs: [out] })
 */
export function UploadButton<T extends FileType = "filepath", C extends FileCount = "single">(label?: string, props?: Omit<UploadButtonProps<T, C>, "label">): UploadButtonComponent<T, C>;
export function UploadButton<T extends FileType = "filepath", C extends FileCount = "single">(props?: UploadButtonProps<T, C>): UploadButtonComponent<T, C>;
export function UploadButton<T extends FileType = "filepath", C extends FileCount = "single">(
  a?: string | UploadButtonProps<T, C>,
  b: Omit<UploadButtonProps<T, C>, "label"> = {},
): UploadButtonComponent<T, C> {
  return new UploadButtonComponent<T, C>(typeof a === "string" ? { ...b, label: a } : (a ?? {}));
}
export type UploadButton<T extends FileType = "filepath", C extends FileCount = "single"> = UploadButtonComponent<T, C>;
