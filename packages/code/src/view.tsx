import { useEffect, useRef, useState } from "react";
import type { ViewProps } from "@vitrine/core";
import { downloadName } from "./languages.js";
import type { EditorHandle, EditorOptions } from "./editor.js";

/** Config props the Code view reads. */
export interface CodeViewProps {
  /** The language the code is highlighted as (one of `codeLanguages`); null shows plain text. */
  language: string | null;
  /** Lines the editor shows at least. */
  lines: number;
  /** Most lines the editor grows to before it scrolls; null grows without limit. */
  max_lines: number | null;
  /** Whether long lines wrap instead of scrolling sideways. */
  wrap_lines: boolean;
  /** Whether line numbers show in a gutter. */
  show_line_numbers: boolean;
  /** Whether the editor suggests completions (keywords of the language) as the user types. */
  autocomplete: boolean;
  /** The buttons shown over the editor; null shows both, `[]` none. */
  buttons: readonly ("copy" | "download")[] | null;
}

type EditorModule = typeof import("./editor.js");
/** The editor module once loaded (shared by every Code block of the page), and its loading. */
let editorModule: Promise<EditorModule> | null = null;

/**
 * Loads CodeMirror: the chunk `./editor.js` was split into, which the page serves beside this
 * view at `components/code/…` (see tools/build-ui.mjs, `--lazy code`).
 */
export function loadEditor(): Promise<EditorModule> {
  editorModule ??= import("./editor.js").catch((err: unknown) => {
    editorModule = null;
    throw err;
  });
  return editorModule;
}

/** The editor options for these props. */
function editorOptions(props: ViewProps<string | null, CodeViewProps>["props"], interactive: boolean): EditorOptions {
  return {
    language: props.language ?? null,
    lines: props.lines ?? 5,
    max_lines: props.max_lines ?? null,
    wrap_lines: props.wrap_lines === true,
    show_line_numbers: props.show_line_numbers !== false,
    autocomplete: props.autocomplete === true,
    editable: interactive,
    label: props.label ?? "Code",
  };
}

/**
 * The Code view: a CodeMirror 6 editor, loaded when the first Code block of the page mounts
 * (its text shows as plain, numbered-less text meanwhile). An output (not interactive) is
 * read-only. Copy and Download buttons sit over the editor.
 */
export function CodeView({ value, props, interactive, onChange, dispatch }: ViewProps<string | null, CodeViewProps>) {
  const text = value ?? "";
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorHandle | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [copied, setCopied] = useState(false);
  /** The latest text, props and callbacks, read by the editor's listeners. */
  const latest = useRef({ text, onChange, dispatch });
  latest.current = { text, onChange, dispatch };
  const options = editorOptions(props, interactive);
  const optionsKey = JSON.stringify(options);

  useEffect(() => {
    let live = true;
    loadEditor().then(
      ({ createEditor }) => {
        if (!live || !host.current) return;
        editor.current = createEditor(host.current, latest.current.text, JSON.parse(optionsKey) as EditorOptions, {
          onInput: (next) => {
            latest.current.text = next;
            latest.current.onChange(next, { userInput: true });
          },
          onFocus: () => latest.current.dispatch("focus"),
          onBlur: () => latest.current.dispatch("blur"),
        });
        setLoaded(true);
      },
      (err: unknown) => console.warn("[vitrine] could not load the code editor; the code shows as plain text:", err),
    );
    return () => {
      live = false;
      editor.current?.destroy();
      editor.current = null;
      setLoaded(false);
    };
    // The editor is made once; later changes of text and options reach it below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => editor.current?.setText(text), [text, loaded]);
  useEffect(() => editor.current?.setOptions(JSON.parse(optionsKey) as EditorOptions), [optionsKey, loaded]);

  const buttons = props.buttons ?? ["copy", "download"];
  const label = props.label ?? undefined;
  const copy = () => {
    void navigator.clipboard?.writeText(text).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    });
  };
  return (
    <div className="vt-field vt-code-field">
      {props.show_label !== false && label ? <span className="vt-label">{label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-code" style={{ position: "relative", border: "1px solid var(--border-color-primary)", borderRadius: "var(--radius-md)", overflow: "hidden" }}>
        {buttons.length > 0 ? (
          <div className="vt-code-buttons" style={{ position: "absolute", top: "var(--spacing-sm)", right: "var(--spacing-sm)", zIndex: 1, display: "flex", gap: "var(--spacing-sm)" }}>
            {buttons.includes("copy") ? (
              <button type="button" className="vt-icon-button" aria-label={copied ? "Copied" : "Copy"} onClick={copy} style={buttonStyle}>
                {copied ? "Copied" : "Copy"}
              </button>
            ) : null}
            {buttons.includes("download") ? (
              <a className="vt-icon-button" aria-label="Download" download={downloadName(props.language)} style={buttonStyle}
                href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>
                Download
              </a>
            ) : null}
          </div>
        ) : null}
        <div ref={host} className="vt-code-editor" data-language={props.language ?? ""} data-loaded={loaded} />
        {loaded ? null : (
          <pre className="vt-code-fallback"
            style={{ margin: 0, padding: "4px var(--spacing-md)", minHeight: `calc(${options.lines * 1.5}em + 8px)`, lineHeight: 1.5,
              fontFamily: "var(--font-mono, monospace)", fontSize: "var(--text-sm, 14px)", color: "var(--body-text-color)",
              background: "var(--code-background-fill, var(--input-background-fill))", whiteSpace: options.wrap_lines ? "pre-wrap" : "pre", overflow: "auto" }}>
            {text}
          </pre>
        )}
      </div>
    </div>
  );
}

/** The small buttons over the editor. */
const buttonStyle = {
  font: "inherit",
  fontSize: "var(--text-xs, 12px)",
  padding: "2px var(--spacing-sm)",
  color: "var(--body-text-color)",
  background: "var(--background-fill-primary)",
  border: "1px solid var(--border-color-primary)",
  borderRadius: "var(--radius-sm)",
  cursor: "pointer",
  textDecoration: "none",
} as const;
