import { useId } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the __CLASS__ view reads besides the common ones (label, info, …). */
export interface __CLASS__ViewProps {
  placeholder?: string | null;
}

/**
 * The __CLASS__ view: a text field with a character count. Typing fires `input` and `change`;
 * Enter fires `submit`. Colours and spacing come from the theme's CSS variables.
 */
export function __CLASS__View({ value, props, interactive, onChange, dispatch }: ViewProps<string | null, __CLASS__ViewProps>) {
  const id = useId();
  const text = value ?? "";
  const showLabel = props.show_label !== false && !!props.label;
  return (
    <div className="vt-field __TYPE__">
      {showLabel ? (
        <label className="vt-label" htmlFor={id}>
          {props.label}
        </label>
      ) : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <input
        id={id}
        className="vt-input"
        value={text}
        placeholder={props.placeholder ?? undefined}
        disabled={!interactive}
        aria-label={showLabel ? undefined : (props.label ?? "__CLASS__")}
        onChange={(e) => onChange(e.target.value, { userInput: true })}
        onKeyDown={(e) => {
          if (e.key === "Enter") dispatch("submit");
        }}
      />
      <span className="__TYPE__-count" aria-live="polite" style={{ color: "var(--body-text-color-subdued)", fontSize: "var(--text-sm)" }}>
        {text.length} characters
      </span>
    </div>
  );
}
