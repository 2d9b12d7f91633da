import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Number view reads. */
export interface NumberViewProps {
  /** Smallest value accepted as input; smaller values are rejected with an error. */
  minimum: number | null;
  /** Largest value accepted as input; larger values are rejected with an error. */
  maximum: number | null;
  /** Increment of the field's arrows and arrow keys. */
  step: number;
  /** Decimal places values are rounded to, in and out (half away from zero); 0 makes integers. */
  precision: number | null;
  /** Hint shown when the field is empty. */
  placeholder: string | null;
}

function show(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/**
 * The Number view: an `<input type="number">`. While the user types, the text is kept as
 * typed ("-", "1.") and the value is sent once it parses; Enter fires `submit`.
 */
export function NumberView({ value, props, interactive, onChange, dispatch }: ViewProps<number | null, NumberViewProps>) {
  const [draft, setDraft] = useState(show(value));
  const focused = useRef(false);
  const id = useId();
  const infoId = `${id}-info`;
  useEffect(() => {
    if (!focused.current || !interactive) setDraft(show(value));
  }, [value, interactive]);

  const showLabel = props.show_label !== false && Boolean(props.label);
  return (
    <div className="vt-field vt-number">
      {showLabel ? (
        <label className="vt-label" htmlFor={id}>
          {props.label}
        </label>
      ) : null}
      {props.info ? (
        <span className="vt-info" id={infoId}>
          {props.info}
        </span>
      ) : null}
      <input
        id={id}
        className="vt-input"
        type="number"
        inputMode="decimal"
        value={draft}
        min={props.minimum ?? undefined}
        max={props.maximum ?? undefined}
        step={props.step ?? "any"}
        placeholder={props.placeholder ?? undefined}
        readOnly={!interactive}
        disabled={!interactive}
        aria-label={showLabel ? undefined : (props.label ?? "Number")}
        aria-describedby={props.info ? infoId : undefined}
        onFocus={() => {
          focused.current = true;
          dispatch("focus");
        }}
        onBlur={() => {
          focused.current = false;
          setDraft(show(value));
          dispatch("blur");
        }}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === "") onChange(null, { userInput: true });
          else {
            const n = e.target.valueAsNumber;
            if (globalThis.Number.isFinite(n)) onChange(n, { userInput: true });
          }
        }}
        onKeyDown={(e: KeyboardEvent) => {
          if (e.key === "Enter" && !e.nativeEvent.isComposing) dispatch("submit");
        }}
      />
    </div>
  );
}
