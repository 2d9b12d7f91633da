import type { ExampleProps } from "@vitrine/core";
import { isGalleryVideo, galleryItemFile, type GalleryItem } from "./items.js";

/** How many thumbnails an example cell shows before "+N". */
const SHOWN = 3;

/** A gallery's example in an Examples table: its first thumbnails in a row, and how many more there are. */
export function GalleryExample({ value, fileUrl }: ExampleProps<GalleryItem[] | null>) {
  const items = value ?? [];
  if (items.length === 0) return <span className="vt-gallery-example-empty">(empty)</span>;
  const size = { width: 40, height: 40, objectFit: "cover" as const, borderRadius: "var(--radius-sm)" };
  return (
    <span className="vt-gallery-example" style={{ display: "inline-flex", gap: "var(--spacing-xs)", alignItems: "center" }}>
      {items.slice(0, SHOWN).map((item, i) =>
        isGalleryVideo(item) ? (
          <video key={i} src={fileUrl(galleryItemFile(item))} muted preload="metadata" style={size} />
        ) : (
          <img key={i} src={fileUrl(galleryItemFile(item))} alt={item.caption ?? ""} style={size} />
        ),
      )}
      {items.length > SHOWN ? <span style={{ color: "var(--body-text-color-subdued)" }}>+{items.length - SHOWN}</span> : null}
    </span>
  );
}
