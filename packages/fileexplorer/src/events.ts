import type { SelectData } from "@vitrine/core";

/** The events a FileExplorer fires, as Gradio's: `change`, `input` (the user ticked or unticked a file) and `select`. */
export const fileExplorerEvents = ["change", "input", "select"] as const;
/** One of the names in `fileExplorerEvents`, for typing listeners and event data. */
export type FileExplorerEvent = (typeof fileExplorerEvents)[number];

/**
 * The data its events carry: `select` (a click on a file or folder's name) gives the item's
 * path from the root joined with "/" as `value`, and its position in the tree as `index` (the
 * index in each folder's listing, from the root down).
 */
export interface FileExplorerEventData {
  /** A file or folder's name was clicked. */
  select: SelectData;
}
