import type { ClipboardEvent } from "react";

/**
 * The files of a paste event (a screenshot, files copied in a file manager). When there are any,
 * the paste is handled: the browser does not also paste them as text.
 */
export function pastedFiles(e: ClipboardEvent): File[] {
  const files = [...(e.clipboardData?.files ?? [])];
  if (files.length > 0) e.preventDefault();
  return files;
}

/**
 * Reads the system clipboard (the browser asks the user first) for its first item of a wanted
 * type, e.g. `(type) => type.startsWith("image/")`: the blob, or null when the clipboard holds
 * none. Rejects when the browser refuses access.
 */
export async function readClipboard(wanted: (type: string) => boolean): Promise<Blob | null> {
  for (const item of await navigator.clipboard.read()) {
    const type = item.types.find(wanted);
    if (type) return item.getType(type);
  }
  return null;
}
