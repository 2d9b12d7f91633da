/**
 * What flagging needs of a component: its label (the CSV column's name and the folder its
 * files are copied to) and, optionally, its own way of writing a value to a cell.
 */
export interface FlaggedComponent {
  /** The component's props; its label names the CSV column. */
  readonly props: { readonly label?: string | null };
  /**
   * Optional hook for a component whose value needs its own cell format (a custom component):
   * writes `value` (its wire value) to a cell, copying any files into `dir` (an absolute
   * folder, created on demand). A string is written as it is; anything else as JSON. Without
   * it, {@link flagCell} does the work: files copied, structured values as JSON.
   */
  flag?(value: unknown, dir: string): unknown;
}

/** A component's column header: its label, else `component <index>` (as Gradio). */
export function columnName(component: FlaggedComponent, index: number): string {
  const label = component.props.label;
  return typeof label === "string" && label.trim() !== "" ? label : `component ${index}`;
}

/**
 * The folder beside the CSV where a component's files are copied: its column name without the
 * characters a file name cannot hold (Gradio's `strip_invalid_filename_characters`).
 */
export function folderName(component: FlaggedComponent, index: number): string {
  const cleaned = safeFileName(columnName(component, index));
  return cleaned === "" ? `component ${index}` : cleaned;
}

/** A name kept to letters, digits, spaces, `.`, `_` and `-`, at most 100 characters, never only dots. */
export function safeFileName(name: string): string {
  const kept = name.replace(/[^\p{L}\p{N} ._-]/gu, "").trim().slice(0, 100);
  return /^\.*$/.test(kept) ? "" : kept;
}
