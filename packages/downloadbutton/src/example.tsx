import type { ExampleProps, FileData } from "@vitrine/core";

/** The DownloadButton's example view: the name of its file. */
export function DownloadButtonExample({ value }: ExampleProps<FileData | null>) {
  const name = value ? value.orig_name || value.path.split(/[\\/]/).pop()?.split("?")[0] || "file" : "";
  return <span className="vt-example-text">{name}</span>;
}
