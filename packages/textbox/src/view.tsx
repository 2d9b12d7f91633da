import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Textbox view reads. */
export interface TextboxViewProps {
  lines: number;
  max_lines: number;
  placeholder: string | null;
  type: "text" | "password" | "email";
  autofocus: boolean;
  text_align: "left" | "right" | null;
  rtl: boolean;
  max_length: number | null;
  show_copy_button: boolean;
}

/** The Textbox view: an `<input>`, or a `<textarea>` when `lines > 1`. Enter submits a one-liner. */
export function TextboxView({ value, props, interactive, onChange, dispatch }: ViewProps<string, TextboxViewProps>) {
  const [draft, setDraft] = useState(value ?? "");
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current || !interactive) setDraft(value ?? "");
  }, [value, interactive]);

  const multiline = props.lines > 1;
  const common = {
    className: "vt-input",
    value: draft,
    placeholder: props.placeholder ?? undefined,
    readOnly: !interactive,
    disabled: !interactive,
    autoFocus: props.autofocus,
    maxLength: props.max_length ?? undefined,
    dir: props.rtl ? "rtl" : undefined,
    style: props.text_align ? { textAlign: props.text_align } : undefined,
    "aria-label": props.label ?? "Textbox",
    onFocus: () => {
      focused.current = true;
      dispatch("focus");
    },
    onBlur: () => {
      focused.current = false;
      dispatch("blur");
    },
    onChange: (e: { target: { value: string } }) => {
      setDraft(e.target.value);
      onChange(e.target.value, { userInput: true });
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter" && (!multiline || !e.shiftKey) && !e.nativeEvent.isComposing) {
        if (multiline) e.preventDefault();
        dispatch("submit");
      }
    },
  };
  return (
    <label className="vt-field">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {multiline ? (
        <textarea {...common} rows={props.lines} />
      ) : (
        <input {...common} type={props.type ?? "text"} />
      )}
      {props.show_copy_button ? (
        <button type="button" className="vt-copy" onClick={() => void navigator.clipboard?.writeText(draft)}>
          Copy
        </button>
      ) : null}
    </label>
  );
}
