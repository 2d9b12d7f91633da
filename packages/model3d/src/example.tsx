import type { ExampleProps, FileData } from "@vitrine/core";

/** The Model3D's example view: the model file's name. */
export function Model3DExample({ value }: ExampleProps<FileData | string | null>) {
  if (value === null || value === undefined) return null;
  const path = typeof value === "string" ? value : value.orig_name ?? value.path;
  return <span className="vt-example-text">{path.split(/[\\/]/).pop()}</span>;
}
