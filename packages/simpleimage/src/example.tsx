import type { ExampleProps, FileData } from "@vitrine/core";

/** A SimpleImage's example in an Examples table: a small thumbnail of the file (a path the browser cannot load shows its name). */
export function SimpleImageExample({ value, fileUrl }: ExampleProps<FileData | string | null>) {
  if (!value) return null;
  if (typeof value === "string" && !/^(https?:|data:)/i.test(value)) return <span>{value.split(/[\\/]/).pop()}</span>;
  const src = typeof value === "string" ? value : fileUrl(value);
  return <img className="vt-simpleimage-example" src={src} alt="" style={{ height: 48, maxWidth: 96, objectFit: "contain", borderRadius: "var(--radius-sm)" }} />;
}
