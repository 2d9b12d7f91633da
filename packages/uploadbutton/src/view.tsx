import { useRef, useState } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { acceptAttribute, describeFileTypes, matchesFileTypes } from "@vitrine/file/filetypes";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the UploadButton view reads. */
export interface UploadButtonViewProps {
  /** "single" (default): one file; "multiple": several; "directory": every file of a chosen folder. */
  file_count: "single" | "multiple" | "directory";
  /** The files the user may choose: extensions (".png"), categories ("image", …; "file": any) or MIME types. */
  file_types: string[] | null;
  /** `"primary"`, `"secondary"` (default) or `"stop"`. */
  variant: "primary" | "secondary" | "stop";
  /** Size of the button. */
  size: "sm" | "md" | "lg";
  /** URL of an image shown before the text (http(s) or relative). */
  icon: string | null;
}

const CSS = `
.vt-uploadbutton { display: inline-flex; flex-direction: column; gap: var(--spacing-sm); }
.vt-uploadbutton-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

/**
 * The UploadButton view: a button (its text is the `label` prop) that fires `click` and opens
 * the file chooser; the chosen files, checked against `file_types`, are uploaded, become the
 * value, and fire `upload`.
 */
export function UploadButtonView({ props, interactive, onChange, dispatch, upload }: ViewProps<FileData | FileData[] | null, UploadButtonViewProps>) {
  adoptStylesheet("vt-uploadbutton-style", CSS);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = props.file_count ?? "single";
  const multiple = count !== "single";
  const types = props.file_types ?? null;
  const text = props.label ?? "Upload a File";
  const icon = props.icon && (!/^[a-z][a-z0-9+.-]*:/i.test(props.icon) || /^https?:\/\//i.test(props.icon)) ? props.icon : null;

  async function take(given: readonly File[]) {
    if (!given.length) return;
    const chosen = multiple ? given : given.slice(0, 1);
    const refused = chosen.find((f) => !matchesFileTypes(f.name, f.type, types));
    if (refused) return setError(`"${refused.name}" is not an allowed file type; allowed: ${describeFileTypes(types ?? [])}`);
    setError(null);
    setBusy(true);
    try {
      const data = await upload(chosen);
      const next = multiple ? data : (data[0] ?? null);
      onChange(next, { userInput: true });
      dispatch("upload", next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const directory = count === "directory" ? { webkitdirectory: "", directory: "" } : {};
  return (
    <span className="vt-uploadbutton">
      <button type="button" className={`vt-button vt-button-${props.variant ?? "secondary"} vt-button-${props.size ?? "lg"}`}
        disabled={!interactive || busy} aria-busy={busy}
        onClick={() => { dispatch("click"); input.current?.click(); }}>
        {icon ? <img className="vt-button-icon" src={icon} alt="" /> : null}
        {busy ? "Uploading…" : text}
      </button>
      <input ref={input} type="file" hidden aria-hidden="true" tabIndex={-1} accept={acceptAttribute(types)} multiple={multiple} {...directory}
        onChange={(e) => { const chosen = [...(e.target.files ?? [])]; e.target.value = ""; void take(chosen); }} />
      {error ? <span className="vt-uploadbutton-error" role="alert">{error}</span> : null}
    </span>
  );
}
