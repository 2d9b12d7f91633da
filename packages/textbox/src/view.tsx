import { useLayoutEffect, useRef, useState, type KeyboardEvent } from "react";
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

/** How many of the user's latest edits are remembered, to recognise late replies to them. */
const EDITS_KEPT = 100;

/**
 * The Textbox view: an `<input>`, or a `<textarea>` when `lines > 1`. Enter submits a one-liner.
 *
 * The box shows its own `draft`, which follows every keystroke at once. A value that reaches
 * the store from elsewhere (an event's output, an example, Clear) replaces the draft, even
 * while the box has focus: a chat box that clears itself after Enter shows empty. What is not
 * from elsewhere is left alone, so typing never jumps or drops a keystroke: the store echoing
 * the latest keystroke, and a late reply that sets the box to text the user typed before their
 * latest keystrokes (a `change` listener that returns its input, answering an earlier
 * keystroke). Such a stale reply is undone — the store gets the draft back — so the next event
 * sends what the box shows. Pressing Enter or leaving the box ends a run of edits: a value that
 * comes after that always shows, whatever it is.
 */
export function TextboxView({ value, props, interactive, onChange, dispatch }: ViewProps<string, TextboxViewProps>) {
  const current = value ?? "";
  const [draft, setDraft] = useState(current);
  // The value the box last took from elsewhere, and the user's edits since (oldest first,
  // the last one being what the box shows); both reset when the user submits or leaves.
  const base = useRef(current);
  const edits = useRef<string[]>([]);

  useLayoutEffect(() => {
    const latest = edits.current.at(-1) ?? base.current;
    if (current === latest) return; // the store echoing the user's own typing
    const stale = edits.current.lastIndexOf(current);
    if (stale >= 0) {
      // A reply to an earlier keystroke: keep the draft, and put it back in the store. Edits up
      // to that one are forgotten, so a listener that keeps turning the text into it wins.
      edits.current = edits.current.slice(stale + 1);
      onChange(latest);
      return;
    }
    base.current = current;
    edits.current = [];
    setDraft(current);
  }, [current, onChange]);

  /** Forgets the edits so far: what comes next is no reply to them (after Enter, on leaving). */
  const settle = () => {
    base.current = edits.current.at(-1) ?? base.current;
    edits.current = [];
  };

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
    onFocus: () => dispatch("focus"),
    onBlur: () => {
      settle();
      dispatch("blur");
    },
    onChange: (e: { target: { value: string } }) => {
      const text = e.target.value;
      edits.current.push(text);
      if (edits.current.length > EDITS_KEPT) edits.current.shift();
      setDraft(text);
      onChange(text, { userInput: true });
    },
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter" && (!multiline || !e.shiftKey) && !e.nativeEvent.isComposing) {
        if (multiline) e.preventDefault();
        settle();
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
