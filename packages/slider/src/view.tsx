import { useEffect, useId, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Slider view reads. */
export interface SliderViewProps {
  /** Left end of the range. */
  minimum: number;
  /** Right end of the range. */
  maximum: number;
  /** Increment between values. */
  step: number;
}

/**
 * The Slider view: an `<input type="range">` beside an `<input type="number">` for exact
 * values. Both fire `input`/`change` while moving; `release` fires when the pointer lets go,
 * after a key press on the range, and when the number field is committed.
 */
export function SliderView({ value, props, interactive, onChange, dispatch }: ViewProps<number, SliderViewProps>) {
  const id = useId();
  const infoId = `${id}-info`;
  const { minimum, maximum, step } = props;
  const current = typeof value === "number" && Number.isFinite(value) ? value : minimum;
  const [draft, setDraft] = useState(String(current));
  const editing = useRef(false);
  const latest = useRef(current);
  latest.current = current;
  useEffect(() => {
    if (!editing.current) setDraft(String(current));
  }, [current]);

  const label = props.label ?? "Slider";
  const showLabel = props.show_label !== false && Boolean(props.label);
  const set = (n: number) => {
    latest.current = n;
    onChange(n, { userInput: true });
  };
  const release = () => dispatch("release", latest.current);
  const commitDraft = () => {
    editing.current = false;
    const n = Number(draft);
    if (draft.trim() === "" || !Number.isFinite(n)) {
      setDraft(String(current));
      return;
    }
    const clamped = Math.min(maximum, Math.max(minimum, n));
    setDraft(String(clamped));
    if (clamped !== current) set(clamped);
    release();
  };

  return (
    <div className="vt-field vt-slider">
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
        type="range"
        className="vt-slider-range"
        min={minimum}
        max={maximum}
        step={step}
        value={current}
        disabled={!interactive}
        aria-label={showLabel ? undefined : label}
        aria-describedby={props.info ? infoId : undefined}
        onChange={(e) => set(e.target.valueAsNumber)}
        onPointerUp={release}
        onKeyUp={(e) => {
          if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"].includes(e.key)) release();
        }}
      />
      <input
        type="number"
        className="vt-input"
        min={minimum}
        max={maximum}
        step={step}
        value={draft}
        readOnly={!interactive}
        disabled={!interactive}
        aria-label={`${label} value`}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(e) => {
          setDraft(e.target.value);
          const n = e.target.valueAsNumber;
          if (Number.isFinite(n) && n >= minimum && n <= maximum) set(n);
        }}
        onBlur={commitDraft}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.nativeEvent.isComposing) commitDraft();
        }}
      />
    </div>
  );
}
