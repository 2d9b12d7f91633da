import { useRef, useState, type ClipboardEvent, type MouseEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { Webcam } from "./webcam.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { pastedFiles, readClipboard, useFileDrop } from "@vitrine/view-kit";

/** Where the user may take an image from. */
type Source = "upload" | "webcam" | "clipboard";

/** Config props the Image view reads. */
export interface ImageViewProps {
  /** Height of the displayed image: pixels, or a CSS length. */
  height: number | string | null;
  /** Width of the displayed image: pixels, or a CSS length. */
  width: number | string | null;
  /** Where the user may take an image from. */
  sources: ("upload" | "webcam" | "clipboard")[];
  /** Whether a download button is shown. */
  show_download_button: boolean;
  /** Whether a fullscreen button is shown. */
  show_fullscreen_button: boolean;
  /** Text of the empty upload area. */
  placeholder: string | null;
  /** Whether webcam photos and the preview are mirrored. */
  mirror_webcam?: boolean;
  /** `getUserMedia` video constraints for the webcam, or null. */
  webcam_constraints?: MediaTrackConstraints | null;
  /** Whether the webcam streams frames to a `stream` listener. */
  streaming?: boolean;
  /** Set by the page from the `stream` listener: seconds between frames, and the longest stream. */
  stream_every?: number;
  /** Set by the page from the `stream` listener: the longest stream, in seconds (null: no limit). */
  time_limit?: number | null;
  /** Set by the page: whether the `stream` listener's event is running. */
  stream_active?: boolean;
}

const CSS = `
.vt-image-frame { position: relative; display: flex; align-items: center; justify-content: center; min-height: 120px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md);
  overflow: hidden; }
.vt-image-frame img { display: block; max-width: 100%; max-height: 100%; cursor: crosshair; }
.vt-image-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); display: flex; gap: var(--spacing-sm); z-index: 1; }
.vt-image-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-image-tool:hover { border-color: var(--color-accent); }
.vt-image-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-md);
  width: 100%; min-height: 160px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-image-drop:focus-visible, .vt-image-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-image-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-image-error { color: var(--error-text-color); font-size: var(--text-sm); }
.vt-image-sources { display: flex; justify-content: center; gap: var(--spacing-sm); margin-top: var(--spacing-sm); }
.vt-image-sources .vt-image-tool[aria-pressed="true"] { border-color: var(--color-accent); color: var(--color-accent); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/**
 * The Image view: a preview of the value (click to select a pixel), with clear, download and
 * fullscreen buttons; when interactive and empty, an upload area that takes a file from the
 * file chooser, a drop, or a paste from the clipboard.
 */
export function ImageView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<FileData | null, ImageViewProps>) {
  adoptStylesheet("vt-image-style", CSS);
  const input = useRef<HTMLInputElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sources = props.sources ?? ["upload", "webcam", "clipboard"];
  const canUpload = interactive && sources.includes("upload");
  const canPaste = interactive && sources.includes("clipboard");
  const [source, setSource] = useState<Source>(sources[0] ?? "upload");
  const streaming = props.streaming === true;
  const showWebcam = interactive && source === "webcam" && sources.includes("webcam");

  /** A webcam photo: uploaded, and the value (as Gradio's webcam, it fires `change`, not `upload`). */
  async function captured(photo: Blob) {
    setError(null);
    setBusy(true);
    try {
      const [data] = await upload([new File([photo], "webcam.png", { type: "image/png" })]);
      if (data) onChange(data, { userInput: true });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function take(files: readonly Blob[]) {
    const file = files.find((f) => f.type === "" || f.type.startsWith("image/"));
    if (!file) {
      setError("That is not an image.");
      return;
    }
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

  const { dragging, dropProps } = useFileDrop((files) => void take(files), canUpload);

  function onPaste(e: ClipboardEvent) {
    if (!canPaste) return;
    const files = pastedFiles(e);
    if (files.length) void take(files);
  }

  async function pasteButton() {
    try {
      const image = await readClipboard((type) => type.startsWith("image/"));
      if (image) await take([image]);
      else setError("The clipboard holds no image.");
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function clear() {
    setError(null);
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  function select(e: MouseEvent<HTMLImageElement>) {
    const img = e.currentTarget;
    const rect = img.getBoundingClientRect();
    if (!rect.width || !rect.height) return;
    const x = Math.min(img.naturalWidth - 1, Math.max(0, Math.floor(((e.clientX - rect.left) * img.naturalWidth) / rect.width)));
    const y = Math.min(img.naturalHeight - 1, Math.max(0, Math.floor(((e.clientY - rect.top) * img.naturalHeight) / rect.height)));
    dispatch("select", { index: [x, y], value: null, selected: true });
  }

  const label = props.label ?? "Image";
  const height = cssLength(props.height);
  const width = cssLength(props.width);
  const url = value ? fileUrl(value) : null;

  return (
    <div className="vt-field vt-image" style={width ? { width } : undefined}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {showWebcam && (streaming || !url) ? (
        <Webcam
          label={label}
          mirror={props.mirror_webcam !== false}
          constraints={props.webcam_constraints ?? null}
          streaming={streaming}
          streamEvery={props.stream_every ?? 0.5}
          timeLimit={props.time_limit ?? null}
          streamActive={props.stream_active}
          height={height}
          onCapture={(photo) => void captured(photo)}
          onFrame={(f) => dispatch("stream", f)}
          onStart={() => dispatch("start_recording")}
          onStop={() => dispatch("close_stream")}
        />
      ) : url ? (
        <div className="vt-image-frame" ref={frame} style={height ? { height } : undefined}>
          <div className="vt-image-tools">
            {props.show_download_button !== false ? (
              <a className="vt-image-tool" href={url} download={value?.orig_name ?? "image"} aria-label="Download" title="Download">⤓</a>
            ) : null}
            {props.show_fullscreen_button !== false ? (
              <button type="button" className="vt-image-tool" aria-label="Fullscreen" title="Fullscreen"
                onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())}>
                <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
                  <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
                </svg>
              </button>
            ) : null}
            {interactive ? (
              <button type="button" className="vt-image-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button>
            ) : null}
          </div>
          <img src={url} alt={label} onClick={select} draggable={false} />
        </div>
      ) : canUpload || canPaste ? (
        <div
          className="vt-image-drop"
          role="button"
          tabIndex={0}
          aria-label={`${label}: upload an image`}
          data-dragging={dragging}
          style={height ? { minHeight: height } : undefined}
          onClick={() => canUpload && input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && canUpload && (e.preventDefault(), input.current?.click())}
          {...dropProps}
          onPaste={onPaste}
        >
          {busy ? <span>Uploading…</span> : <Placeholder text={props.placeholder} upload={canUpload} paste={canPaste} />}
          {canPaste ? (
            <button type="button" className="vt-image-tool" onClick={(e) => { e.stopPropagation(); void pasteButton(); }}>Paste from clipboard</button>
          ) : null}
          <input ref={input} type="file" accept="image/*" hidden aria-hidden="true" tabIndex={-1}
            onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; void take(files); }} />
        </div>
      ) : (
        <div className="vt-image-frame" style={height ? { height } : undefined} aria-label={`${label}: empty`} />
      )}
      {busy && showWebcam ? <span>Uploading…</span> : null}
      {interactive && sources.length > 1 && !(url && !showWebcam) ? (
        <div className="vt-image-sources" role="group" aria-label={`${label}: source`}>
          {sources.map((s) => (
            <button
              key={s}
              type="button"
              className="vt-image-tool"
              aria-pressed={source === s}
              onClick={() => {
                setError(null);
                setSource(s);
                if (s === "clipboard") void pasteButton();
              }}
            >
              {SOURCE_NAMES[s]}
            </button>
          ))}
        </div>
      ) : null}
      {error ? <span className="vt-image-error" role="alert">{error}</span> : null}
    </div>
  );
}

const SOURCE_NAMES: Record<Source, string> = { upload: "Upload", webcam: "Webcam", clipboard: "Clipboard" };

/** The upload area's text: the `placeholder` (a `#` line is a heading) or the default hint. */
function Placeholder({ text, upload, paste }: { text: string | null; upload: boolean; paste: boolean }) {
  if (text) {
    return (
      <>
        {text.split("\n").map((line, i) => (line.startsWith("#") ? <strong key={i}>{line.replace(/^#+\s*/, "")}</strong> : <span key={i}>{line}</span>))}
      </>
    );
  }
  return (
    <>
      <strong>{upload ? "Drop an image here" : "Paste an image"}</strong>
      {upload ? <span>— or click to upload{paste ? ", or paste" : ""} —</span> : null}
    </>
  );
}
