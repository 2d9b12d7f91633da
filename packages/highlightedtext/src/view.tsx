import { useMemo, type CSSProperties } from "react";
import type { ViewProps } from "@vitrine/core";
import { categoryColors, scoreColor, type HighlightedToken, type SpanLabel } from "./spans.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the HighlightedText view reads. */
export interface HighlightedTextViewProps {
  /** Colours of categories (`{ PER: "#22c55e", LOC: "blue" }`, any CSS colour); others get a palette colour. */
  color_map: Record<string, string> | null;
  /** Whether a legend of the categories (or the score scale) shows above the text. */
  show_legend: boolean;
  /** Whether each highlighted span shows its category beside its text (default `true`). */
  show_inline_category: boolean;
  /** Whether the text reads right to left. */
  rtl?: boolean;
}

const style = `
.vt-hl-text { line-height: 2; color: var(--body-text-color); font-family: var(--font); white-space: pre-wrap; }
.vt-hl-span { border: none; font: inherit; color: inherit; cursor: pointer; padding: 0 var(--spacing-xs); border-radius: var(--radius-sm); background: transparent; white-space: pre-wrap; }
.vt-hl-span[data-label] { background: color-mix(in srgb, var(--vt-hl-color) 30%, transparent); }
.vt-hl-span[data-score] { background: var(--vt-hl-color); }
.vt-hl-category { margin-left: var(--spacing-xs); padding: 0 var(--spacing-xs); border-radius: var(--radius-sm); background: color-mix(in srgb, var(--vt-hl-color) 25%, var(--block-background-fill)); box-shadow: inset 0 0 0 1px var(--vt-hl-color); color: var(--body-text-color); font-size: var(--text-xs); font-weight: bold; }
.vt-hl-legend { display: flex; flex-wrap: wrap; gap: var(--spacing-sm); margin-bottom: var(--spacing-md); list-style: none; padding: 0; }
.vt-hl-legend li { padding: 0 var(--spacing-md); border-radius: var(--radius-sm); background: color-mix(in srgb, var(--vt-hl-color) 25%, var(--block-background-fill)); box-shadow: inset 0 0 0 1px var(--vt-hl-color); color: var(--body-text-color); font-size: var(--text-sm); }
.vt-hl-scale { display: flex; justify-content: space-between; width: 12rem; padding: 0 var(--spacing-sm); border-radius: var(--radius-sm); font-size: var(--text-sm); margin-bottom: var(--spacing-md); background: linear-gradient(to right, var(--error-text-color), transparent, var(--vt-success-color)); color: var(--body-text-color); }
.vt-hl-edit { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 10rem) auto; gap: var(--spacing-sm); margin-top: var(--spacing-md); }
.vt-hl-edit input { min-width: 0; font: inherit; color: var(--body-text-color); background: var(--input-background-fill, transparent); border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); padding: var(--spacing-xs) var(--spacing-sm); }
`;

/** A label typed in the editor: empty is none, a number is a score, anything else a category. */
function parseLabel(text: string): SpanLabel {
  const t = text.trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * The HighlightedText view: the spans inline, categories coloured (with their name beside them
 * unless `show_inline_category` is false) and scores from red to green; a legend above with
 * `show_legend`. Clicking a span fires `select` with its index and `[text, label]`. When
 * interactive, each span's text and label can be edited below, and spans added or removed.
 */
export function HighlightedTextView({ value, props, interactive, onChange, dispatch }: ViewProps<HighlightedToken[] | null, HighlightedTextViewProps>) {
  adoptStylesheet("vt-highlightedtext-style", style);
  const tokens = value ?? [];
  const categories = useMemo(
    () => tokens.map((t) => t.class_or_confidence).filter((l): l is string => typeof l === "string"),
    [tokens],
  );
  const colors = useMemo(() => categoryColors(categories, props.color_map), [categories, props.color_map]);
  const hasScores = tokens.some((t) => typeof t.class_or_confidence === "number");
  const showLabel = props.show_label !== false && Boolean(props.label);
  const colorOf = (label: SpanLabel) =>
    typeof label === "number" ? scoreColor(label) : typeof label === "string" ? colors.get(label) : undefined;
  const edit = (next: HighlightedToken[]) => onChange(next, { userInput: true });

  return (
    <div className="vt-field vt-highlightedtext">
      {showLabel ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {props.show_legend && colors.size > 0 ? (
        <ul className="vt-hl-legend" aria-label="Legend">
          {[...colors].map(([category, color]) => (
            <li key={category} style={{ "--vt-hl-color": color } as CSSProperties}>{category}</li>
          ))}
        </ul>
      ) : null}
      {props.show_legend && hasScores ? (
        <div className="vt-hl-scale" aria-label="Score scale from -1 (red) to +1 (green)">
          <span>-1</span><span>0</span><span>+1</span>
        </div>
      ) : null}
      <div className="vt-hl-text" aria-label={props.label ?? "Highlighted text"} role="group" dir={props.rtl ? "rtl" : undefined}>
        {tokens.map((t, index) => {
          const label = t.class_or_confidence;
          const color = colorOf(label);
          return (
            <button
              type="button"
              key={index}
              className="vt-hl-span"
              data-label={typeof label === "string" ? label : undefined}
              data-score={typeof label === "number" ? String(label) : undefined}
              style={color ? ({ "--vt-hl-color": color } as CSSProperties) : undefined}
              title={label === null ? undefined : String(label)}
              onClick={() => dispatch("select", { index, value: [t.token, label], selected: true })}
            >
              {t.token}
              {typeof label === "string" && props.show_inline_category !== false ? (
                <span className="vt-hl-category">{label}</span>
              ) : null}
            </button>
          );
        })}
      </div>
      {interactive ? (
        <div className="vt-hl-edit" role="group" aria-label="Edit spans">
          {tokens.map((t, index) => (
            <SpanEditor
              key={`${index}:${String(t.class_or_confidence)}`}
              index={index}
              token={t}
              onEdit={(next) => edit(tokens.map((old, i) => (i === index ? next : old)))}
              onRemove={() => edit(tokens.filter((_, i) => i !== index))}
            />
          ))}
          <button type="button" className="vt-button vt-button-sm" onClick={() => edit([...tokens, { token: "", class_or_confidence: null }])}>
            Add span
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** One span's text and label inputs, and its remove button. */
function SpanEditor({ index, token, onEdit, onRemove }: {
  index: number; token: HighlightedToken; onEdit(next: HighlightedToken): void; onRemove(): void;
}) {
  const label = token.class_or_confidence;
  return (
    <>
      <input aria-label={`Span ${index + 1} text`} value={token.token} onChange={(e) => onEdit({ ...token, token: e.target.value })} />
      <input
        aria-label={`Span ${index + 1} label`}
        defaultValue={label === null ? "" : String(label)}
        onBlur={(e) => onEdit({ ...token, class_or_confidence: parseLabel(e.target.value) })}
      />
      <button type="button" className="vt-button vt-button-sm" aria-label={`Remove span ${index + 1}`} onClick={onRemove}>×</button>
    </>
  );
}
