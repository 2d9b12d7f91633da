import type { DownloadData, FileData, SelectData } from "@vitrine/core";

/** The events a File fires. */
export const fileEvents = ["change", "select", "clear", "upload", "delete", "download"] as const;
/** One of the names in `fileEvents`, for typing listeners and event data. */
export type FileEvent = (typeof fileEvents)[number];

/** `delete`: the file the user removed from the list (Gradio's DeletedFileData). */
export interface DeletedFileData {
  [field: string]: unknown;
  /** The file removed. */
  file: FileData;
}

/**
 * The data its events carry: `select` gives the clicked file's index in the list and its
 * FileData as `value`; `delete` and `download` give the file.
 */
export interface FileEventData {
  /** A file of the list was clicked. */
  select: SelectData;
  /** A file was removed from the list. */
  delete: DeletedFileData;
  /** A file was downloaded. */
  download: DownloadData;
}
