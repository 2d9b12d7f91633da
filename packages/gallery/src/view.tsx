import { useEffect, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { Webcam } from "@vitrine/image/webcam";
import { acceptOf, matchesFileTypes } from "./filetypes.js";
import { isGalleryVideo, galleryItemFile, type GalleryItem } from "./items.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { useViewportWidth, valueForWidth, type PerScreenSize } from "./breakpoints.js";
import { pastedFiles, readClipboard, useFileDrop } from "@vitrine/view-kit";

/** Config props the Gallery view reads. */
export interface GalleryViewProps {
  /** Thumbnails in a row, or one count per screen size (see breakpoints.ts). */
  columns: PerScreenSize | null;
  /** Rows of thumbnails shown before the grid scrolls (with no `height`), or one count per screen size. */
  rows: PerScreenSize | null;
  /** Height of the gallery: pixels, or a CSS length; more thumbnails than fit scroll. */
  height: number | string | null;
  /** Whether clicking a thumbnail opens the large preview. */
  allow_preview: boolean;
  /** Whether the gallery starts in preview mode (on the first image). */
  preview: boolean | null;
  /** The item selected (and previewed) at start, or null. */
  selected_index: number | null;
  /** How thumbnails fill their cells: "contain", "cover" (the look by default), "fill", "none", "scale-down". */
  object_fit: "contain" | "cover" | "fill" | "none" | "scale-down" | null;
  /** The corner buttons (Gradio 6): "download", "download_all", "fullscreen", "share" (shows nothing). */
  buttons: string[];
  /** Whether fewer items than `columns` stretch to the full width. */
  fit_columns: boolean;
  /** The files the user may upload: extensions, categories ("image", "video") or MIME types. */
  file_types: string[] | null;
  /** Where an interactive gallery takes images from: "upload", "clipboard", "webcam". */
  sources: string[];
}

const CSS = `
.vt-gallery { position: relative; }
.vt-gallery-body { position: relative; container-type: inline-size; background: var(--block-background-fill); }
.vt-gallery-tools { display: flex; justify-content: flex-end; gap: var(--spacing-sm); margin-bottom: var(--spacing-sm); min-height: 0; }
.vt-gallery-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-gallery-tool:hover, .vt-gallery-tool:focus-visible { border-color: var(--color-accent); }
.vt-gallery-grid { display: grid; gap: var(--spacing-md); overflow-y: auto; padding: 2px; }
.vt-gallery-cell { position: relative; min-width: 0; }
.vt-gallery-thumb { position: relative; display: block; width: 100%; aspect-ratio: 1; padding: 0; overflow: hidden; cursor: pointer;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); font: inherit; }
.vt-gallery-thumb:hover, .vt-gallery-thumb:focus-visible { border-color: var(--color-accent); outline: none; }
.vt-gallery-thumb[aria-current="true"] { border-color: var(--color-accent); box-shadow: 0 0 0 2px var(--color-accent); }
.vt-gallery-thumb img, .vt-gallery-thumb video { display: block; width: 100%; height: 100%; object-fit: var(--vt-gallery-fit, cover); pointer-events: none; }
.vt-gallery-caption { position: absolute; left: 0; right: 0; bottom: 0; padding: var(--spacing-xs) var(--spacing-sm); overflow: hidden;
  white-space: nowrap; text-overflow: ellipsis; font-size: var(--text-sm); color: var(--body-text-color);
  background: var(--block-background-fill); opacity: 0.9; text-align: center; }
.vt-gallery-remove { position: absolute; top: var(--spacing-xs); right: var(--spacing-xs); z-index: 1; min-width: 22px; height: 22px; padding: 0; }
.vt-gallery-add { display: flex; align-items: center; justify-content: center; width: 100%; aspect-ratio: 1; font-size: var(--text-xl);
  color: var(--body-text-color-subdued); background: none; border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; }
.vt-gallery-add:hover, .vt-gallery-add:focus-visible { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-gallery-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-md);
  width: 100%; min-height: 160px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-gallery-drop:focus-visible, .vt-gallery [data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-gallery-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-gallery-empty { display: flex; align-items: center; justify-content: center; min-height: 120px; color: var(--body-text-color-subdued);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-gallery-preview { display: flex; flex-direction: column; gap: var(--spacing-sm); outline: none; }
.vt-gallery-stage { position: relative; display: flex; align-items: center; justify-content: center; min-height: 200px; height: var(--vt-gallery-stage, 360px);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); overflow: hidden; }
.vt-gallery-stage img, .vt-gallery-stage video { width: 100%; height: 100%; object-fit: contain; }
.vt-gallery-stage img { cursor: pointer; }
.vt-gallery-nav { position: absolute; top: 50%; transform: translateY(-50%); z-index: 1; }
.vt-gallery-nav[data-side="prev"] { left: var(--spacing-sm); }
.vt-gallery-nav[data-side="next"] { right: var(--spacing-sm); }
.vt-gallery-stage .vt-gallery-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); z-index: 1; margin: 0; }
.vt-gallery-preview-caption { margin: 0; text-align: center; color: var(--body-text-color); font-size: var(--text-md); }
.vt-gallery-strip { display: flex; gap: var(--spacing-sm); overflow-x: auto; padding: 2px; }
.vt-gallery-strip .vt-gallery-thumb { flex: 0 0 64px; width: 64px; height: 64px; }
.vt-gallery-error { color: var(--error-text-color); font-size: var(--text-sm); }
.vt-gallery-sources { display: flex; justify-content: center; gap: var(--spacing-sm); margin-top: var(--spacing-sm); }
.vt-gallery-sources .vt-gallery-tool[aria-pressed="true"] { border-color: var(--color-accent); color: var(--color-accent); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/** The accessible name of item `index`: "Image 2: a caption", "Video 1". */
export function itemName(item: GalleryItem, index: number): string {
  const kind = isGalleryVideo(item) ? "Video" : "Image";
  return item.caption ? `${kind} ${index + 1}: ${item.caption}` : `${kind} ${index + 1}`;
}

/** One item's media: an `<img>` or a `<video>`. */
function Media({ item, url, large }: { item: GalleryItem; url: string; large?: boolean }) {
  if (isGalleryVideo(item)) return large ? <video src={url} controls aria-label={item.caption ?? "video"} /> : <video src={url} muted preload="metadata" />;
  return <img src={url} alt={item.caption ?? ""} draggable={false} loading={large ? undefined : "lazy"} />;
}

/** Saves a file in the browser: a link with `download`, clicked. */
function downloadFile(url: string, name: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** The names of the source buttons. */
const SOURCE_NAMES: Record<string, string> = { upload: "Upload", webcam: "Webcam", clipboard: "Clipboard" };

/**
 * The Gallery view: a grid of thumbnails (`columns`, `rows`, `height`, `object_fit`) with
 * captions; clicking one selects it and, with `allow_preview`, opens a large preview with its
 * caption, previous/next buttons (and the arrow keys), a download button and a close button
 * (and Escape). An interactive gallery takes more images by upload, drop or paste, or (the
 * "webcam" source) a photo from the camera, and each thumbnail gets a remove button.
 */
export function GalleryView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<GalleryItem[] | null, GalleryViewProps>) {
  adoptStylesheet("vt-gallery-style", CSS);
  const items = value ?? [];
  const allowPreview = props.allow_preview !== false;
  const [selected, setSelected] = useState<number | null>(() => props.selected_index ?? (props.preview && items.length ? 0 : null));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);

  // A new selected_index from the server (an update) selects that item.
  const lastSelectedProp = useRef(props.selected_index);
  useEffect(() => {
    if (props.selected_index === lastSelectedProp.current) return;
    lastSelectedProp.current = props.selected_index;
    if (props.selected_index !== undefined) setSelected(props.selected_index);
  }, [props.selected_index]);
  // A shorter value keeps the selection in range; an empty one drops it.
  const current = selected === null || items.length === 0 ? null : Math.min(selected, items.length - 1);
  const previewing = allowPreview && current !== null;
  useEffect(() => {
    if (previewing) previewRef.current?.focus();
  }, [previewing]);

  const buttons = props.buttons ?? ["download", "download_all", "fullscreen"];
  const sources = props.sources ?? ["upload"];
  const canUpload = interactive && sources.includes("upload");
  const canPaste = interactive && sources.includes("clipboard");
  const canWebcam = interactive && sources.includes("webcam");
  const label = props.label ?? "Gallery";
  /** Whether the camera is shown (the "webcam" source): at first when it is the first source and the gallery is empty. */
  const [camera, setCamera] = useState(() => canWebcam && sources[0] === "webcam" && items.length === 0);
  const showCamera = canWebcam && camera;
  /** The latest items, for a photo whose upload ends after the value changed. */
  const latestItems = useRef(items);
  latestItems.current = items;

  function select(index: number) {
    setSelected(index);
    dispatch("select", { index, value: items[index], selected: true });
  }

  function open(index: number) {
    select(index);
    if (allowPreview && current === null) dispatch("preview_open");
  }

  function close() {
    setSelected(null);
    dispatch("preview_close");
  }

  function step(delta: number) {
    if (current === null || items.length === 0) return;
    select((current + delta + items.length) % items.length);
  }

  function onPreviewKey(e: KeyboardEvent) {
    if (e.key === "Escape") { e.preventDefault(); close(); }
    else if (e.key === "ArrowRight") { e.preventDefault(); step(1); }
    else if (e.key === "ArrowLeft") { e.preventDefault(); step(-1); }
  }

  function onStageClick(e: MouseEvent<HTMLImageElement>) {
    const rect = e.currentTarget.getBoundingClientRect();
    step(e.clientX - rect.left < rect.width / 2 ? -1 : 1);
  }

  async function take(files: readonly File[]) {
    const accepted = files.filter((f) => matchesFileTypes(f.name, f.type || null, props.file_types));
    if (accepted.length === 0) {
      setError(props.file_types?.length ? `Only ${props.file_types.join(", ")} files are allowed.` : "Those files are not images or videos.");
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const uploaded = await upload(accepted);
      const added: GalleryItem[] = uploaded.map((file, i) => {
        const mime = file.mime_type ?? accepted[i]?.type ?? "";
        return mime.startsWith("video/") ? { video: file, caption: null } : { image: file, caption: null };
      });
      onChange([...items, ...added], { userInput: true });
      dispatch("upload", added);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  /** A webcam photo: uploaded and added at the end; as in Gradio it fires `change` (not `upload`), and the gallery shows again. */
  async function captured(photo: Blob) {
    const file = new File([photo], "webcam.png", { type: "image/png" });
    if (!matchesFileTypes(file.name, file.type, props.file_types)) {
      setError(`Only ${(props.file_types ?? []).join(", ")} files are allowed.`);
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const [data] = await upload([file]);
      if (!data) return;
      onChange([...latestItems.current, { image: data, caption: null }], { userInput: true });
      setCamera(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  /** The Clipboard source button: the first image or video on the clipboard. */
  async function pasteButton() {
    try {
      const blob = await readClipboard((type) => type.startsWith("image/") || type.startsWith("video/"));
      if (blob) await take([new File([blob], `clipboard.${blob.type.split("/")[1]}`, { type: blob.type })]);
      else setError("The clipboard holds no image.");
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function remove(index: number) {
    const item = items[index]!;
    dispatch("delete", { file: galleryItemFile(item), index });
    if (current !== null && current >= items.length - 1) setSelected(items.length > 1 ? items.length - 2 : null);
    onChange(items.filter((_, i) => i !== index), { userInput: true });
  }

  const { dragging, dropProps } = useFileDrop((files) => void take(files), canUpload);

  function onPaste(e: ClipboardEvent) {
    if (!canPaste) return;
    const files = pastedFiles(e);
    if (files.length) void take(files);
  }

  const fileInput = canUpload ? (
    <input ref={input} type="file" multiple accept={acceptOf(props.file_types)} hidden aria-hidden="true" tabIndex={-1}
      onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; void take(files); }} />
  ) : null;

  const viewport = useViewportWidth();
  const columns = Math.max(1, valueForWidth(props.columns ?? 2, viewport));
  const rows = props.rows == null ? null : valueForWidth(props.rows, viewport);
  const shownColumns = props.fit_columns !== false && items.length > 0 ? Math.min(columns, items.length + (canUpload ? 1 : 0)) : columns;
  const height = cssLength(props.height);
  const gridStyle: Record<string, string> = {
    gridTemplateColumns: `repeat(${shownColumns}, minmax(0, 1fr))`,
    "--vt-gallery-fit": props.object_fit ?? "cover",
  };
  if (height) gridStyle.height = height;
  else if (rows) gridStyle.maxHeight = `calc(${rows} * (100cqw / ${shownColumns}))`;

  const selectedItem = current !== null ? items[current] : undefined;
  const selectedUrl = selectedItem ? fileUrl(galleryItemFile(selectedItem)) : null;
  const nameOf = (file: FileData, i: number) => file.orig_name ?? `image-${i + 1}`;

  return (
    <div className="vt-field vt-gallery" ref={root} data-dragging={dragging} onPaste={onPaste} {...dropProps}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {items.length > 0 && !previewing && (buttons.includes("download_all") || buttons.includes("fullscreen") || interactive) ? (
        <div className="vt-gallery-tools">
          {buttons.includes("download_all") ? (
            <button type="button" className="vt-gallery-tool" aria-label="Download all" title="Download all"
              onClick={() => items.forEach((item, i) => downloadFile(fileUrl(galleryItemFile(item)), nameOf(galleryItemFile(item), i)))}>⤓ all</button>
          ) : null}
          {buttons.includes("fullscreen") ? (
            <button type="button" className="vt-gallery-tool" aria-label="Fullscreen" title="Fullscreen"
              onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : root.current?.requestFullscreen())}><FullscreenIcon /></button>
          ) : null}
          {interactive ? (
            <button type="button" className="vt-gallery-tool" aria-label="Clear" title="Clear" onClick={() => { setSelected(null); onChange([], { userInput: true }); }}>✕</button>
          ) : null}
        </div>
      ) : null}
      <div className="vt-gallery-body">
        {showCamera ? (
          <Webcam
            label={label}
            mirror
            constraints={null}
            streaming={false}
            streamEvery={0.5}
            timeLimit={null}
            streamActive={undefined}
            height={height}
            onCapture={(photo) => void captured(photo)}
            onFrame={() => undefined}
            onStart={() => undefined}
            onStop={() => undefined}
          />
        ) : previewing && selectedItem && selectedUrl ? (
          <div className="vt-gallery-preview" role="dialog" aria-label={`${label} preview`} tabIndex={-1} ref={previewRef} onKeyDown={onPreviewKey}
            style={height ? ({ "--vt-gallery-stage": height } as Record<string, string>) : undefined}>
            <div className="vt-gallery-stage">
              <div className="vt-gallery-tools">
                {buttons.includes("download") ? (
                  <a className="vt-gallery-tool" href={selectedUrl} download={nameOf(galleryItemFile(selectedItem), current!)} aria-label="Download" title="Download">⤓</a>
                ) : null}
                {buttons.includes("fullscreen") ? (
                  <button type="button" className="vt-gallery-tool" aria-label="Fullscreen" title="Fullscreen"
                    onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : root.current?.requestFullscreen())}><FullscreenIcon /></button>
                ) : null}
                <button type="button" className="vt-gallery-tool" aria-label="Close preview" title="Close preview" onClick={close}>✕</button>
              </div>
              {items.length > 1 ? (
                <>
                  <button type="button" className="vt-gallery-tool vt-gallery-nav" data-side="prev" aria-label="Previous image" onClick={() => step(-1)}>‹</button>
                  <button type="button" className="vt-gallery-tool vt-gallery-nav" data-side="next" aria-label="Next image" onClick={() => step(1)}>›</button>
                </>
              ) : null}
              {isGalleryVideo(selectedItem) ? <Media item={selectedItem} url={selectedUrl} large /> : (
                <img src={selectedUrl} alt={itemName(selectedItem, current!)} draggable={false} onClick={onStageClick} className="vt-gallery-large" />
              )}
            </div>
            {selectedItem.caption ? <p className="vt-gallery-preview-caption" data-testid="gallery-caption">{selectedItem.caption}</p> : null}
            <div className="vt-gallery-strip" role="group" aria-label="Thumbnails">
              {items.map((item, i) => (
                <button key={i} type="button" className="vt-gallery-thumb" aria-label={`Show ${itemName(item, i)}`} aria-current={i === current}
                  style={{ "--vt-gallery-fit": props.object_fit ?? "cover" } as Record<string, string>} onClick={() => select(i)}>
                  <Media item={item} url={fileUrl(galleryItemFile(item))} />
                </button>
              ))}
            </div>
          </div>
        ) : items.length > 0 ? (
          <div className="vt-gallery-grid" role="list" aria-label={label} style={gridStyle}>
            {items.map((item, i) => (
              <div key={i} className="vt-gallery-cell" role="listitem">
                <button type="button" className="vt-gallery-thumb" aria-label={itemName(item, i)} aria-current={i === current} onClick={() => open(i)}>
                  <Media item={item} url={fileUrl(galleryItemFile(item))} />
                  {item.caption ? <span className="vt-gallery-caption">{item.caption}</span> : null}
                </button>
                {interactive ? (
                  <button type="button" className="vt-gallery-tool vt-gallery-remove" aria-label={`Remove ${itemName(item, i)}`} onClick={() => remove(i)}>✕</button>
                ) : null}
              </div>
            ))}
            {canUpload ? (
              <div className="vt-gallery-cell" role="listitem">
                <button type="button" className="vt-gallery-add" aria-label={`${label}: add images`} onClick={() => input.current?.click()}>
                  {busy ? "…" : "+"}
                </button>
              </div>
            ) : null}
          </div>
        ) : canUpload || canPaste ? (
          <div className="vt-gallery-drop" role="button" tabIndex={0} aria-label={`${label}: upload images`} data-dragging={dragging}
            style={height ? { minHeight: height } : undefined}
            onClick={() => canUpload && input.current?.click()}
            onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && canUpload && (e.preventDefault(), input.current?.click())}>
            {busy ? <span>Uploading…</span> : (
              <>
                <strong>{canUpload ? "Drop images or videos here" : "Paste an image"}</strong>
                {canUpload ? <span>— or click to upload{canPaste ? ", or paste" : ""} —</span> : null}
              </>
            )}
          </div>
        ) : (
          <div className="vt-gallery-empty" style={height ? { height } : undefined} aria-label={`${label}: empty`}>No images</div>
        )}
        {fileInput}
      </div>
      {busy && showCamera ? <span>Uploading…</span> : null}
      {canWebcam ? (
        <div className="vt-gallery-sources" role="group" aria-label={`${label}: source`}>
          {sources.map((s) => (
            <button key={s} type="button" className="vt-gallery-tool" aria-pressed={s === "webcam" ? showCamera : s === "upload" ? !showCamera : undefined}
              onClick={() => {
                setError(null);
                setCamera(s === "webcam");
                if (s === "clipboard") void pasteButton();
              }}>
              {SOURCE_NAMES[s] ?? s}
            </button>
          ))}
        </div>
      ) : null}
      {error ? <span className="vt-gallery-error" role="alert">{error}</span> : null}
    </div>
  );
}

/** The fullscreen button's icon (four corners). */
function FullscreenIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M1 5V1h4M11 1h4v4M15 11v4h-4M5 15H1v-4" />
    </svg>
  );
}
