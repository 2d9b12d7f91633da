import { useRef, useState } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { adoptStylesheet } from "@vitrine/core/browser";
import { useFileDrop } from "@vitrine/view-kit";

/** Config props the SimpleImage view reads. */
export interface SimpleImageViewProps {
  /** Whether a download button is shown. */
  show_download_button: boolean;
}

const CSS = `
.vt-simpleimage-frame { position: relative; display: flex; align-items: center; justify-content: center; min-height: 120px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); overflow: hidden; }
.vt-simpleimage-frame img { display: block; max-width: 100%; height: auto; }
.vt-simpleimage-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); display: flex; gap: var(--spacing-sm); }
.vt-simpleimage-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-simpleimage-tool:hover, .vt-simpleimage-tool:focus-visible { border-color: var(--color-accent); }
.vt-simpleimage-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-sm);
  width: 100%; min-height: 160px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-simpleimage-drop:focus-visible, .vt-simpleimage-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-simpleimage-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-simpleimage-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

/**
 * The SimpleImage view: the image file as it is, with download and clear buttons; when
 * interactive and empty, an upload area (click or drop).
 */
export function SimpleImageView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<FileData | null, SimpleImageViewProps>) {
  adoptStylesheet("vt-simpleimage-style", CSS);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = props.label ?? "Image";

  async function take(files: readonly File[]) {
    const file = files.find((f) => f.type === "" || f.type.startsWith("image/"));
    if (!file) return setError("That is not an image.");
    setError(null);
    setBusy(true);
    try {
      const [data] = await upload([file]);
      if (!data) return;
      onChange(data, { userInput: true });
      dispatch("upload", data);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const { dragging, dropProps } = useFileDrop((files) => void take(files));

  const url = value ? fileUrl(value) : null;
  return (
    <div className="vt-field vt-simpleimage">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {url ? (
        <div className="vt-simpleimage-frame">
          <div className="vt-simpleimage-tools">
            {props.show_download_button !== false ? (
              <a className="vt-simpleimage-tool" href={url} download={value?.orig_name ?? "image"} aria-label="Download" title="Download">⤓</a>
            ) : null}
            {interactive ? (
              <button type="button" className="vt-simpleimage-tool" aria-label="Clear" title="Clear"
                onClick={() => { setError(null); onChange(null, { userInput: true }); dispatch("clear"); }}>✕</button>
            ) : null}
          </div>
          <img src={url} alt={label} />
        </div>
      ) : interactive ? (
        <div className="vt-simpleimage-drop" role="button" tabIndex={0} aria-label={`${label}: upload an image`} data-dragging={dragging}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), input.current?.click())}
          {...dropProps}>
          {busy ? <span>Uploading…</span> : <><strong>Drop an image here</strong><span>— or click to upload —</span></>}
          <input ref={input} type="file" accept="image/*" hidden aria-hidden="true" tabIndex={-1}
            onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; void take(files); }} />
        </div>
      ) : (
        <div className="vt-simpleimage-frame" aria-label={`${label}: empty`} />
      )}
      {error ? <span className="vt-simpleimage-error" role="alert">{error}</span> : null}
    </div>
  );
}
