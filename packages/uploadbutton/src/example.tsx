import type { ExampleProps, FileData } from "@vitrine/core";

/** The UploadButton's example view: the file's name, or the names of several, comma-separated. */
export function UploadButtonExample({ value }: ExampleProps<FileData | FileData[] | null>) {
  const files = value == null ? [] : Array.isArray(value) ? value : [value];
  const name = (f: FileData) => f.orig_name || f.path.split(/[\\/]/).pop()?.split("?")[0] || "file";
  return <span className="vt-example-text">{files.map(name).join(", ")}</span>;
}
