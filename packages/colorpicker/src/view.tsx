import { useId, useLayoutEffect, useState, type KeyboardEvent } from "react";
import type { ViewProps } from "@vitrine/core";
import { DEFAULT_COLOR, normalizeColor } from "./color.js";

/**
 * The ColorPicker view: a swatch that opens the browser's colour picker (a native
 * `<input type="color">`, named by the label) beside a hex text field (named "<label> hex").
 * Picking a colour fires `input`/`change`; typing a valid colour in the text field sets it,
 * and Enter there fires `submit`. Focus and blur of either control fire `focus` and `blur`.
 */
export function ColorPickerView({ value, props, interactive, onChange, dispatch }: ViewProps<string | null>) {
  const id = useId();
  const current = (typeof value === "string" && normalizeColor(value)) || DEFAULT_COLOR;
  const [draft, setDraft] = useState(current);
  useLayoutEffect(() => setDraft(current), [current]);
  const label = props.label ?? "Color";
  const showLabel = props.show_label !== false && Boolean(props.label);
  const invalid = normalizeColor(draft) === null;

  const set = (text: string) => {
    const color = normalizeColor(text);
    if (color !== null && color !== current) onChange(color, { userInput: true });
  };
  const common = { disabled: !interactive, onFocus: () => dispatch("focus"), onBlur: () => dispatch("blur") };
  return (
    <div className="vt-field vt-colorpicker">
      {showLabel ? (
        <label className="vt-label" htmlFor={`${id}-swatch`}>
          {props.label}
        </label>
      ) : null}
      {props.info ? (
        <span className="vt-info" id={`${id}-info`}>
          {props.info}
        </span>
      ) : null}
      <div style={{ display: "flex", alignItems: "center", gap: "var(--spacing-md)" }}>
        <input
          {...common}
          id={`${id}-swatch`}
          type="color"
          className="vt-colorpicker-swatch"
          aria-label={label}
          aria-describedby={props.info ? `${id}-info` : undefined}
          value={current}
          onChange={(e) => set(e.target.value)}
          style={{
            width: "2.5rem",
            height: "2.5rem",
            padding: 0,
            border: "1px solid var(--border-color-primary)",
            borderRadius: "var(--radius-md)",
            background: "var(--background-fill-primary)",
            cursor: interactive ? "pointer" : "default",
          }}
        />
        <input
          {...common}
          type="text"
          className="vt-input vt-colorpicker-hex"
          aria-label={`${label} hex`}
          aria-invalid={invalid || undefined}
          spellCheck={false}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            set(e.target.value);
          }}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) dispatch("submit");
          }}
          style={{ fontFamily: "var(--font-mono)", color: invalid ? "var(--error-text-color)" : undefined }}
        />
      </div>
    </div>
  );
}
