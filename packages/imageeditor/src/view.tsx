import { useEffect, useReducer, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent, type PointerEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { Webcam } from "@vitrine/image/webcam";
import {
  autoSize,
  backgroundFor,
  blankDoc,
  canvasPoint,
  compose,
  compositeCanvas,
  context2d,
  copyDoc,
  cropDoc,
  layerFrom,
  loadBlob,
  loadImage,
  makeCanvas,
  makeLayer,
  pngBlob,
  rectBetween,
  resizeDoc,
  type Anchor,
  type EditorDoc,
  type Rect,
} from "./canvas.js";
import type { BrushColor, BrushSettings, EraserSettings, LayerSettings } from "./tools.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { pastedFiles, readClipboard, useFileDrop } from "@vitrine/view-kit";

/** The wire value the view reads and sets (Gradio's EditorData). */
export interface EditorWireValue {
  /** The background image, or null. */
  background: FileData | null;
  /** The layers drawn over the background, bottom first. */
  layers: FileData[];
  /** The background with every visible layer drawn over it, or null. */
  composite: FileData | null;
  /** Gradio's optional id of the edited value, kept for compatibility (Vitrine does not read it). */
  id?: string | null;
}

/** Config props the ImageEditor view reads. */
export interface ImageEditorViewProps {
  /** Height of the component: pixels, or a CSS length (the canvas keeps its own resolution). */
  height: number | string | null;
  /** Width of the component: pixels, or a CSS length. */
  width: number | string | null;
  /** Where the user may take a background image from. */
  sources: ("upload" | "webcam" | "clipboard")[];
  /** Whether a download button (the composite) is shown. */
  show_download_button: boolean;
  /** Whether a fullscreen button is shown. */
  show_fullscreen_button: boolean;
  /** Text shown over an empty canvas that takes an upload (a `#` line is a heading). */
  placeholder: string | null;
  /** The transforms offered ("crop", "resize"); `[]` or null for none. */
  transforms: ("crop" | "resize")[];
  /** The brush's options (`Brush({...})`), null for the defaults, or false to hide the brush (and the eraser). */
  brush: BrushSettings | false;
  /** The eraser's options (`Eraser({...})`), null for the defaults, or false to hide the eraser. */
  eraser: EraserSettings | false;
  /** Whether the user may work with layers (true, default), not (false: one layer), or `LayerOptions({...})`. */
  layers: LayerSettings;
  /** The blank canvas's size `[width, height]` in pixels. */
  canvas_size: [number, number];
  /** Whether an uploaded background is scaled to fit `canvas_size` (true) or the canvas takes its size (false, default). */
  fixed_canvas: boolean;
  /** The "webcam" source's options: mirrored or not, and the camera constraints. */
  webcam_options?: { mirror?: boolean; constraints?: Record<string, unknown> | null } | null;
}

type Tool = "brush" | "eraser" | "crop" | "resize";

const ANCHORS: readonly Anchor[] = ["top-left", "top", "top-right", "left", "center", "right", "bottom-left", "bottom", "bottom-right"];

/** How many steps undo keeps at most, and how many bytes of canvases it aims to stay under (at least 5 steps). */
const HISTORY = 50;
const HISTORY_BYTES = 256 * 1024 * 1024;

const CSS = `
.vt-ie { display: flex; flex-direction: column; gap: var(--spacing-sm); outline: none; }
.vt-ie-bar { display: flex; flex-wrap: wrap; align-items: center; gap: var(--spacing-sm); }
.vt-ie-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-ie-tool:hover:not(:disabled) { border-color: var(--color-accent); }
.vt-ie-tool[aria-pressed="true"] { border-color: var(--color-accent); background: var(--color-accent-soft); }
.vt-ie-tool:disabled { opacity: 0.5; cursor: default; }
.vt-ie-swatch { width: 24px; height: 24px; padding: 0; border-radius: var(--radius-full, 999px); border: 2px solid var(--border-color-primary); cursor: pointer; }
.vt-ie-swatch[aria-pressed="true"] { border-color: var(--body-text-color); }
.vt-ie-size { display: inline-flex; align-items: center; gap: var(--spacing-xs, 4px); font-size: var(--text-sm); color: var(--body-text-color); }
.vt-ie-frame { position: relative; display: flex; align-items: center; justify-content: center; min-height: 120px; overflow: hidden;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-ie-frame[data-dragging="true"] { border-color: var(--color-accent); }
.vt-ie-frame canvas { display: block; max-width: 100%; max-height: 100%; touch-action: none; cursor: crosshair;
  background-image: linear-gradient(45deg, var(--border-color-primary) 25%, transparent 25%), linear-gradient(-45deg, var(--border-color-primary) 25%, transparent 25%);
  background-size: 16px 16px; }
.vt-ie-frame img { display: block; max-width: 100%; max-height: 100%; }
.vt-ie-hint { position: absolute; inset: auto 0 var(--spacing-md) 0; display: flex; flex-direction: column; align-items: center; gap: 2px;
  color: var(--body-text-color-subdued); font-size: var(--text-sm); pointer-events: none; text-align: center; }
.vt-ie-hint strong { color: var(--body-text-color); font-size: var(--text-md); }
.vt-ie-layers { display: flex; flex-wrap: wrap; align-items: center; gap: var(--spacing-sm); font-size: var(--text-sm); color: var(--body-text-color); }
.vt-ie-layer { display: inline-flex; gap: 2px; }
.vt-ie-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

/** A brush colour's CSS colour and opacity. */
function colorParts(color: BrushColor): { css: string; alpha: number } {
  return typeof color === "string" ? { css: color, alpha: 1 } : { css: color[0], alpha: color[1] };
}

function colorName(color: BrushColor): string {
  const { css, alpha } = colorParts(color);
  return alpha === 1 ? css : `${css} at ${Math.round(alpha * 100)}%`;
}

/**
 * The video constraints `getUserMedia` gets from `webcam_options.constraints`: Gradio's form
 * `{ video: {...} }` is unwrapped; any other object is taken as the video constraints themselves.
 */
export function videoConstraints(constraints: Record<string, unknown> | null | undefined): MediaTrackConstraints | null {
  if (!constraints) return null;
  if ("video" in constraints) return typeof constraints.video === "object" && constraints.video !== null ? (constraints.video as MediaTrackConstraints) : null;
  return constraints as MediaTrackConstraints;
}

/** Identifies a wire value by its files, to tell the view's own values from new ones. */
function valueKey(value: EditorWireValue | null | undefined): string {
  if (!value) return "null";
  return JSON.stringify([value.background?.path ?? null, value.layers?.map((l) => l.path) ?? [], value.composite?.path ?? null]);
}

/**
 * The ImageEditor view: a canvas at the image's natural resolution with a background (uploaded,
 * pasted or blank white) and layers drawn with a brush and erased with an eraser; crop, undo and
 * redo (buttons, Ctrl+Z and Ctrl+Shift+Z), clear. When the user finishes an edit it uploads the
 * background, each layer and the composite as PNGs and sets the value. Not interactive, it
 * shows the composite.
 */
export function ImageEditorView(view: ViewProps<EditorWireValue | null, ImageEditorViewProps>) {
  adoptStylesheet("vt-imageeditor-style", CSS);
  return view.interactive ? <InteractiveEditor {...view} /> : <StaticEditor {...view} />;
}

/** The composite as a plain image, with download and fullscreen buttons; a click selects a pixel. */
function StaticEditor({ value, props, dispatch, fileUrl }: ViewProps<EditorWireValue | null, ImageEditorViewProps>) {
  const frame = useRef<HTMLDivElement>(null);
  const label = props.label ?? "Image editor";
  const shown = value?.composite ?? value?.background ?? null;
  const url = shown ? fileUrl(shown) : null;
  function select(e: MouseEvent<HTMLImageElement>) {
    const img = e.currentTarget;
    const rect = img.getBoundingClientRect();
    if (!rect.width || !rect.height) return;
    const x = Math.min(img.naturalWidth - 1, Math.max(0, Math.floor(((e.clientX - rect.left) * img.naturalWidth) / rect.width)));
    const y = Math.min(img.naturalHeight - 1, Math.max(0, Math.floor(((e.clientY - rect.top) * img.naturalHeight) / rect.height)));
    dispatch("select", { index: [x, y], value: null, selected: true });
  }
  return (
    <div className="vt-field vt-ie" style={props.width ? { width: cssLength(props.width) } : undefined}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-ie-frame" ref={frame} style={props.height ? { height: cssLength(props.height) } : undefined} aria-label={url ? undefined : `${label}: empty`}>
        {url ? (
          <>
            <div className="vt-ie-bar" style={{ position: "absolute", top: "var(--spacing-sm)", right: "var(--spacing-sm)" }}>
              {props.show_download_button !== false ? (
                <a className="vt-ie-tool" href={url} download={shown?.orig_name ?? "image.png"} aria-label="Download" title="Download">⤓</a>
              ) : null}
              {props.show_fullscreen_button !== false ? (
                <button type="button" className="vt-ie-tool" aria-label="Fullscreen" title="Fullscreen"
                  onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : frame.current?.requestFullscreen())}>⛶</button>
              ) : null}
            </div>
            <img src={url} alt={label} onClick={select} draggable={false} />
          </>
        ) : null}
      </div>
    </div>
  );
}

function InteractiveEditor({ value, props, onChange, dispatch, upload, fileUrl }: ViewProps<EditorWireValue | null, ImageEditorViewProps>) {
  const [canvasW, canvasH] = props.canvas_size ?? [800, 800];
  const layerNames = props.layers?.layers?.length ? props.layers.layers : ["Layer 1"];
  const layersDisabled = props.layers?.disabled ?? false;
  const brush = props.brush === undefined ? null : props.brush || null;
  const eraser = props.eraser === undefined ? null : brush ? props.eraser || null : null;
  const canCrop = (props.transforms ?? ["crop"]).includes("crop");
  const canResize = (props.transforms ?? []).includes("resize");
  const sources = props.sources ?? [];
  const canUpload = sources.includes("upload");
  const canPaste = sources.includes("clipboard");
  const canWebcam = sources.includes("webcam");
  const label = props.label ?? "Image editor";

  const display = useRef<HTMLCanvasElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const doc = useRef<EditorDoc | null>(null);
  if (doc.current === null) doc.current = blankDoc(canvasW, canvasH, layersDisabled ? layerNames.slice(0, 1) : layerNames);
  const undoStack = useRef<EditorDoc[]>([]);
  const redoStack = useRef<EditorDoc[]>([]);
  const stroke = useRef<{ last: { x: number; y: number }; canvas: HTMLCanvasElement | null; pointer: number } | null>(null);
  const cropStart = useRef<{ x: number; y: number } | null>(null);
  const ownKey = useRef<string>(valueKey(null));
  const loadToken = useRef(0);
  const saver = useRef<{ running: boolean; again: boolean; waiters: (() => void)[] }>({ running: false, again: false, waiters: [] });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [tool, setTool] = useState<Tool | null>(brush ? "brush" : null);
  const [brushColor, setBrushColor] = useState<BrushColor>(brush ? brush.default_color : "#000000");
  const [brushSize, setBrushSize] = useState<number | null>(brush && brush.default_size !== "auto" ? brush.default_size : null);
  const [eraserSize, setEraserSize] = useState<number | null>(eraser && eraser.default_size !== "auto" ? eraser.default_size : null);
  const [cropRect, setCropRect] = useState<Rect | null>(null);
  const [resize, setResize] = useState<{ width: number; height: number; rescale: boolean; anchor: Anchor }>({ width: canvasW, height: canvasH, rescale: true, anchor: "center" });
  const [busy, setBusy] = useState(false);
  const [hasImage, setHasImage] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Whether the webcam source is open: its preview replaces the canvas until a photo is taken. */
  const [webcamOpen, setWebcamOpen] = useState(false);

  const current = doc.current;
  const auto = autoSize(current.width, current.height);
  const radius = tool === "eraser" ? (eraserSize ?? auto) : (brushSize ?? auto);

  /** Paints the document (and the stroke or crop in progress) onto the visible canvas. */
  function paint(rect: Rect | null = cropRect) {
    const canvas = display.current;
    const d = doc.current;
    if (!canvas || !d) return;
    if (canvas.width !== d.width) canvas.width = d.width;
    if (canvas.height !== d.height) canvas.height = d.height;
    const ctx = context2d(canvas);
    if (!ctx) return;
    const s = stroke.current;
    compose(ctx, d, s?.canvas ? { canvas: s.canvas, alpha: colorParts(brushColor).alpha } : null);
    if (rect) {
      ctx.save();
      ctx.fillStyle = "rgba(0, 0, 0, 0.45)";
      ctx.beginPath();
      ctx.rect(0, 0, d.width, d.height);
      ctx.rect(rect.x, rect.y, rect.width, rect.height);
      ctx.fill("evenodd");
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = Math.max(1, auto / 4);
      ctx.setLineDash([auto, auto]);
      ctx.strokeRect(rect.x, rect.y, rect.width, rect.height);
      ctx.restore();
    }
  }

  useEffect(() => paint());

  // A value that did not come from this view (an output, an example, the initial value) is loaded.
  useEffect(() => {
    const key = valueKey(value);
    if (key === ownKey.current) return;
    ownKey.current = key;
    const token = ++loadToken.current;
    void (async () => {
      try {
        const next = await docFromValue(value ?? null);
        if (token !== loadToken.current) return;
        doc.current = next.doc;
        setHasImage(next.hasImage);
        undoStack.current = [];
        redoStack.current = [];
        setCropRect(null);
        redraw();
      } catch (e) {
        if (token === loadToken.current) setError((e as Error).message);
      }
    })();
  }, [value]);

  async function docFromValue(v: EditorWireValue | null): Promise<{ doc: EditorDoc; hasImage: boolean }> {
    const names = layersDisabled ? layerNames.slice(0, 1) : layerNames;
    const bgFile = v?.background ?? v?.composite ?? null;
    if (!v || (!bgFile && !v.layers?.length)) return { doc: blankDoc(canvasW, canvasH, names), hasImage: false };
    const bgImage = bgFile ? await loadImage(fileUrl(bgFile)) : null;
    const layerImages = await Promise.all((v.layers ?? []).map((l) => loadImage(fileUrl(l))));
    const background = bgImage ? backgroundFor(bgImage, props.fixed_canvas ? [canvasW, canvasH] : null) : null;
    const width = background?.width ?? layerImages[0]?.width ?? canvasW;
    const height = background?.height ?? layerImages[0]?.height ?? canvasH;
    const next = blankDoc(width, height, layerImages.length ? [] : names);
    if (background) next.background = background;
    layerImages.forEach((img, i) => {
      const layer = makeLayer(names[i] ?? `Layer ${i + 1}`, width, height);
      layer.canvas = layerFrom(img, width, height);
      next.layers.push(layer);
    });
    return { doc: next, hasImage: bgImage !== null };
  }

  /** Records the document before an edit, for undo. */
  function remember() {
    const d = doc.current!;
    undoStack.current.push(copyDoc(d));
    const limit = Math.max(5, Math.min(HISTORY, Math.floor(HISTORY_BYTES / (d.width * d.height * 4 * (1 + d.layers.length)))));
    while (undoStack.current.length > limit) undoStack.current.shift();
    redoStack.current = [];
  }

  /**
   * Uploads the background, each layer and the composite as PNGs and sets the value. Edits made
   * while an upload runs are saved by one more round; resolves when the value is up to date.
   */
  function save(): Promise<void> {
    const s = saver.current;
    const done = new Promise<void>((resolve) => s.waiters.push(resolve));
    s.again = true;
    if (!s.running) void runSaves();
    return done;
  }

  async function runSaves() {
    const s = saver.current;
    s.running = true;
    setBusy(true);
    try {
      while (s.again) {
        s.again = false;
        const d = doc.current!;
        // Every toBlob starts in this tick, so the files show one moment of the document.
        const blobs = await Promise.all([pngBlob(d.background), ...d.layers.map((l) => pngBlob(l.canvas)), pngBlob(compositeCanvas(d))]);
        const files = await upload(blobs.map((b, i) => new File([b], i === 0 ? "background.png" : i === blobs.length - 1 ? "composite.png" : `layer${i}.png`, { type: "image/png" })));
        if (s.again) continue;
        const next: EditorWireValue = { background: files[0] ?? null, layers: files.slice(1, -1), composite: files[files.length - 1] ?? null };
        ownKey.current = valueKey(next);
        setError(null);
        onChange(next, { userInput: true });
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      s.running = false;
      setBusy(false);
      const waiters = s.waiters.splice(0);
      waiters.forEach((w) => w());
    }
  }

  /** Applies an edit: records it for undo, runs it, repaints and saves. */
  function edit(change: (d: EditorDoc) => EditorDoc | void): Promise<void> {
    remember();
    const result = change(doc.current!);
    if (result) doc.current = result;
    redraw();
    return save();
  }

  function undo() {
    const previous = undoStack.current.pop();
    if (!previous) return;
    redoStack.current.push(doc.current!);
    doc.current = previous;
    setCropRect(null);
    redraw();
    void save();
  }

  function redo() {
    const next = redoStack.current.pop();
    if (!next) return;
    undoStack.current.push(doc.current!);
    doc.current = next;
    setCropRect(null);
    redraw();
    void save();
  }

  function clear() {
    loadToken.current++;
    doc.current = blankDoc(canvasW, canvasH, layersDisabled ? layerNames.slice(0, 1) : layerNames);
    undoStack.current = [];
    redoStack.current = [];
    setCropRect(null);
    setHasImage(false);
    setError(null);
    ownKey.current = valueKey(null);
    redraw();
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  async function takeBackground(files: readonly Blob[]) {
    const file = files.find((f) => f.type === "" || f.type.startsWith("image/"));
    if (!file) return setError("That is not an image.");
    try {
      const image = await loadBlob(file);
      loadToken.current++;
      setHasImage(true);
      setWebcamOpen(false);
      setCropRect(null);
      await edit((d) => {
        const background = backgroundFor(image, props.fixed_canvas ? [canvasW, canvasH] : null);
        const names = d.layers.map((l) => l.name);
        const next = blankDoc(background.width, background.height, names);
        next.background = background;
        next.active = Math.min(d.active, next.layers.length - 1);
        return next;
      });
      dispatch("upload");
    } catch (e) {
      setError((e as Error).message);
    }
  }

  /** A webcam photo: the new background (as an upload, which is what Gradio fires), then back to drawing. */
  async function captured(photo: Blob) {
    setWebcamOpen(false);
    await takeBackground([new File([photo], "webcam.png", { type: "image/png" })]);
    if (brush) setTool("brush");
  }

  const { dragging, dropProps } = useFileDrop((files) => void takeBackground(files), canUpload);

  function onPaste(e: ClipboardEvent) {
    if (!canPaste) return;
    const files = pastedFiles(e);
    if (files.length) void takeBackground(files);
  }

  async function pasteButton() {
    try {
      const image = await readClipboard((type) => type.startsWith("image/"));
      if (image) await takeBackground([image]);
      else setError("The clipboard holds no image.");
    } catch (e) {
      setError((e as Error).message);
    }
  }

  function onPointerDown(e: PointerEvent<HTMLCanvasElement>) {
    if (e.button !== 0 || !tool || tool === "resize") return;
    const canvas = e.currentTarget;
    try { canvas.setPointerCapture(e.pointerId); } catch { /* not captured: the stroke ends at the canvas's edge */ }
    root.current?.focus({ preventScroll: true });
    const d = doc.current!;
    const p = canvasPoint(canvas, e.clientX, e.clientY);
    if (tool === "crop") {
      cropStart.current = p;
      setCropRect(rectBetween(p, p, d.width, d.height));
      return;
    }
    const layer = d.layers[d.active];
    if (!layer) return;
    remember();
    stroke.current = { last: p, canvas: tool === "brush" ? makeCanvas(d.width, d.height) : null, pointer: e.pointerId };
    drawSegment(p, p);
    paint();
  }

  function onPointerMove(e: PointerEvent<HTMLCanvasElement>) {
    const d = doc.current!;
    if (cropStart.current) {
      const rect = rectBetween(cropStart.current, canvasPoint(e.currentTarget, e.clientX, e.clientY), d.width, d.height);
      setCropRect(rect);
      paint(rect);
      return;
    }
    const s = stroke.current;
    if (!s || s.pointer !== e.pointerId) return;
    const p = canvasPoint(e.currentTarget, e.clientX, e.clientY);
    drawSegment(s.last, p);
    s.last = p;
    paint();
  }

  function onPointerUp(e: PointerEvent<HTMLCanvasElement>) {
    if (cropStart.current) {
      cropStart.current = null;
      return;
    }
    const s = stroke.current;
    if (!s || s.pointer !== e.pointerId) return;
    stroke.current = null;
    const d = doc.current!;
    const layer = d.layers[d.active];
    if (s.canvas && layer) {
      const ctx = context2d(layer.canvas);
      if (ctx) {
        ctx.globalAlpha = colorParts(brushColor).alpha;
        ctx.drawImage(s.canvas, 0, 0);
        ctx.globalAlpha = 1;
      }
    }
    redraw();
    paint();
    void save();
  }

  /** Draws one segment of the stroke: on the stroke's own canvas (brush), or out of the active layer (eraser). */
  function drawSegment(from: { x: number; y: number }, to: { x: number; y: number }) {
    const s = stroke.current;
    const d = doc.current!;
    const target = s?.canvas ?? d.layers[d.active]?.canvas;
    const ctx = target ? context2d(target) : null;
    if (!ctx) return;
    ctx.save();
    ctx.globalCompositeOperation = s?.canvas ? "source-over" : "destination-out";
    ctx.strokeStyle = ctx.fillStyle = s?.canvas ? colorParts(brushColor).css : "#000000";
    ctx.lineWidth = radius * 2;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    if (from.x === to.x && from.y === to.y) {
      ctx.beginPath();
      ctx.arc(to.x, to.y, radius, 0, Math.PI * 2);
      ctx.fill();
    } else {
      ctx.beginPath();
      ctx.moveTo(from.x, from.y);
      ctx.lineTo(to.x, to.y);
      ctx.stroke();
    }
    ctx.restore();
  }

  function applyCrop() {
    const rect = cropRect;
    if (!rect) return;
    setCropRect(null);
    void edit((d) => cropDoc(d, rect));
  }

  function chooseResize() {
    setTool("resize");
    setCropRect(null);
    setResize((r) => ({ ...r, width: doc.current!.width, height: doc.current!.height }));
  }

  function applyResize() {
    const { width, height, rescale, anchor } = resize;
    if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0 && width <= 16384 && height <= 16384))
      return setError("The width and height must be whole numbers of pixels, from 1 to 16384.");
    setError(null);
    void edit((d) => resizeDoc(d, width, height, rescale, anchor));
  }

  function addLayer() {
    void edit((d) => {
      const names = new Set(d.layers.map((l) => l.name));
      let n = d.layers.length + 1;
      while (names.has(`Layer ${n}`)) n++;
      d.layers.push(makeLayer(`Layer ${n}`, d.width, d.height));
      d.active = d.layers.length - 1;
    });
  }

  function deleteLayer() {
    void edit((d) => {
      d.layers.splice(d.active, 1);
      d.active = Math.max(0, Math.min(d.active, d.layers.length - 1));
    });
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key === "z" && !e.shiftKey) { e.preventDefault(); undo(); }
    else if ((key === "z" && e.shiftKey) || key === "y") { e.preventDefault(); redo(); }
  }

  async function apply() {
    await save();
    dispatch("apply");
  }

  async function download() {
    const blob = await pngBlob(compositeCanvas(doc.current!));
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = "image.png";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  const height = cssLength(props.height);
  const width = cssLength(props.width);
  const colors = brush ? brush.colors : [];
  const sameColor = (a: BrushColor, b: BrushColor) => JSON.stringify(a) === JSON.stringify(b);

  return (
    <div className="vt-field vt-ie" ref={root} tabIndex={-1} onKeyDown={onKeyDown} aria-busy={busy} data-saving={busy}
      style={width ? { width } : undefined}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      <div className="vt-ie-bar" role="toolbar" aria-label={`${label}: tools`}>
        {brush ? <ToolButton name="Brush" pressed={tool === "brush"} onClick={() => { setTool("brush"); setCropRect(null); }} icon={ICONS.brush} /> : null}
        {eraser ? <ToolButton name="Eraser" pressed={tool === "eraser"} onClick={() => { setTool("eraser"); setCropRect(null); }} icon={ICONS.eraser} /> : null}
        {canCrop ? <ToolButton name="Crop" pressed={tool === "crop"} onClick={() => setTool("crop")} icon={ICONS.crop} /> : null}
        {canResize ? <ToolButton name="Resize" pressed={tool === "resize"} onClick={chooseResize} icon={ICONS.resize} /> : null}
        <button type="button" className="vt-ie-tool" aria-label="Undo" title="Undo (Ctrl+Z)" disabled={undoStack.current.length === 0} onClick={undo}>↶</button>
        <button type="button" className="vt-ie-tool" aria-label="Redo" title="Redo (Ctrl+Shift+Z)" disabled={redoStack.current.length === 0} onClick={redo}>↷</button>
        <button type="button" className="vt-ie-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button>
        {canUpload ? (
          <button type="button" className="vt-ie-tool" onClick={() => fileInput.current?.click()}>Upload image</button>
        ) : null}
        {canPaste ? <button type="button" className="vt-ie-tool" onClick={() => void pasteButton()}>Paste image</button> : null}
        {canWebcam ? (
          <button type="button" className="vt-ie-tool" aria-pressed={webcamOpen} onClick={() => { setError(null); setWebcamOpen(!webcamOpen); }}>Webcam</button>
        ) : null}
        <button type="button" className="vt-ie-tool" onClick={() => void apply()}>Apply</button>
        {props.show_download_button !== false ? (
          <button type="button" className="vt-ie-tool" aria-label="Download" title="Download" onClick={() => void download()}>⤓</button>
        ) : null}
        {props.show_fullscreen_button !== false ? (
          <button type="button" className="vt-ie-tool" aria-label="Fullscreen" title="Fullscreen"
            onClick={() => void (document.fullscreenElement ? document.exitFullscreen() : root.current?.requestFullscreen())}>⤢</button>
        ) : null}
      </div>
      {tool === "brush" && brush ? (
        <div className="vt-ie-bar" role="group" aria-label="Brush options">
          <label className="vt-ie-size">Brush size
            <input type="range" min={1} max={Math.max(100, auto * 5)} value={brushSize ?? auto} onChange={(e) => setBrushSize(Number(e.target.value))} />
          </label>
          {colors.map((c, i) => (
            <button key={i} type="button" className="vt-ie-swatch" aria-label={`Colour ${colorName(c)}`} aria-pressed={sameColor(c, brushColor)}
              style={{ background: colorParts(c).css, opacity: Math.max(0.3, colorParts(c).alpha) }} onClick={() => setBrushColor(c)} />
          ))}
          {brush.color_mode !== "fixed" ? (
            <input type="color" aria-label="Custom colour" value={/^#[0-9a-f]{6}$/i.test(colorParts(brushColor).css) ? colorParts(brushColor).css : "#000000"}
              onChange={(e) => setBrushColor(e.target.value)} />
          ) : null}
        </div>
      ) : null}
      {tool === "eraser" && eraser ? (
        <div className="vt-ie-bar" role="group" aria-label="Eraser options">
          <label className="vt-ie-size">Eraser size
            <input type="range" min={1} max={Math.max(100, auto * 5)} value={eraserSize ?? auto} onChange={(e) => setEraserSize(Number(e.target.value))} />
          </label>
        </div>
      ) : null}
      {tool === "crop" ? (
        <div className="vt-ie-bar" role="group" aria-label="Crop options">
          <span className="vt-ie-size">{cropRect ? `${cropRect.width} × ${cropRect.height}` : "Drag over the image to choose the area to keep."}</span>
          <button type="button" className="vt-ie-tool" disabled={!cropRect} onClick={applyCrop}>Apply crop</button>
          <button type="button" className="vt-ie-tool" disabled={!cropRect} onClick={() => setCropRect(null)}>Cancel crop</button>
        </div>
      ) : null}
      {tool === "resize" ? (
        <div className="vt-ie-bar" role="group" aria-label="Resize options">
          <label className="vt-ie-size">Width
            <input type="number" min={1} max={16384} step={1} value={resize.width} onChange={(e) => setResize({ ...resize, width: Number(e.target.value) })} style={{ width: "6em" }} />
          </label>
          <label className="vt-ie-size">Height
            <input type="number" min={1} max={16384} step={1} value={resize.height} onChange={(e) => setResize({ ...resize, height: Number(e.target.value) })} style={{ width: "6em" }} />
          </label>
          <label className="vt-ie-size">
            <input type="checkbox" checked={resize.rescale} onChange={(e) => setResize({ ...resize, rescale: e.target.checked })} />Rescale the image
          </label>
          {!resize.rescale ? (
            <label className="vt-ie-size">Anchor
              <select value={resize.anchor} onChange={(e) => setResize({ ...resize, anchor: e.target.value as Anchor })}>
                {ANCHORS.map((a) => <option key={a} value={a}>{a}</option>)}
              </select>
            </label>
          ) : null}
          <button type="button" className="vt-ie-tool" onClick={applyResize}>Apply size</button>
        </div>
      ) : null}
      {webcamOpen ? (
        <Webcam
          label={label}
          mirror={props.webcam_options?.mirror !== false}
          constraints={videoConstraints(props.webcam_options?.constraints)}
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
      ) : null}
      <div className="vt-ie-frame" data-dragging={dragging} style={{ ...(height ? { height } : {}), ...(webcamOpen ? { display: "none" } : {}) }}
        {...dropProps} onPaste={onPaste}>
        <canvas ref={display} width={current.width} height={current.height} role="img" aria-label={`${label}: canvas`} tabIndex={0}
          data-width={current.width} data-height={current.height}
          onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={onPointerUp} />
        {!hasImage && (canUpload || canPaste || canWebcam) ? <Hint text={props.placeholder} upload={canUpload} paste={canPaste} webcam={canWebcam} /> : null}
      </div>
      {!layersDisabled ? (
        <div className="vt-ie-layers" role="group" aria-label="Layers">
          {current.layers.map((layer, i) => (
            <span className="vt-ie-layer" key={layer.id}>
              <button type="button" className="vt-ie-tool" aria-pressed={i === current.active}
                onClick={() => { current.active = i; redraw(); }}>{layer.name}</button>
              <button type="button" className="vt-ie-tool" aria-label={`${layer.visible ? "Hide" : "Show"} ${layer.name}`}
                onClick={() => void edit((d) => { const l = d.layers[i]; if (l) l.visible = !l.visible; })}><Icon d={layer.visible ? ICONS.eye : ICONS.eyeOff} /></button>
            </span>
          ))}
          {props.layers?.allow_additional_layers !== false ? <button type="button" className="vt-ie-tool" onClick={addLayer}>Add layer</button> : null}
          {current.layers.length > 1 ? <button type="button" className="vt-ie-tool" onClick={deleteLayer}>Delete layer</button> : null}
        </div>
      ) : null}
      <input ref={fileInput} type="file" accept="image/*" hidden aria-hidden="true" tabIndex={-1}
        onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; void takeBackground(files); }} />
      {error ? <span className="vt-ie-error" role="alert">{error}</span> : null}
    </div>
  );
}

/** Line icons (16×16, drawn with the text colour). */
const ICONS = {
  brush: "M13.5 1.5 6 9l1.5 1.5L15 3zM5 10c-1.7 0-3 1.3-3 3v1.5h2c1.7 0 3-1.3 3-3z",
  eraser: "M9.5 2.5 14 7l-6.5 6.5H4L1.5 11zM5.5 6.5 10 11M4 13.5h10",
  crop: "M4 1v11h11M1 4h11v11",
  resize: "M1.5 5V1.5H5M11 1.5h3.5V5M14.5 11v3.5H11M5 14.5H1.5V11M4.5 4.5l7 7M11.5 7.5v4h-4",
  eye: "M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zM8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4z",
  eyeOff: "M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5zM2 2l12 12",
} as const;

function Icon({ d }: { d: string }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round">
      <path d={d} />
    </svg>
  );
}

function ToolButton({ name, pressed, onClick, icon }: { name: string; pressed: boolean; onClick: () => void; icon: string }) {
  return (
    <button type="button" className="vt-ie-tool" aria-label={name} title={name} aria-pressed={pressed} onClick={onClick}>
      <Icon d={icon} />
    </button>
  );
}

/** The text over an empty canvas that takes an upload: the `placeholder` (a `#` line is a heading) or the default hint. */
function Hint({ text, upload, paste, webcam }: { text: string | null; upload: boolean; paste: boolean; webcam: boolean }) {
  const ways = [upload ? "Drop an image here" : null, paste ? (upload ? "paste one" : "Paste an image") : null, webcam ? (upload || paste ? "take a photo with the webcam" : "Take a photo with the webcam") : null]
    .filter((w): w is string => w !== null);
  const first = ways.length > 1 ? `${ways.slice(0, -1).join(", ")} or ${ways[ways.length - 1]}` : ways[0];
  return (
    <div className="vt-ie-hint">
      {text
        ? text.split("\n").map((line, i) => (line.startsWith("#") ? <strong key={i}>{line.replace(/^#+\s*/, "")}</strong> : <span key={i}>{line}</span>))
        : <span>{`${first}, or draw on the blank canvas`}</span>}
    </div>
  );
}
