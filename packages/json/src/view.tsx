import { useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { JsonNode, cssLength } from "./tree.js";
import { adoptStylesheet } from "@vitrine/core/browser";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Config props the JSON view reads. */
export interface JsonViewProps {
  /** Whether every node of the tree starts expanded, or only the top level. */
  open: boolean;
  /** Whether array items show their index before their value (Gradio's `show_indices`). */
  show_indices: boolean;
  /** Fixed height of the tree (pixels, or a CSS length); scrolls beyond it. */
  height: number | string | null;
  /** Maximum height (pixels, or a CSS length) before the tree scrolls; 500 by default. */
  max_height: number | string | null;
  /** Minimum height (pixels, or a CSS length). */
  min_height: number | string | null;
  /** Buttons over the tree: null for the default (copy), else the list (`"copy"`). */
  buttons?: readonly string[] | null;
}

/** Token colours mix the theme's hue with its body text colour: readable (4.5:1) in light and dark. */
const style = `
.vt-json-tree { font-family: var(--font-mono, monospace); font-size: var(--text-sm, 0.875rem); color: var(--body-text-color); overflow: auto; padding: var(--spacing-md) var(--spacing-lg); background: var(--block-background-fill, transparent); border-radius: var(--radius-md); }
.vt-json-tree ul { list-style: none; margin: 0; padding: 0 0 0 calc(var(--spacing-lg) * 2); }
.vt-json-tree > ul { padding-left: 0; }
.vt-json-toggle { background: none; border: none; color: var(--body-text-color-subdued, var(--body-text-color)); cursor: pointer; padding: 0 var(--spacing-xs) 0 0; font: inherit; }
.vt-json-key { color: color-mix(in srgb, var(--color-accent) 60%, var(--body-text-color)); }
.vt-json-string { color: color-mix(in srgb, var(--vt-success-color) 60%, var(--body-text-color)); }
.vt-json-number, .vt-json-boolean, .vt-json-null { color: color-mix(in srgb, var(--vt-info-color) 60%, var(--body-text-color)); }
.vt-json-summary { color: var(--body-text-color-subdued, var(--body-text-color)); font-style: italic; }
.vt-json-header { display: flex; justify-content: space-between; align-items: center; gap: var(--spacing-md); }
`;

/**
 * The JSON view: the value as a tree (ARIA `tree`, each object and array folded with a button;
 * only the top level starts open unless `open`), and a copy button (unless
 * `buttons` leaves it out) that puts the value's JSON text on the clipboard.
 */
export function JsonView({ value, props }: ViewProps<Json, JsonViewProps>) {
  adoptStylesheet("vt-json-style", style);
  const [copied, setCopied] = useState(false);
  const showLabel = props.show_label !== false && Boolean(props.label);
  const empty = value === null || value === undefined;
  const copy = () => {
    const text = globalThis.JSON.stringify(value ?? null, null, 2);
    void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="vt-field vt-json">
      <div className="vt-json-header">
        {showLabel ? <span className="vt-label">{props.label}</span> : <span />}
        {!empty && (props.buttons == null || props.buttons.includes("copy")) ? (
          <button type="button" className="vt-button vt-button-sm vt-json-copy" aria-label="Copy JSON" onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </button>
        ) : null}
      </div>
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div
        className="vt-json-tree"
        style={{ height: cssLength(props.height), maxHeight: cssLength(props.max_height), minHeight: cssLength(props.min_height) }}
      >
        {empty ? (
          <span className="vt-json-empty">Empty</span>
        ) : (
          <ul role="tree" aria-label={props.label ?? "JSON"}>
            {/* Remount on a new value, so that `open` applies again. */}
            <JsonNode key={globalThis.JSON.stringify(value)} name={null} value={value} depth={0}
              open={props.open === true} showIndices={props.show_indices === true} last />
          </ul>
        )}
      </div>
    </div>
  );
}
