import type { ExampleProps, FileData } from "@vitrine/core";

/** An ImageSlider's example in an Examples table: its two images side by side. */
export function ImageSliderExample({ value, fileUrl }: ExampleProps<[FileData | null, FileData | null] | null>) {
  if (!Array.isArray(value)) return null;
  const size = { height: 40, maxWidth: 64, objectFit: "cover" as const, borderRadius: "var(--radius-sm)" };
  return (
    <span className="vt-imageslider-example" style={{ display: "inline-flex", gap: "var(--spacing-xs)", alignItems: "center" }}>
      {value.map((file, i) => (file && typeof file === "object" ? <img key={i} src={fileUrl(file)} alt="" style={size} /> : null))}
    </span>
  );
}
