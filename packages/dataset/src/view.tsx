import { useEffect, useId, useState, type ReactNode } from "react";
import type { ViewProps } from "@vitrine/core";

/** Config props the Dataset view reads. */
export interface DatasetViewProps {
  /** Each column's component type (`"textbox"`, `"radio"`, …). */
  components: string[];
  /** Each column component's config props (label, choices, …). */
  component_props: Record<string, unknown>[];
  /** The samples, each value in its column component's wire form. */
  samples: unknown[][];
  /** Column headers; empty to use the components' labels. */
  headers: string[];
  /** Samples shown per page. */
  samples_per_page: number;
}

function isSafeSrc(url: string): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020\u007f]/g, ""))?.[1]?.toLowerCase();
  return scheme === undefined || scheme === "http" || scheme === "https" || scheme === "blob";
}

/** A short text for one sample value, for the row's accessible name. */
export function cellText(value: unknown, type: string | undefined, props: Record<string, unknown> | undefined): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(props?.choices)) {
    const labels = (props.choices as unknown[]).filter(Array.isArray) as [unknown, unknown][];
    const values = Array.isArray(value) ? value : [value];
    const shown = values.map((v) => {
      const pair = labels.find(([, choice]) => choice === v);
      return pair ? String(pair[0]) : String(v);
    });
    if (labels.length) return shown.join(", ");
  }
  if (typeof value === "boolean") return type === "checkbox" ? (value ? "✓" : "✗") : String(value);
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value === "object") {
    const file = value as { orig_name?: unknown; path?: unknown; url?: unknown };
    for (const name of [file.orig_name, file.path, file.url]) if (typeof name === "string") return name.split("/").pop() ?? name;
  }
  return JSON.stringify(value);
}

/** Renders a value with its component's example view, when that view is loaded. */
type RenderExample = ViewProps["renderExample"];

/**
 * One sample value as shown in its cell: by its component's example view when it has one, else
 * an image thumbnail for images and text otherwise.
 */
function Cell({ value, type, props, renderExample }: { value: unknown; type: string | undefined; props: Record<string, unknown> | undefined; renderExample?: RenderExample }): ReactNode {
  const rendered = type && renderExample ? (renderExample(type, { value, props: props ?? {} }) as ReactNode) : null;
  if (rendered != null) return <span className="vt-dataset-example">{rendered}</span>;
  const url = typeof value === "object" && value !== null ? (value as { url?: unknown }).url : undefined;
  if (type === "image" && typeof url === "string" && isSafeSrc(url)) {
    return <img className="vt-dataset-thumb" src={url} alt={cellText(value, type, props)} />;
  }
  return cellText(value, type, props);
}

/**
 * The Dataset view: a table of samples, one row each, with a header row of the column
 * components' labels. Clicking a row, or pressing its button (Tab, then Enter or Space),
 * sets the value to the sample's index and fires `click` and `select` with `{ index, value }`.
 * More samples than `samples_per_page` are paged.
 */
export function DatasetView({ value, props, interactive, onChange, dispatch, renderExample }: ViewProps<number | null, DatasetViewProps>) {
  const labelId = useId();
  const samples = props.samples ?? [];
  const types = props.components ?? [];
  const componentProps = props.component_props ?? [];
  const perPage = Math.max(1, props.samples_per_page ?? 10);
  const pages = Math.max(1, Math.ceil(samples.length / perPage));
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (page >= pages) setPage(pages - 1);
  }, [page, pages]);
  const current = Math.min(page, pages - 1);

  const columnCount = Math.max(types.length, samples[0]?.length ?? 0);
  const headers = Array.from({ length: columnCount }, (_, i) => {
    const header = props.headers?.[i];
    if (header) return header;
    const label = componentProps[i]?.label;
    if (typeof label === "string" && label) return label;
    const type = types[i];
    return type ? type.charAt(0).toUpperCase() + type.slice(1) : `Column ${i + 1}`;
  });
  const label = props.label ?? "Dataset";
  const showLabel = props.show_label !== false && Boolean(props.label);

  const choose = (index: number) => {
    if (!interactive) return;
    const sample = samples[index];
    onChange(index, { userInput: true });
    dispatch("click", { index, value: sample });
    dispatch("select", { index, value: sample, selected: true });
  };

  const first = current * perPage;
  const rows = samples.slice(first, first + perPage);
  return (
    <div className="vt-field vt-dataset">
      {showLabel ? (
        <span className="vt-label" id={labelId}>
          {props.label}
        </span>
      ) : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <table className="vt-dataset-table" aria-labelledby={showLabel ? labelId : undefined} aria-label={showLabel ? undefined : label}>
        <thead>
          <tr>
            {headers.map((header, i) => (
              <th key={i} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, k) => {
            const index = first + k;
            const summary = row.map((v, i) => cellText(v, types[i], componentProps[i])).join(", ");
            return (
              <tr
                key={index}
                className={value === index ? "vt-dataset-row vt-dataset-selected" : "vt-dataset-row"}
                aria-current={value === index ? "true" : undefined}
                onClick={() => choose(index)}
              >
                {row.map((cell, i) => (
                  <td key={i}>
                    {i === 0 ? (
                      <button
                        type="button"
                        className="vt-dataset-choose"
                        disabled={!interactive}
                        aria-label={`${label} ${index + 1}: ${summary}`}
                        onClick={(e) => {
                          e.stopPropagation();
                          choose(index);
                        }}
                      >
                        <Cell value={cell} type={types[i]} props={componentProps[i]} renderExample={renderExample} />
                      </button>
                    ) : (
                      <Cell value={cell} type={types[i]} props={componentProps[i]} renderExample={renderExample} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav className="vt-dataset-pages" aria-label={`${label} pages`}>
          {Array.from({ length: pages }, (_, p) => (
            <button
              key={p}
              type="button"
              className="vt-button vt-button-secondary vt-button-sm"
              aria-current={p === current ? "page" : undefined}
              onClick={() => setPage(p)}
            >
              {p + 1}
            </button>
          ))}
        </nav>
      ) : null}
    </div>
  );
}
