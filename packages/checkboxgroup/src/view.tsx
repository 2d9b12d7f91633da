import { useEffect, useId, useRef } from "react";
import type { ViewProps } from "@vitrine/core";

type Item = string | number;

/** Config props the CheckboxGroup view reads. */
export interface CheckboxGroupViewProps {
  /** `[label, value]` pairs. */
  choices: [string, Item][];
  /** Whether a "Select All" checkbox ticks or clears every choice at once. */
  show_select_all: boolean;
}

/**
 * The CheckboxGroup view: a `<fieldset>` of native checkboxes, in the order of the choices, and
 * (with `show_select_all`) a "Select All" checkbox that is mixed when some are ticked. Toggling
 * fires `input`/`change`, and `select` with `{ index, value, selected }`.
 */
export function CheckboxGroupView({ value, props, interactive, onChange, dispatch }: ViewProps<Item[] | null, CheckboxGroupViewProps>) {
  const id = useId();
  const infoId = `${id}-info`;
  const choices = props.choices ?? [];
  const ticked = Array.isArray(value) ? value : [];
  const showLabel = props.show_label !== false && Boolean(props.label);
  const count = choices.filter(([, v]) => ticked.includes(v)).length;
  const all = choices.length > 0 && count === choices.length;
  const selectAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = count > 0 && !all;
  });

  /** The ticked values in the order of the choices. */
  const ordered = (set: Item[]) => choices.map(([, v]) => v).filter((v) => set.includes(v));

  return (
    <fieldset
      className="vt-field vt-radio vt-checkboxgroup"
      disabled={!interactive}
      aria-label={showLabel ? undefined : (props.label ?? "CheckboxGroup")}
      aria-describedby={props.info ? infoId : undefined}
    >
      {showLabel ? <legend className="vt-label">{props.label}</legend> : null}
      {props.info ? (
        <span className="vt-info" id={infoId}>
          {props.info}
        </span>
      ) : null}
      {props.show_select_all ? (
        <label className="vt-radio-option vt-checkboxgroup-all">
          <input
            ref={selectAll}
            type="checkbox"
            checked={all}
            aria-checked={count > 0 && !all ? "mixed" : all}
            onChange={() => onChange(all ? [] : choices.map(([, v]) => v), { userInput: true })}
          />
          <span>Select All</span>
        </label>
      ) : null}
      {choices.map(([label, choice], index) => {
        const checked = ticked.includes(choice);
        return (
          <label key={`${index}:${String(choice)}`} className="vt-radio-option">
            <input
              type="checkbox"
              value={String(index)}
              checked={checked}
              onChange={() => {
                const next = checked ? ticked.filter((v) => v !== choice) : ordered([...ticked, choice]);
                onChange(next, { userInput: true });
                dispatch("select", { index, value: choice, selected: !checked });
              }}
            />
            <span>{label}</span>
          </label>
        );
      })}
    </fieldset>
  );
}
