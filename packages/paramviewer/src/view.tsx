import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { linkifyCode, parameterSlug } from "./linkify.js";
import { descriptionHtml } from "./markdown.js";
import { paramViewerStyle } from "./style.js";
import type { Parameter, ParamViewerValue } from "./value.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the ParamViewer view reads. */
export interface ParamViewerViewProps {
  /** The language of the types and defaults: `"python"` (default) or `"typescript"`. */
  language: "python" | "typescript";
  /** Words that, wherever they appear in a type or a default, link to `#h-<word in lower case>`. */
  linkify: string[];
  /** The header above the list, with a button that opens or closes every parameter at once. */
  header: string | null;
  /** Whether each parameter gets an anchor (`#param-<name>`) and a link to it; a string prefixes the anchors. */
  anchor_links: boolean | string;
  /** Maximum height (pixels, or a CSS length); the list scrolls beyond it, under a fixed header. */
  max_height: number | string | null;
}

/** A CSS length from a number (pixels) or a CSS string. */
function cssLength(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  return typeof v === "number" ? `${v}px` : v;
}

/** One parameter: its name and type as the summary, its default and description when opened. */
function ParameterRow({
  name,
  param,
  open,
  onToggle,
  props,
}: {
  name: string;
  param: Parameter;
  open: boolean;
  onToggle(name: string, open: boolean): void;
  props: ParamViewerViewProps;
}) {
  const slug = props.anchor_links ? parameterSlug(name, props.anchor_links) : undefined;
  const linkify = props.linkify ?? [];
  const html = useMemo(() => (param.description ? descriptionHtml(param.description) : ""), [param.description]);
  const lang = `language-${props.language ?? "python"}`;
  return (
    <details className="vt-param" id={slug} open={open} onToggle={(e) => onToggle(name, e.currentTarget.open)}>
      <summary>
        {slug ? (
          <a className="vt-param-link" href={`#${slug}`} aria-label={`Link to parameter ${name}`} onClick={(e) => e.stopPropagation()}>
            🔗
          </a>
        ) : null}
        <code className={lang}>
          <span className="vt-param-name">{name}</span>
          {param.type ? <>: {linkifyCode(param.type, linkify)}</> : null}
        </code>
      </summary>
      {param.default !== null && param.default !== undefined && param.default !== "" ? (
        <div className="vt-param-default">
          <span className="vt-param-default-label">default</span>
          <code className={lang}>= {linkifyCode(param.default, linkify)}</code>
        </div>
      ) : null}
      {html ? <div className="vt-param-description" dangerouslySetInnerHTML={{ __html: html }} /> : null}
    </details>
  );
}

/**
 * The ParamViewer view: its label and info when given (Gradio shows none), a header with a button
 * that opens or closes every parameter, then one
 * `<details>` per parameter (name and type; when opened, default and Markdown description).
 * With `anchor_links`, each parameter has an id and a link to it, and the page's `#hash` opens
 * the parameter it names.
 */
export function ParamViewerView({ value, props }: ViewProps<ParamViewerValue | null, ParamViewerViewProps>) {
  adoptStylesheet("vt-paramviewer-style", paramViewerStyle);
  const entries = useMemo(() => Object.entries(value ?? {}), [value]);
  const [openNames, setOpenNames] = useState<ReadonlySet<string>>(() => new Set());
  const root = useRef<HTMLDivElement>(null);
  const header = props.header === undefined ? "Parameters" : props.header;
  const allOpen = entries.length > 0 && entries.every(([name]) => openNames.has(name));

  const onToggle = useCallback((name: string, open: boolean) => {
    setOpenNames((prev) => {
      if (prev.has(name) === open) return prev;
      const next = new Set(prev);
      if (open) next.add(name);
      else next.delete(name);
      return next;
    });
  }, []);

  // The page's #hash opens (and shows) the parameter it names, at load and when it changes.
  const anchors = props.anchor_links;
  useEffect(() => {
    if (!anchors) return;
    const openFromHash = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      if (!id) return;
      const match = entries.find(([name]) => parameterSlug(name, anchors) === id);
      if (!match) return;
      onToggle(match[0], true);
      const el = [...(root.current?.querySelectorAll<HTMLElement>("details.vt-param") ?? [])].find((d) => d.id === id);
      el?.scrollIntoView?.({ behavior: "smooth", block: "nearest" });
    };
    openFromHash();
    window.addEventListener("hashchange", openFromHash);
    return () => window.removeEventListener("hashchange", openFromHash);
  }, [anchors, entries, onToggle]);

  const name = header ?? props.label ?? "Parameters";
  return (
    <div className="vt-paramviewer" ref={root} role="region" aria-label={name} style={{ maxHeight: cssLength(props.max_height) }}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {header !== null ? (
        <div className="vt-paramviewer-header">
          <span className="vt-paramviewer-title">{header}</span>
          <button
            type="button"
            className="vt-paramviewer-toggle"
            title={allOpen ? "Close All" : "Open All"}
            aria-label={allOpen ? "Close All" : "Open All"}
            aria-expanded={allOpen}
            disabled={entries.length === 0}
            onClick={() => setOpenNames(allOpen ? new Set() : new Set(entries.map(([n]) => n)))}
          >
            ▼
          </button>
        </div>
      ) : null}
      <div className="vt-paramviewer-list">
        {entries.map(([paramName, param]) => (
          <ParameterRow key={paramName} name={paramName} param={param} open={openNames.has(paramName)} onToggle={onToggle} props={props} />
        ))}
      </div>
    </div>
  );
}
