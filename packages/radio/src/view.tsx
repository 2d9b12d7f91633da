import { useId } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Radio view reads. */
export interface RadioViewProps {
  /** `[label, value]` pairs. */
  choices: [string, string | number][];
}

/**
 * The Radio view: a `<fieldset>` of native radio buttons (arrow keys move between them).
 * Choosing one fires `input`/`change`, and `select` with `{ index, value, selected: true }`.
 */
export function RadioView({ value, props, interactive, onChange, dispatch }: ViewProps<string | number | null, RadioViewProps>) {
  const name = useId();
  const infoId = `${name}-info`;
  const choices = props.choices ?? [];
  const showLabel = props.show_label !== false && Boolean(props.label);
  return (
    <fieldset
      className="vt-field vt-radio"
      disabled={!interactive}
      aria-label={showLabel ? undefined : (props.label ?? "Radio")}
      aria-describedby={props.info ? infoId : undefined}
    >
      {showLabel ? <legend className="vt-label">{props.label}</legend> : null}
      {props.info ? (
        <span className="vt-info" id={infoId}>
          {props.info}
        </span>
      ) : null}
      {choices.map(([label, choice], index) => (
        <label key={`${index}:${String(choice)}`} className="vt-radio-option">
          <input
            type="radio"
            name={name}
            value={String(index)}
            checked={value === choice}
            onChange={() => {
              onChange(choice, { userInput: true });
              dispatch("select", { index, value: choice, selected: true });
            }}
          />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
