import { useEffect, useLayoutEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { acceptAttribute, describeFileTypes, matchesFileTypes } from "@vitrine/file/filetypes";
import { pastedFiles, useFileDrop } from "@vitrine/view-kit";
import { MicRecorder } from "./recorder.js";
import { adoptStylesheet } from "@vitrine/core/browser";

/** The wire value the view shows and edits. */
export interface MultimodalViewValue {
  /** The text. */
  text: string;
  /** The attached files. */
  files: FileData[];
}

/** Config props the MultimodalTextbox view reads. */
export interface MultimodalTextboxViewProps {
  /** Where files come from: "upload" (button, drops and pastes) and/or "microphone" (a recorded audio file). */
  sources: ("upload" | "microphone")[];
  /** The files the user may attach: extensions, categories ("image", "file", …) or MIME types. */
  file_types: string[] | null;
  /** "single" (default): one file per message; "multiple": several; "directory": the files of a folder. */
  file_count: "single" | "multiple" | "directory";
  /** Rows of the text area (it grows from there). */
  lines: number;
  /** Most rows the text area grows to (at least `lines`). */
  max_lines: number;
  /** Hint shown when empty. */
  placeholder: string | null;
  /** Whether the text area takes focus on load. */
  autofocus: boolean;
  /** Whether the text area scrolls to its end when the value changes (unless the user scrolled up). */
  autoscroll: boolean;
  /** Text alignment; null follows `rtl`. */
  text_align: "left" | "right" | null;
  /** Right-to-left text. */
  rtl: boolean;
  /** The submit button: true (default) for an arrow, a string for its text, false for none. */
  submit_btn: boolean | string | null;
  /** A stop button shown in place of the submit button while an event updating this box runs: true for a square, a string for its text. */
  stop_btn: boolean | string | null;
  /** Pasted text longer than this many characters is attached as a `pasted_text.txt` file instead. */
  max_plain_text_length: number;
  /** HTML attributes of the text area (autocorrect, spellcheck, …). */
  html_attributes: {
    autocapitalize?: string | null;
    autocorrect?: string | null;
    spellcheck?: boolean | null;
    autocomplete?: string | null;
    tabindex?: number | null;
    enterkeyhint?: string | null;
    lang?: string | null;
  } | null;
}

const CSS = `
.vt-mmt-box { display: flex; flex-direction: column; gap: var(--spacing-sm); padding: var(--spacing-sm);
  background: var(--input-background-fill); border: var(--input-border-width) solid var(--input-border-color);
  border-radius: var(--input-radius); box-shadow: var(--input-shadow); }
.vt-mmt-box:focus-within { border-color: var(--input-border-color-focus); box-shadow: var(--input-shadow-focus); }
.vt-mmt-box[data-dragging="true"] { border-color: var(--color-accent); border-style: dashed; }
.vt-mmt-box[data-disabled="true"] { background: var(--background-fill-secondary); }
.vt-mmt-row { display: flex; align-items: flex-end; gap: var(--spacing-sm); }
.vt-mmt-text { flex: 1; min-width: 0; padding: var(--spacing-sm); font: inherit; font-size: var(--input-text-size);
  line-height: 1.5; color: var(--body-text-color); background: transparent; border: none; outline: none; resize: none; overflow-y: auto; }
.vt-mmt-text::placeholder { color: var(--input-placeholder-color); }
.vt-mmt-icon { display: inline-flex; align-items: center; justify-content: center; flex: none; min-width: 32px; height: 32px;
  padding: 0 var(--spacing-sm); font: inherit; font-size: var(--text-md); color: var(--body-text-color);
  background: transparent; border: 1px solid transparent; border-radius: var(--radius-md); cursor: pointer; }
.vt-mmt-icon:hover:not(:disabled) { background: var(--background-fill-secondary); border-color: var(--border-color-primary); }
.vt-mmt-icon:focus-visible { outline: 2px solid var(--color-accent); outline-offset: 1px; }
.vt-mmt-icon:disabled { opacity: 0.6; cursor: not-allowed; }
.vt-mmt-icon[data-recording="true"] { color: var(--error-text-color); border-color: var(--error-text-color); }
.vt-mmt-send { flex: none; width: auto; min-width: 32px; height: 32px; }
.vt-mmt-files { display: flex; flex-wrap: wrap; gap: var(--spacing-sm); margin: 0; padding: 0; list-style: none; }
.vt-mmt-file { position: relative; display: inline-flex; align-items: center; gap: var(--spacing-sm); max-width: 220px;
  padding: var(--spacing-xs) var(--spacing-sm); font-size: var(--text-sm); color: var(--body-text-color);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-mmt-file img { display: block; width: 48px; height: 48px; object-fit: cover; border-radius: var(--radius-sm); }
.vt-mmt-file-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.vt-mmt-remove { display: inline-flex; align-items: center; justify-content: center; flex: none; width: 22px; height: 22px; padding: 0;
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-full, 999px); cursor: pointer; }
.vt-mmt-remove:hover { border-color: var(--color-accent); }
.vt-mmt-progress { align-self: center; font-size: var(--text-sm); color: var(--body-text-color-subdued); }
.vt-mmt-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

/** The name a file shows: `orig_name`, else its path's last segment. */
export function fileLabel(file: FileData): string {
  return file.orig_name || file.path.split(/[\\/]/).pop()?.split("?")[0] || "file";
}

/** Whether a FileData is an image, by its MIME type or its name. */
export function isImage(file: FileData): boolean {
  if (file.mime_type) return file.mime_type.startsWith("image/");
  return /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i.test(fileLabel(file));
}

/** The wire value as the view reads it: null or a bare string become `{ text, files }`. */
export function asValue(value: unknown): MultimodalViewValue {
  if (value === null || value === undefined) return { text: "", files: [] };
  if (typeof value === "string") return { text: value, files: [] };
  const v = value as Partial<MultimodalViewValue>;
  return { text: typeof v.text === "string" ? v.text : "", files: Array.isArray(v.files) ? v.files : [] };
}

/** The paperclip icon of the attach button. */
function Paperclip() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M21.4 11.1l-9.2 9.2a6 6 0 01-8.5-8.5l9.2-9.2a4 4 0 015.7 5.7l-9.2 9.2a2 2 0 01-2.8-2.8l8.5-8.5" />
    </svg>
  );
}

/** The microphone icon. */
function Mic() {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <rect x="9" y="2" width="6" height="12" rx="3" />
      <path d="M5 10a7 7 0 0014 0M12 17v5" />
    </svg>
  );
}

/**
 * The MultimodalTextbox view: a text area with the attached files above it (thumbnails for
 * images, chips for other files, each with a remove button), an attach button (paperclip) that
 * opens the file chooser, drops and pastes of files, a microphone button with the "microphone"
 * source, and a submit button when interactive (a stop button in its place while an event that
 * updates this box runs). Enter submits a one-line box and Shift+Enter adds a line; with `lines > 1`, as in
 * Gradio, Shift+Enter submits and Enter adds a line. A submit waits for uploads under way.
 * Pasted text longer than `max_plain_text_length` is attached as `pasted_text.txt`.
 *
 * Like the Textbox view, the text area shows its own draft, which follows every keystroke; a
 * value from the server that differs from what the box last put there replaces it (a chat box
 * that clears itself after submit).
 */
export function MultimodalTextboxView({ value: raw, props, interactive, status, onChange, dispatch, upload, fileUrl }: ViewProps<MultimodalViewValue | null, MultimodalTextboxViewProps>) {
  adoptStylesheet("vt-mmt-style", CSS);
  const value = asValue(raw);
  const [draft, setDraft] = useState(value.text);
  /** The text the box last put in the store (or took from it). */
  const mine = useRef(value.text);
  const area = useRef<HTMLTextAreaElement>(null);
  const chooser = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const recorder = useRef<MicRecorder | null>(null);
  /** Uploads under way: a submit waits for them. */
  const pending = useRef(new Set<Promise<void>>());
  /** The latest value and draft, for callbacks that finish after a render. */
  const latest = useRef({ value, draft });
  latest.current = { value, draft };

  const lines = Math.max(1, props.lines ?? 1);
  const maxLines = Math.max(lines, props.max_lines ?? 20);
  const sources = props.sources ?? ["upload"];
  const types = props.file_types ?? null;
  const count = props.file_count ?? "single";
  const label = props.label ?? "MultimodalTextbox";
  const canUpload = interactive && sources.includes("upload");
  const canRecord = interactive && sources.includes("microphone");
  const showAttach = canUpload && !(count === "single" && value.files.length > 0);
  const running = status.stage === "pending" || status.stage === "generating";

  useLayoutEffect(() => {
    if (value.text === mine.current) return; // the store echoing the user's own typing
    mine.current = value.text;
    setDraft(value.text);
  }, [value.text]);

  // The text area grows with its text, from `lines` rows up to `max_lines`.
  useLayoutEffect(() => {
    const el = area.current;
    if (!el || typeof getComputedStyle !== "function") return;
    const style = getComputedStyle(el);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5 || 20;
    const padding = (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
    el.style.height = "auto";
    const min = lines * lineHeight + padding;
    const max = maxLines * lineHeight + padding;
    el.style.height = `${Math.min(max, Math.max(min, el.scrollHeight))}px`;
  }, [draft, lines, maxLines]);

  // Autoscroll: text the server puts in the box shows its end.
  useEffect(() => {
    const el = area.current;
    if (el && props.autoscroll !== false && document.activeElement !== el) el.scrollTop = el.scrollHeight;
  }, [value.text, props.autoscroll]);

  useEffect(() => () => recorder.current?.cancel(), []);

  function setFiles(files: FileData[]) {
    const text = latest.current.draft;
    mine.current = text;
    onChange({ text, files }, { userInput: true });
  }

  /** Uploads files (checked against `file_types`) and attaches them. */
  function attach(given: readonly File[]): Promise<void> {
    if (!given.length) return Promise.resolve();
    const refused = given.filter((f) => !matchesFileTypes(f.name, f.type, types));
    const accepted = given.filter((f) => matchesFileTypes(f.name, f.type, types));
    setError(refused.length ? `"${refused[0]!.name}" is not an allowed file type; allowed: ${describeFileTypes(types ?? [])}` : null);
    if (!accepted.length) return Promise.resolve();
    const chosen = count === "single" ? accepted.slice(0, 1) : accepted;
    setProgress(0);
    const job = upload(chosen, { onProgress: setProgress })
      .then((data) => {
        setFiles(count === "single" ? data.slice(0, 1) : [...latest.current.value.files, ...data]);
      })
      .catch((e: unknown) => setError((e as Error).message || "The upload failed."))
      .finally(() => {
        pending.current.delete(job);
        if (pending.current.size === 0) setProgress(null);
      });
    pending.current.add(job);
    return job;
  }

  function remove(index: number) {
    setFiles(latest.current.value.files.filter((_, i) => i !== index));
  }

  async function submit() {
    if (!interactive) return;
    if (recorder.current) await stopRecording();
    while (pending.current.size) await Promise.all([...pending.current]);
    dispatch("submit");
  }

  async function startRecording() {
    setError(null);
    try {
      const rec = new MicRecorder();
      await rec.start();
      recorder.current = rec;
      setRecording(true);
    } catch (e) {
      setError((e as Error).message || "Could not use the microphone.");
    }
  }

  async function stopRecording() {
    const rec = recorder.current;
    if (!rec) return;
    recorder.current = null;
    setRecording(false);
    const file = await rec.stop();
    if (file) await attach([file]);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
    const submits = lines > 1 ? e.shiftKey : !e.shiftKey;
    if (!submits) return;
    e.preventDefault();
    void submit();
  }

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    if (!canUpload || !e.clipboardData) return;
    const text = e.clipboardData.getData("text");
    if (text && text.length > (props.max_plain_text_length ?? 1000)) {
      e.preventDefault();
      void attach([new File([text], "pasted_text.txt", { type: "text/plain", lastModified: Date.now() })]);
      return;
    }
    const files = pastedFiles(e);
    if (files.length) void attach(files);
  }

  const { dragging, dropProps } = useFileDrop((files) => void attach(files), canUpload);

  const attrs = props.html_attributes ?? {};
  const directory = count === "directory" ? { webkitdirectory: "", directory: "" } : {};
  const showStop = !!props.stop_btn && running;

  return (
    <div className="vt-field vt-mmt">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div
        className="vt-mmt-box"
        role="group"
        aria-label={`${label}: message`}
        data-dragging={dragging}
        data-disabled={!interactive}
        {...dropProps}
      >
        {value.files.length > 0 || progress !== null ? (
          <ul className="vt-mmt-files" aria-label="Attached files">
            {value.files.map((file, i) => {
              const name = fileLabel(file);
              return (
                <li key={`${i}-${file.path}`} className="vt-mmt-file" title={name}>
                  {isImage(file) ? <img src={fileUrl(file)} alt={name} loading="lazy" /> : <span className="vt-mmt-file-name">{name}</span>}
                  {interactive ? (
                    <button type="button" className="vt-mmt-remove" aria-label={`Remove ${name}`} onClick={() => remove(i)}>✕</button>
                  ) : null}
                </li>
              );
            })}
            {progress !== null ? (
              <li className="vt-mmt-progress" role="status">Uploading… {Math.round(progress * 100)}%</li>
            ) : null}
          </ul>
        ) : null}
        <div className="vt-mmt-row">
          {showAttach ? (
            <>
              <button type="button" className="vt-mmt-icon" aria-label="Upload a file" title="Attach files" onClick={() => chooser.current?.click()}>
                <Paperclip />
              </button>
              <input ref={chooser} type="file" hidden aria-hidden="true" tabIndex={-1} accept={acceptAttribute(types)} multiple={count !== "single"} {...directory}
                onChange={(e) => { const chosen = [...(e.target.files ?? [])]; e.target.value = ""; void attach(chosen); }} />
            </>
          ) : null}
          <textarea
            ref={area}
            className="vt-mmt-text"
            rows={lines}
            value={draft}
            placeholder={props.placeholder ?? undefined}
            readOnly={!interactive}
            disabled={!interactive}
            autoFocus={props.autofocus}
            dir={props.rtl ? "rtl" : undefined}
            style={props.text_align ? { textAlign: props.text_align } : undefined}
            aria-label={label}
            autoCapitalize={attrs.autocapitalize ?? undefined}
            autoCorrect={attrs.autocorrect ?? undefined}
            spellCheck={attrs.spellcheck ?? undefined}
            autoComplete={attrs.autocomplete ?? undefined}
            tabIndex={attrs.tabindex ?? undefined}
            enterKeyHint={(attrs.enterkeyhint ?? undefined) as "enter" | undefined}
            lang={attrs.lang ?? undefined}
            onFocus={() => dispatch("focus")}
            onBlur={() => dispatch("blur")}
            onSelect={(e) => {
              const { selectionStart: start, selectionEnd: end, value: text } = e.currentTarget;
              if (start === end) return;
              dispatch("select", { index: [start, end], value: text.slice(start, end), selected: true });
            }}
            onChange={(e) => {
              const text = e.target.value;
              mine.current = text;
              setDraft(text);
              latest.current = { value: latest.current.value, draft: text };
              onChange({ text, files: latest.current.value.files }, { userInput: true });
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
          />
          {canRecord ? (
            <button type="button" className="vt-mmt-icon" data-recording={recording} aria-label={recording ? "Stop recording" : "Record audio"}
              aria-pressed={recording} onClick={() => void (recording ? stopRecording() : startRecording())}>
              <Mic />
            </button>
          ) : null}
          {showStop ? (
            <button type="button" className="vt-button vt-button-stop vt-button-sm vt-mmt-send" aria-label="Stop" onClick={() => dispatch("stop")}>
              {typeof props.stop_btn === "string" ? props.stop_btn : "■"}
            </button>
          ) : props.submit_btn && interactive ? (
            <button type="button" className="vt-button vt-button-primary vt-button-sm vt-mmt-send" aria-label="Submit" onClick={() => void submit()}>
              {typeof props.submit_btn === "string" ? props.submit_btn : "↑"}
            </button>
          ) : null}
        </div>
      </div>
      {error ? <span className="vt-mmt-error" role="alert">{error}</span> : null}
    </div>
  );
}
