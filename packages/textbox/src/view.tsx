import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Textbox view reads. */
export interface TextboxViewProps {
  /** Lines shown; more than 1 makes a text area. */
  lines: number;
  /** Most lines the text area grows to. */
  max_lines: number;
  /** Hint shown when empty. */
  placeholder: string | null;
  /** Input type. */
  type: "text" | "password" | "email";
  /** Whether the field takes focus on load. */
  autofocus: boolean;
  /** Text alignment. */
  text_align: "left" | "right" | null;
  /** Right-to-left text. */
  rtl: boolean;
  /** Most characters allowed. */
  max_length: number | null;
  /** Whether a copy button is shown. */
  show_copy_button: boolean;
  /** A submit button beside the field: true for an arrow, a string for its text. */
  submit_btn: boolean | string;
  /** A stop button shown in place of the submit button while an event updating this field runs: true for a square, a string for its text. */
  stop_btn: boolean | string;
}

/**
 * The Textbox view: an `<input>`, or a `<textarea>` when `lines > 1`. Enter submits a one-liner.
 *
 * The box shows its own `draft`, which follows every keystroke at once. When the store's value
 * becomes anything but the text the box last put there — an event's output, an example, Clear —
 * the box shows it, even while it has focus (a chat box that clears itself after Enter shows
 * empty, and the next Enter sends what the user typed next). The store echoing the box's own
 * text changes nothing, so typing never jumps or drops a keystroke, whatever listeners run.
 * As in Gradio, the server's value wins: a listener that writes the very box the user is
 * typing in, replying to an earlier keystroke, replaces the newer text.
 */
export function TextboxView({ value, props, interactive, status, onChange, dispatch }: ViewProps<string, TextboxViewProps>) {
  const current = value ?? "";
  const [draft, setDraft] = useState(current);
  /** The text the box last put in the store (or took from it). */
  const mine = useRef(current);
  useLayoutEffect(() => {
    if (current === mine.current) return; // the store echoing the user's own typing
    mine.current = current;
    setDraft(current);
  }, [current]);

  const multiline = props.lines > 1;
  // The stop button shows while an event that updates this field runs.
  const running = status.stage === "pending" || status.stage === "generating";
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
    onFocus: () => dispatch("focus"),
    onBlur: () => dispatch("blur"),
    // Selecting text fires `select` with the text and its [start, end] (Gradio's SelectData).
    onSelect: (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
      const { selectionStart: start, selectionEnd: end, value: text } = e.currentTarget;
      if (start === null || end === null || start === end) return;
      dispatch("select", { index: [start, end], value: text.slice(start, end), selected: true });
    },
    onChange: (e: { target: { value: string } }) => {
      const text = e.target.value;
      mine.current = text;
      setDraft(text);
      onChange(text, { userInput: true });
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
        <button
          type="button"
          className="vt-copy"
          onClick={() => {
            void navigator.clipboard?.writeText(draft);
            dispatch("copy", { value: draft });
          }}
        >
          Copy
        </button>
      ) : null}
      {props.stop_btn && running ? (
        <button type="button" className="vt-button vt-button-stop vt-button-sm" aria-label="Stop" onClick={() => dispatch("stop")}>
          {typeof props.stop_btn === "string" ? props.stop_btn : "■"}
        </button>
      ) : props.submit_btn ? (
        <button type="button" className="vt-button vt-button-primary vt-button-sm" aria-label="Submit" disabled={!interactive} onClick={() => dispatch("submit")}>
          {typeof props.submit_btn === "string" ? props.submit_btn : "↑"}
        </button>
      ) : null}
    </label>
  );
}
