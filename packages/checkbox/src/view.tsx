import { useId } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Checkbox view reads (only the common ones). */
export type CheckboxViewProps = Record<string, never>;

/**
 * The Checkbox view: a native checkbox with its label beside it. Toggling fires
 * `input`/`change`, and `select` with `{ index: 0, value: label, selected }`.
 */
export function CheckboxView({ value, props, interactive, onChange, dispatch }: ViewProps<boolean, CheckboxViewProps>) {
  const id = useId();
  const infoId = `${id}-info`;
  const text = props.label ?? "";
  const showText = props.show_label !== false && text !== "";
  return (
    <div className="vt-field vt-checkbox">
      {props.info ? (
        <span className="vt-info" id={infoId}>
          {props.info}
        </span>
      ) : null}
      <label className="vt-checkbox-option">
        <input
          type="checkbox"
          checked={value === true}
          disabled={!interactive}
          aria-label={showText ? undefined : text || "Checkbox"}
          aria-describedby={props.info ? infoId : undefined}
          onChange={(e) => {
            const checked = e.target.checked;
            onChange(checked, { userInput: true });
            dispatch("select", { index: 0, value: text, selected: checked });
          }}
        />
        {showText ? <span className="vt-label">{text}</span> : null}
      </label>
    </div>
  );
}
