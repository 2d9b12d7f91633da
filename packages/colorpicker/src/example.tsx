import type { ExampleProps } from "@vitrine/core";
import { normalizeColor } from "./color.js";

/** The ColorPicker's example view: a small swatch of the colour, with its hex code. */
export function ColorPickerExample({ value }: ExampleProps<string | null>) {
  const color = typeof value === "string" ? normalizeColor(value) : null;
  if (!color) return <span className="vt-example-text" />;
  return (
    <span className="vt-example-text" style={{ display: "inline-flex", alignItems: "center", gap: "var(--spacing-sm)" }}>
      <span
        className="vt-colorpicker-swatch"
        aria-hidden="true"
        style={{ display: "inline-block", width: "1em", height: "1em", background: color, borderRadius: "var(--radius-sm)", border: "1px solid var(--border-color-primary)" }}
      />
      {color}
    </span>
  );
}
