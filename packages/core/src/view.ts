/**
 * The contract between the page and a component's browser view. Types only: core stays
 * free of React, and views import these types from here.
 */
import type { FileData } from "./files.js";

/** Where an event stands, as a view shows it over its component. */
export interface ViewStatus {
  /** `pending` while queued or running, `generating` while streaming, then `complete` or `error`. */
  stage: "idle" | "pending" | "generating" | "complete" | "error";
  /** Seconds since the event started (pending and generating). */
  elapsed?: number;
  /** Queue position, when known (0 = running). */
  position?: number | null;
  /** Error message, for `error`. */
  message?: string | null;
}

/**
 * Props every component view receives. `TValue` is the wire value (what the server's
 * `postprocess` returns), `TProps` the component's config props.
 */
export interface ViewProps<TValue = unknown, TProps = Record<string, unknown>> {
  /** The block's id in the config. */
  id: number;
  /** Current value (wire form). */
  value: TValue;
  /** The component's config props (label, choices, …). */
  props: TProps & CommonViewProps;
  /** Whether the user may edit the value. */
  interactive: boolean;
  /** Status of the event that is updating this component, if any. */
  status: ViewStatus;
  /** Sets a new value; fires `change` (and `input`, when the user made the change). */
  onChange(value: TValue, options?: { userInput?: boolean }): void;
  /** Fires one of the component's events (`click`, `submit`, `select`, …) with optional data. */
  dispatch(event: string, data?: unknown): void;
  /**
   * Uploads files to the app's server (`POST /gradio_api/upload`, with progress) and resolves
   * with their FileData, in order: what a file component's value holds. Rejects with the
   * server's message (a file over `max_file_size`, …).
   */
  upload(files: readonly Blob[], options?: { onProgress?: (fraction: number) => void }): Promise<FileData[]>;
  /** The URL a browser loads a FileData from (its `url`, else `<root>/gradio_api/file=<path>`). */
  fileUrl(file: FileData): string;
  /**
   * Calls one of this component's server functions (its `serverFunctions()`, listed in
   * `props.server_fns`) through `POST <root>/gradio_api/component_server/` and resolves with its
   * answer; rejects with the server's message. FileExplorer lists folders with `callServer("ls", [...])`.
   */
  callServer?(fn: string, data?: unknown): Promise<unknown>;
  /**
   * Renders one value with the example view of a component type (what its browser entry exports
   * as `Example`): a React element, or null when that type has none or it is not loaded yet. How
   * an Examples table shows other components' values.
   */
  renderExample?(type: string, example: Omit<ExampleProps, "fileUrl">): unknown;
}

/** Config props common to every component. */
export interface CommonViewProps {
  /** Text shown above the component. */
  label?: string | null;
  /** Help text shown under the label. */
  info?: string | null;
  /** Whether the label is shown. */
  show_label?: boolean;
  /** Whether the component sits in a padded box. */
  container?: boolean;
  /** Width relative to its siblings in a Row. */
  scale?: number | null;
  /** Narrowest width in pixels. */
  min_width?: number;
  /** Whether the component is shown. */
  visible?: boolean;
  /** HTML id of the component's element. */
  elem_id?: string | null;
  /** CSS classes added to the component's element. */
  elem_classes?: string | string[] | null;
}

/**
 * Props of a component's example view: the compact preview of one value that an Examples table
 * (a Dataset) shows in its cell. A component's browser entry exports it as `Example`, beside its
 * default export (the view).
 */
export interface ExampleProps<TValue = unknown, TProps = Record<string, unknown>> {
  /** The sample's value, in the component's wire form (what `processExample` returned). */
  value: TValue;
  /** The component's config props (as its view gets them). */
  props: TProps & CommonViewProps;
  /** The URL a browser loads a FileData from. */
  fileUrl(file: FileData): string;
}
