import type { ExampleProps } from "@vitrine/core";
import type { EditorWireValue } from "./view.js";

/** The ImageEditor's example view: a thumbnail of the composite (or, without one, the background). */
export function ImageEditorExample({ value, fileUrl }: ExampleProps<EditorWireValue | null>) {
  const shown = value && typeof value === "object" ? (value.composite ?? value.background ?? null) : null;
  if (!shown || typeof shown.path !== "string") return null;
  const name = shown.orig_name ?? shown.path.split("/").pop() ?? "image";
  return <img className="vt-example-thumb" src={fileUrl(shown)} alt={name} loading="lazy" />;
}
