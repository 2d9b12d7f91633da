import type { ExampleProps } from "@vitrine/core";
import type { AnnotatedImageValue } from "./view.js";

/** The AnnotatedImage's example view: a thumbnail of the base image with its overlays. */
export function AnnotatedImageExample({ value, fileUrl }: ExampleProps<AnnotatedImageValue | null>) {
  if (!value || typeof value !== "object" || !value.image) return null;
  return (
    <span className="vt-example-thumb" style={{ position: "relative", display: "inline-block", lineHeight: 0 }}>
      <img src={fileUrl(value.image)} alt={value.annotations.map((a) => a.label).join(", ") || "image"} loading="lazy" style={{ maxWidth: "100%", maxHeight: "100%" }} />
      {value.annotations.map((a, i) => (
        <img key={i} src={fileUrl(a.image)} alt="" aria-hidden="true" loading="lazy"
          style={{ position: "absolute", inset: 0, width: "100%", height: "100%", opacity: 0.85 }} />
      ))}
    </span>
  );
}
