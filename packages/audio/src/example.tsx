import type { ExampleProps, FileData } from "@vitrine/core";

/** The Audio's example view: the audio file's name. */
export function AudioExample({ value }: ExampleProps<FileData | string | null>) {
  if (typeof value === "string") return <span className="vt-example-text">{value.split(/[\\/]/).pop()}</span>;
  if (!value || typeof value !== "object" || typeof value.path !== "string") return null;
  return <span className="vt-example-text">{value.orig_name ?? value.path.split("/").pop()}</span>;
}
