import { useState } from "react";

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A CSS length from pixels or a CSS string. */
export function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined) return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/**
 * Without `open`, nodes this deep (the root is 0) start collapsed. Gradio collapses from depth 3;
 * Vitrine shows the top level only (its gallery and browser tests rely on it).
 */
export const COLLAPSED_DEPTH = 1;

/** One scalar, coloured by its kind. */
function Scalar({ value }: { value: Json }) {
  const kind = value === null ? "null" : typeof value;
  const text = typeof value === "string" ? globalThis.JSON.stringify(value) : String(value);
  return <span className={`vt-json-value vt-json-${kind}`}>{text}</span>;
}

/**
 * A node of the tree: a scalar, or an object/array whose toggle button (a real `<button>`, so
 * Tab reaches it and Enter/Space toggle it, with `aria-expanded`) shows or hides its children.
 */
export function JsonNode({ name, value, depth, open, showIndices, last }: {
  name: string | null; value: Json; depth: number; open: boolean; showIndices: boolean; last: boolean;
}) {
  const container = value !== null && typeof value === "object";
  const [expanded, setExpanded] = useState(open || depth < COLLAPSED_DEPTH);
  const key = name === null ? null : <span className="vt-json-key">{name}: </span>;
  const comma = last ? null : <span className="vt-json-punct">,</span>;
  if (!container) {
    return (
      <li className="vt-json-line" role="treeitem" aria-level={depth + 1}>
        {key}<Scalar value={value} />{comma}
      </li>
    );
  }
  const isArray = Array.isArray(value);
  const entries: [string, Json][] = isArray ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  const [openBr, closeBr] = isArray ? ["[", "]"] : ["{", "}"];
  const summary = isArray ? `${entries.length} item${entries.length === 1 ? "" : "s"}` : `${entries.length} key${entries.length === 1 ? "" : "s"}`;
  return (
    <li className="vt-json-line" role="treeitem" aria-level={depth + 1} aria-expanded={expanded}>
      <button
        type="button"
        className="vt-json-toggle"
        aria-expanded={expanded}
        aria-label={`${expanded ? "Collapse" : "Expand"} ${name === null ? "root" : name}`}
        onClick={() => setExpanded((e) => !e)}
      >
        {expanded ? "▾" : "▸"}
      </button>
      {key}
      <span className="vt-json-punct">{openBr}</span>
      {expanded ? (
        <ul role="group" className="vt-json-children">
          {entries.map(([k, v], i) => (
            <JsonNode key={k} name={isArray ? (showIndices ? k : null) : globalThis.JSON.stringify(k)} value={v}
              depth={depth + 1} open={open} showIndices={showIndices} last={i === entries.length - 1} />
          ))}
        </ul>
      ) : (
        <span className="vt-json-summary"> {summary} </span>
      )}
      <span className="vt-json-punct">{closeBr}</span>{comma}
    </li>
  );
}
