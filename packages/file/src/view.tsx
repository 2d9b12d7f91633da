import { useRef, useState } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { acceptAttribute, describeFileTypes, formatSize, matchesFileTypes } from "./filetypes.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { useFileDrop } from "@vitrine/view-kit";

/** Config props the File view reads. */
export interface FileViewProps {
  /** "single" (default): one file; "multiple": several; "directory": every file of a chosen folder. */
  file_count: "single" | "multiple" | "directory";
  /** The files the user may give: extensions, categories ("image", "file", …) or MIME types. */
  file_types: string[] | null;
  /** Height of the file list: pixels, or a CSS length. */
  height: number | string | null;
}

const CSS = `
.vt-file-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-md);
  width: 100%; min-height: 120px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-file-drop:focus-visible, .vt-file-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-file-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-file-list { position: relative; overflow: auto; background: var(--background-fill-secondary);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-file-list table { width: 100%; border-collapse: collapse; font-size: var(--text-md); color: var(--body-text-color); }
.vt-file-list td { padding: var(--spacing-sm) var(--spacing-md); border-bottom: 1px solid var(--border-color-primary); }
.vt-file-list tr:last-child td { border-bottom: none; }
.vt-file-list tr:hover { background: var(--block-background-fill); }
.vt-file-name { width: 100%; word-break: break-all; cursor: pointer; }
.vt-file-size { white-space: nowrap; color: var(--body-text-color-subdued); font-size: var(--text-sm); text-align: right; }
.vt-file-actions { white-space: nowrap; text-align: right; }
.vt-file-actions a, .vt-file-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 24px; height: 24px;
  padding: 0 var(--spacing-sm); margin-left: var(--spacing-sm); font: inherit; font-size: var(--text-sm); color: var(--body-text-color);
  background: var(--block-background-fill); border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm);
  cursor: pointer; text-decoration: none; }
.vt-file-actions a:hover, .vt-file-tool:hover { border-color: var(--color-accent); }
.vt-file-bar { display: flex; justify-content: flex-end; padding: var(--spacing-sm); }
.vt-file-empty { min-height: 60px; background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary);
  border-radius: var(--radius-md); }
.vt-file-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/** The name a file shows: `orig_name`, else its path's last segment. */
export function displayName(file: FileData): string {
  return file.orig_name || file.path.split(/[\\/]/).pop()?.split("?")[0] || "file";
}

/**
 * The File view: the files of the value as a list (name, size, download link; remove buttons
 * and a clear button when interactive); when interactive and empty, an upload area that takes
 * files from the chooser (several with `file_count` "multiple", a folder with "directory") or
 * a drop, checked against `file_types`.
 */
export function FileView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<FileData | FileData[] | null, FileViewProps>) {
  adoptStylesheet("vt-file-style", CSS);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const count = props.file_count ?? "single";
  const types = props.file_types ?? null;
  const multiple = count !== "single";
  const files = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const label = props.label ?? "File";
  const height = cssLength(props.height);

  async function take(given: readonly File[]) {
    if (!given.length) return;
    const chosen = multiple ? given : given.slice(0, 1);
    const refused = chosen.filter((f) => !matchesFileTypes(f.name, f.type, types));
    if (refused.length) {
      setError(`"${refused[0]!.name}" is not an allowed file type; allowed: ${describeFileTypes(types ?? [])}`);
      return;
    }
    setError(null);
    setProgress(0);
    try {
      const data = await upload(chosen, { onProgress: setProgress });
      const next = multiple ? data : (data[0] ?? null);
      onChange(next, { userInput: true });
      dispatch("upload", next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  }

  const { dragging, dropProps } = useFileDrop((files) => void take(files), interactive);

  function remove(index: number) {
    const file = files[index]!;
    const rest = files.filter((_, i) => i !== index);
    onChange(multiple && rest.length ? rest : null, { userInput: true });
    dispatch("delete", { file });
  }

  function clear() {
    setError(null);
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  const directory = count === "directory" ? { webkitdirectory: "", directory: "" } : {};

  return (
    <div className="vt-field vt-file">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {files.length ? (
        <div className="vt-file-list" style={height ? { maxHeight: height } : undefined}>
          {interactive ? (
            <div className="vt-file-bar">
              <button type="button" className="vt-file-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button>
            </div>
          ) : null}
          <table>
            <tbody>
              {files.map((file, i) => {
                const name = displayName(file);
                return (
                  <tr key={`${i}-${file.path}`}>
                    <td className="vt-file-name" onClick={() => dispatch("select", { index: i, value: file, selected: true })}>{name}</td>
                    <td className="vt-file-size">{formatSize(file.size)}</td>
                    <td className="vt-file-actions">
                      <a href={fileUrl(file)} download={name} target="_blank" rel="noopener noreferrer" aria-label={`Download ${name}`}
                        onClick={() => dispatch("download", { file })}>⤓</a>
                      {interactive ? (
                        <button type="button" className="vt-file-tool" aria-label={`Remove ${name}`} title="Remove" onClick={() => remove(i)}>✕</button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : interactive ? (
        <div
          className="vt-file-drop"
          role="button"
          tabIndex={0}
          aria-label={`${label}: upload ${count === "directory" ? "a folder" : multiple ? "files" : "a file"}`}
          data-dragging={dragging}
          style={height ? { minHeight: height } : undefined}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), input.current?.click())}
          {...dropProps}
        >
          {progress !== null ? (
            <span>Uploading… {Math.round(progress * 100)}%</span>
          ) : (
            <>
              <strong>{count === "directory" ? "Drop a folder here" : multiple ? "Drop files here" : "Drop a file here"}</strong>
              <span>— or click to upload —</span>
            </>
          )}
          <input ref={input} type="file" hidden aria-hidden="true" tabIndex={-1} accept={acceptAttribute(types)} multiple={multiple} {...directory}
            onClick={(e) => e.stopPropagation()}
            onChange={(e) => { const chosen = [...(e.target.files ?? [])]; e.target.value = ""; void take(chosen); }} />
        </div>
      ) : (
        <div className="vt-file-empty" aria-label={`${label}: empty`} />
      )}
      {error ? <span className="vt-file-error" role="alert">{error}</span> : null}
    </div>
  );
}
