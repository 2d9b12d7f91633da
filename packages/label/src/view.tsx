import type { ViewProps } from "@vitrine/core";
import type { LabelData } from "./process.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the Label view reads. */
export interface LabelViewProps {
  /** How many of the most confident classes are shown (and sent). */
  num_top_classes: number | null;
  /** Whether the top class is shown as a heading above the bars. */
  show_heading: boolean;
  /** Background colour of the heading: a CSS colour name or hex string. */
  color: string | null;
}

const CSS = `
.vt-label-output { display: flex; flex-direction: column; gap: var(--spacing-md); }
.vt-label-heading { margin: 0; padding: var(--spacing-md) var(--spacing-lg); font-size: var(--text-xxl); font-weight: 700;
  text-align: center; color: var(--body-text-color); border-radius: var(--radius-md); overflow-wrap: anywhere; }
.vt-label-heading[data-color="true"] { color: var(--button-primary-text-color); }
.vt-label-confidences { display: flex; flex-direction: column; gap: var(--spacing-sm); margin: 0; padding: 0; list-style: none; }
.vt-label-row { display: grid; grid-template-columns: 1fr auto; gap: var(--spacing-xs) var(--spacing-md); width: 100%;
  padding: var(--spacing-xs) 0; font: inherit; font-size: var(--text-md); color: var(--body-text-color); text-align: left;
  background: none; border: none; border-radius: var(--radius-sm); cursor: pointer; }
.vt-label-row:hover .vt-label-name { text-decoration: underline; }
.vt-label-row:focus-visible { outline: 2px solid var(--color-accent); outline-offset: 2px; }
.vt-label-bar { grid-column: 1 / -1; height: var(--spacing-md); background: var(--background-fill-secondary);
  border-radius: var(--radius-sm); overflow: hidden; }
.vt-label-fill { display: block; height: 100%; background: var(--stat-background-fill); border-radius: var(--radius-sm); }
.vt-label-percent { color: var(--body-text-color-subdued); font-variant-numeric: tabular-nums; }
`;

/** A confidence as a percentage: `93.2%`, `100%`. */
function percent(confidence: number | null): string {
  const value = Math.round((confidence ?? 0) * 1000) / 10;
  return `${value}%`;
}

/**
 * The Label view: the top class as a heading (on `color`, when given), then each confidence as a
 * bar with its percentage; clicking one fires `select` with its index and label.
 */
export function LabelView({ value, props, dispatch }: ViewProps<LabelData | null, LabelViewProps>) {
  adoptStylesheet("vt-label-style", CSS);
  const confidences = value?.confidences ?? [];
  const heading = value && value.label !== null && value.label !== undefined ? String(value.label) : null;
  return (
    <div className="vt-field vt-label-output">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {props.show_heading !== false && heading !== null ? (
        <h2 className="vt-label-heading" data-color={props.color ? "true" : "false"} style={props.color ? { background: props.color } : undefined}>
          {heading}
        </h2>
      ) : null}
      {confidences.length ? (
        <ul className="vt-label-confidences">
          {confidences.map((c, i) => (
            <li key={`${i}-${String(c.label)}`}>
              <button
                type="button"
                className="vt-label-row"
                onClick={() => dispatch("select", { index: i, value: c.label, selected: true })}
              >
                <span className="vt-label-name">{String(c.label)}</span>
                <span className="vt-label-percent">{percent(c.confidence)}</span>
                <span className="vt-label-bar" role="meter" aria-label={String(c.label)} aria-valuemin={0} aria-valuemax={100}
                  aria-valuenow={Math.round((c.confidence ?? 0) * 100)}>
                  <span className="vt-label-fill" style={{ width: `${Math.max(0, Math.min(1, c.confidence ?? 0)) * 100}%` }} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
