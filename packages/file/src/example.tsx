import type { ExampleProps, FileData } from "@vitrine/core";
import { displayName } from "./view.js";

/** The File's example view: the file's name, or the names of several, comma-separated. */
export function FileExample({ value }: ExampleProps<FileData | FileData[] | null>) {
  const files = value == null ? [] : Array.isArray(value) ? value : [value];
  return <span className="vt-example-text">{files.map((f) => displayName(f)).join(", ")}</span>;
}
