/**
 * The data events carry, as Gradio's EventData classes: a component declares which of its
 * events carry which (`Listeners<Events, { select: SelectData }>`), and `ctx.event` is typed
 * from it in the listener.
 */

/** `select`: the user selected an item (a choice, a tab, a row, a cell, text). */
export interface SelectData {
  [field: string]: unknown;
  /** Where: an index, or `[row, column]` in a table, or `[start, end]` of selected text. */
  index: number | readonly [number, number];
  /** What was selected (a choice, a tab's label, a cell's value, the selected text). */
  value: unknown;
  /** Whether it was selected (false: unselected, for toggles). */
  selected: boolean;
  /** In a table: the selected row's values. */
  row_value?: unknown[];
  /** In a table: the selected column's values. */
  col_value?: unknown[];
}

/** `key_up`: a key was released in a text field. */
export interface KeyUpData {
  [field: string]: unknown;
  /** The key (`KeyboardEvent.key`). */
  key: string;
  /** The field's value after the key. */
  input_value: string;
}

/** `like`: the user liked or disliked a message (Chatbot). */
export interface LikeData {
  [field: string]: unknown;
  /** Position of the message (or `[row, column]` of the item). */
  index: number | readonly [number, number];
  /** The message's content. */
  value: unknown;
  /** True for a like, false for a dislike, null when taken back. */
  liked: boolean | null;
}

/** `edit`: the user edited an item (a message, a cell). */
export interface EditData {
  [field: string]: unknown;
  /** Position of the item: an index, or `[row, column]` of a cell. */
  index: number | readonly [number, number];
  /** The value after the edit. */
  value: unknown;
  /** The value before the edit. */
  previous_value: unknown;
}

/** `retry` / `undo`: the message acted on (Chatbot). */
export interface RetryData {
  [field: string]: unknown;
  /** Position of the message. */
  index: number | readonly [number, number];
  /** The message's content. */
  value: unknown;
}

/** `copy`: what was copied. */
export interface CopyData {
  [field: string]: unknown;
  /** The copied content. */
  value: unknown;
}

/** `download`: the file downloaded. */
export interface DownloadData {
  [field: string]: unknown;
  /** The downloaded file (its FileData). */
  file: unknown;
}
