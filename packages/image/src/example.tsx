import type { ExampleProps, FileData } from "@vitrine/core";

/** The Image's example view: a thumbnail of the image. */
export function ImageExample({ value, fileUrl }: ExampleProps<FileData | string | null>) {
  if (typeof value === "string") return <span className="vt-example-text">{value.split(/[\\/]/).pop()}</span>;
  if (!value || typeof value !== "object" || typeof value.path !== "string") return null;
  const name = value.orig_name ?? value.path.split("/").pop() ?? "image";
  return <img className="vt-example-thumb" src={fileUrl(value)} alt={name} loading="lazy" />;
}
