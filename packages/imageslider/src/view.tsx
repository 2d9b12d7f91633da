import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type PointerEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { adoptStylesheet } from "@vitrine/core/browser";

/** Config props the ImageSlider view reads. */
export interface ImageSliderViewProps {
  /** Height of the component: pixels, or a CSS length. */
  height: number | string | null;
  /** Width of the component: pixels, or a CSS length. */
  width: number | string | null;
  /** Where the slider starts, as a percentage of the width from the left (0–100). */
  slider_position: number;
  /** Largest height of the shown images, in pixels. */
  max_height: number;
  /** The corner buttons (Gradio 6): "download", "fullscreen". */
  buttons: string[];
}

/** The wire value: the two images (either may be missing), or null. */
export type ImageSliderValue = [FileData | null, FileData | null] | null;

const CSS = `
.vt-slider-frame { position: relative; display: flex; align-items: center; justify-content: center; min-height: 120px; overflow: hidden;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md);
  touch-action: none; user-select: none; }
.vt-slider-stack { position: relative; max-width: 100%; cursor: ew-resize; }
.vt-slider-stack img { display: block; width: 100%; height: 100%; object-fit: contain; pointer-events: none; }
.vt-slider-stack img.vt-slider-first { position: absolute; inset: 0; }
.vt-slider-line { position: absolute; top: 0; bottom: 0; width: 2px; margin-left: -1px; background: var(--block-background-fill);
  box-shadow: 0 0 2px var(--body-text-color); pointer-events: none; }
.vt-slider-knob { position: absolute; top: 50%; width: 28px; height: 28px; margin: -14px 0 0 -14px; border-radius: 50%; cursor: ew-resize;
  display: flex; align-items: center; justify-content: center; font-size: var(--text-sm); color: var(--body-text-color);
  background: var(--block-background-fill); border: 2px solid var(--border-color-primary); outline: none; }
.vt-slider-knob:focus-visible, .vt-slider-knob:hover { border-color: var(--color-accent); }
.vt-slider-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); display: flex; gap: var(--spacing-sm); z-index: 1; }
.vt-slider-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-slider-tool:hover, .vt-slider-tool:focus-visible { border-color: var(--color-accent); }
.vt-slider-slots { display: grid; grid-template-columns: 1fr 1fr; gap: var(--spacing-md); }
.vt-slider-slot { position: relative; display: flex; align-items: center; justify-content: center; min-height: 160px; overflow: hidden;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-slider-slot img { max-width: 100%; max-height: var(--vt-slider-max, 500px); }
.vt-slider-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-sm); width: 100%;
  min-height: 160px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-slider-drop:focus-visible, .vt-slider-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-slider-drop strong { color: var(--body-text-color); }
.vt-slider-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/**
 * The images' box: the second image's aspect ratio, as wide as the component allows and no
 * taller than `max_height` (small images are scaled up, as Gradio shows them).
 */
function stackStyle(natural: [number, number] | null, maxHeight: number): Record<string, string> | undefined {
  if (!natural || !natural[0] || !natural[1]) return undefined;
  const [w, h] = natural;
  return { aspectRatio: `${w} / ${h}`, width: `min(100%, ${(maxHeight * w) / h}px)` };
}

const clamp = (n: number) => Math.min(100, Math.max(0, n));
const SIDES = ["first", "second"] as const;

/**
 * The ImageSlider view: the second image under the first, the first shown left of the slider
 * and the second right of it. Drag anywhere on the images (or use the arrow keys, Home, End,
 * Page Up/Down on the handle) to move the slider. When interactive, each missing image has an
 * upload area (click or drop; a drop of two images fills both).
 */
export function ImageSliderView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<ImageSliderValue, ImageSliderViewProps>) {
  adoptStylesheet("vt-slider-style", CSS);
  const [position, setPosition] = useState(() => clamp(props.slider_position ?? 50));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const stack = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const inputs = [useRef<HTMLInputElement>(null), useRef<HTMLInputElement>(null)];
  const dragging = useRef(false);
  const [natural, setNatural] = useState<[number, number] | null>(null);

  // A new slider_position from the server (an update) moves the slider.
  useEffect(() => setPosition(clamp(props.slider_position ?? 50)), [props.slider_position]);

  const pair: [FileData | null, FileData | null] = value ?? [null, null];
  const label = props.label ?? "Image slider";
  const buttons = props.buttons ?? ["download", "fullscreen"];
  const maxHeight = `${props.max_height ?? 500}px`;

  function moveTo(clientX: number) {
    const rect = stack.current?.getBoundingClientRect();
    if (!rect || !rect.width) return;
    setPosition(clamp(((clientX - rect.left) / rect.width) * 100));
  }

  function onPointerDown(e: PointerEvent<HTMLDivElement>) {
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    moveTo(e.clientX);
  }

  function onKey(e: KeyboardEvent) {
    const step = e.shiftKey ? 10 : 1;
    const next: Record<string, number> = { ArrowLeft: position - step, ArrowDown: position - step, ArrowRight: position + step, ArrowUp: position + step,
      PageDown: position - 10, PageUp: position + 10, Home: 0, End: 100 };
    if (e.key in next) {
      e.preventDefault();
      setPosition(clamp(next[e.key]!));
    }
  }

  /** Uploads images into the slots from `side` on (a drop of two fills both). */
  async function take(files: readonly File[], side: 0 | 1) {
    const images = files.filter((f) => f.type === "" || f.type.startsWith("image/"));
    if (images.length === 0) return setError("That is not an image.");
    setError(null);
    setBusy(side);
    try {
      const slots = images.length >= 2 && !pair[0] && !pair[1] ? [0, 1] : [side];
      const uploaded = await upload(images.slice(0, slots.length));
      const next: [FileData | null, FileData | null] = [...pair];
      slots.forEach((slot, i) => (next[slot] = uploaded[i] ?? null));
      onChange(next, { userInput: true });
      dispatch("upload", next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  function clear() {
    setError(null);
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  const tools = (
    <div className="vt-slider-tools">
      {buttons.includes("download")
        ? pair.map((file, i) =>
            file ? (
              <a key={i} className="vt-slider-tool" href={fileUrl(file)} download={file.orig_name ?? `image-${i + 1}`}
                aria-label={`Download image ${i + 1}`} title={`Download the ${SIDES[i]} image`}><DownloadIcon />{i + 1}</a>
            ) : null,
          )
        : null}
      {buttons.includes("fullscreen") ? (
        <button type="button" className="vt-slider-tool" aria-label="Fullscreen" title="Fullscreen"
          onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())}><FullscreenIcon /></button>
      ) : null}
      {interactive ? <button type="button" className="vt-slider-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button> : null}
    </div>
  );

  const style: Record<string, string> = { "--vt-slider-max": maxHeight };
  const height = cssLength(props.height);
  const width = cssLength(props.width);
  if (height) style.height = height;

  let body;
  if (pair[0] && pair[1]) {
    body = (
      <div className="vt-slider-frame" ref={frame} style={style}>
        {tools}
        <div className="vt-slider-stack" ref={stack} onPointerDown={onPointerDown} style={stackStyle(natural, props.max_height ?? 500)}
          onPointerMove={(e) => dragging.current && moveTo(e.clientX)}
          onPointerUp={() => (dragging.current = false)} onPointerCancel={() => (dragging.current = false)}>
          <img className="vt-slider-second" src={fileUrl(pair[1])} alt={`${label}: second image`} draggable={false}
            onLoad={(e) => setNatural([e.currentTarget.naturalWidth, e.currentTarget.naturalHeight])} />
          <img className="vt-slider-first" src={fileUrl(pair[0])} alt={`${label}: first image`} draggable={false}
            style={{ clipPath: `inset(0 ${100 - position}% 0 0)` }} />
          <div className="vt-slider-line" style={{ left: `${position}%` }} />
          <div className="vt-slider-knob" role="slider" tabIndex={0} aria-label={`${label}: slider position`}
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(position * 10) / 10} aria-orientation="horizontal"
            style={{ left: `${position}%` }} onKeyDown={onKey}>⇔</div>
        </div>
      </div>
    );
  } else if (interactive || pair[0] || pair[1]) {
    body = (
      <div className="vt-slider-slots" ref={frame} style={style}>
        {pair.map((file, i) => {
          const side = i as 0 | 1;
          if (file) {
            return (
              <div key={i} className="vt-slider-slot">
                <img src={fileUrl(file)} alt={`${label}: ${SIDES[i]} image`} />
              </div>
            );
          }
          if (!interactive) return <div key={i} className="vt-slider-slot" aria-label={`${label}: no ${SIDES[i]} image`} />;
          return (
            <div key={i} className="vt-slider-drop" role="button" tabIndex={0} aria-label={`${label}: upload the ${SIDES[i]} image`}
              data-dragging={dragOver === i}
              onClick={() => inputs[i]!.current?.click()}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), inputs[i]!.current?.click())}
              onDragOver={(e: DragEvent) => { e.preventDefault(); setDragOver(i); }}
              onDragLeave={() => setDragOver(null)}
              onDrop={(e: DragEvent) => { e.preventDefault(); setDragOver(null); void take([...e.dataTransfer.files], side); }}>
              {busy === i ? <span>Uploading…</span> : <><strong>{i === 0 ? "First image" : "Second image"}</strong><span>Drop an image or click to upload</span></>}
              <input ref={inputs[i]} type="file" accept="image/*" multiple={i === 0} hidden aria-hidden="true" tabIndex={-1}
                onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; void take(files, side); }} />
            </div>
          );
        })}
      </div>
    );
  } else {
    body = <div className="vt-slider-frame" style={style} aria-label={`${label}: empty`} />;
  }

  return (
    <div className="vt-field vt-imageslider" style={width ? { width } : undefined}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {body}
      {interactive && (pair[0] || pair[1]) && !(pair[0] && pair[1]) ? (
        <button type="button" className="vt-slider-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button>
      ) : null}
      {error ? <span className="vt-slider-error" role="alert">{error}</span> : null}
    </div>
  );
}

/** The download buttons' icon (an arrow onto a line); the button's text is the image's number, which its name includes. */
function DownloadIcon() {
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
      <path d="M8 1v9M4 6l4 4 4-4M2 14h12" />
    </svg>
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
