import { useId, useLayoutEffect, useState, type KeyboardEvent } from "react";
import type { ViewProps } from "@vitrine/core";
import { expectedForm, isRelative } from "./parse.js";

/** Config props the DateTime view reads. */
export interface DateTimeViewProps {
  /** Whether the value has a time (`YYYY-MM-DD HH:MM:SS`) or only a date (`YYYY-MM-DD`). */
  include_time: boolean;
  /** What the function receives: `"timestamp"` (seconds, default), `"datetime"` (a `Date`) or `"string"`. */
  type: "timestamp" | "datetime" | "string";
  /** IANA time zone (`"Europe/Paris"`) the text is read and written in; the server's local zone by default. */
  timezone: string | null;
}

const dateText = /^\d{4}-\d{2}-\d{2}$/;
const dateTimeText = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$/;

/** Whether the field's text is worth sending: empty, a relative value, or a date (and time) in the expected form. */
function acceptable(text: string, includeTime: boolean): boolean {
  const t = text.trim();
  return t === "" || isRelative(t) || dateText.test(t) || (includeTime && dateTimeText.test(t));
}

/**
 * The DateTime view: a text field (named by the label) that takes `YYYY-MM-DD HH:MM:SS` or a
 * relative value such as `now - 1d`, and a calendar picker beside it (a native
 * `datetime-local`, or `date` without `include_time`, named "<label> picker"). The text is
 * set on Enter (which also fires `submit`) or on leaving the field; text in no known form is
 * marked invalid with a message, and not sent. Picking a date sets it at once.
 */
export function DateTimeView({ value, props, interactive, onChange, dispatch }: ViewProps<string | null, DateTimeViewProps>) {
  const id = useId();
  const includeTime = props.include_time !== false;
  const current = value ?? "";
  const [draft, setDraft] = useState(current);
  useLayoutEffect(() => setDraft(current), [current]);
  const label = props.label ?? "DateTime";
  const showLabel = props.show_label !== false && Boolean(props.label);
  const invalid = !acceptable(draft, includeTime);

  const commit = () => {
    const text = draft.trim();
    if (!acceptable(text, includeTime) || text === current) return;
    onChange(text === "" ? null : text, { userInput: true });
  };
  // The picker shows the field's date when it has one (a relative value leaves it empty).
  const pickerValue = dateTimeText.test(current) || dateText.test(current)
    ? includeTime
      ? (current.length === 10 ? `${current}T00:00:00` : current.replace(" ", "T"))
      : current.slice(0, 10)
    : "";
  return (
    <div className="vt-field vt-datetime">
      {showLabel ? (
        <label className="vt-label" htmlFor={`${id}-text`}>
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
          id={`${id}-text`}
          type="text"
          className="vt-input vt-datetime-text"
          aria-label={label}
          aria-invalid={invalid || undefined}
          aria-describedby={[props.info ? `${id}-info` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined}
          placeholder={includeTime ? "YYYY-MM-DD HH:MM:SS" : "YYYY-MM-DD"}
          disabled={!interactive}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e: KeyboardEvent) => {
            if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
            commit();
            if (acceptable(draft, includeTime)) dispatch("submit");
          }}
          style={{ flex: 1, fontFamily: "var(--font)" }}
        />
        <input
          type={includeTime ? "datetime-local" : "date"}
          className="vt-datetime-picker"
          aria-label={`${label} picker`}
          disabled={!interactive}
          step={includeTime ? 1 : undefined}
          value={pickerValue}
          onChange={(e) => {
            const picked = e.target.value;
            if (!picked) return;
            const text = includeTime
              ? (picked.length === 16 ? `${picked}:00` : picked).replace("T", " ")
              : picked;
            setDraft(text);
            if (text !== current) onChange(text, { userInput: true });
          }}
          style={{
            border: "1px solid var(--border-color-primary)",
            borderRadius: "var(--radius-md)",
            padding: "var(--spacing-sm)",
            background: "var(--background-fill-primary)",
            color: "var(--body-text-color)",
            fontFamily: "var(--font)",
          }}
        />
      </div>
      {invalid ? (
        <span className="vt-info vt-datetime-error" id={`${id}-error`} role="alert" style={{ color: "var(--error-text-color)" }}>
          Expected {expectedForm(includeTime)}
        </span>
      ) : null}
    </div>
  );
}
