/**
 * The editor's document in the browser: a background and layers, each a canvas at the image's
 * natural resolution, and what is done to them (copy for undo, compose, crop, export as PNG).
 * Browser-only; a canvas whose 2D context is missing (as in jsdom) is left blank.
 */

/** One layer: a transparent canvas of the document's size. */
export interface Layer {
  id: number;
  name: string;
  canvas: HTMLCanvasElement;
  visible: boolean;
}

/** What the editor edits; a copy of it is one step of the undo history. */
export interface EditorDoc {
  width: number;
  height: number;
  /** The background: an uploaded image, or a blank white canvas. */
  background: HTMLCanvasElement;
  layers: Layer[];
  /** The index of the layer the brush and eraser work on. */
  active: number;
}

/** A rectangle in the document's pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

let nextLayerId = 1;

/** The 2D context of a canvas, or null where there is none (jsdom). */
export function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  try {
    return canvas.getContext("2d");
  } catch {
    return null;
  }
}

/** A new canvas of the given size. */
export function makeCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** A white canvas of the given size: the blank background. */
export function whiteCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = makeCanvas(width, height);
  const ctx = context2d(canvas);
  if (ctx) {
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
  }
  return canvas;
}

/** A copy of a canvas. */
export function copyCanvas(source: HTMLCanvasElement): HTMLCanvasElement {
  const canvas = makeCanvas(source.width, source.height);
  context2d(canvas)?.drawImage(source, 0, 0);
  return canvas;
}

/** A new empty layer of the given size. */
export function makeLayer(name: string, width: number, height: number): Layer {
  return { id: nextLayerId++, name, canvas: makeCanvas(width, height), visible: true };
}

/** A blank document: a white background and empty layers named `names`. */
export function blankDoc(width: number, height: number, names: readonly string[]): EditorDoc {
  return { width, height, background: whiteCanvas(width, height), layers: names.map((n) => makeLayer(n, width, height)), active: 0 };
}

/** A deep copy of a document (one undo step). */
export function copyDoc(doc: EditorDoc): EditorDoc {
  return {
    ...doc,
    background: copyCanvas(doc.background),
    layers: doc.layers.map((l) => ({ ...l, canvas: copyCanvas(l.canvas) })),
  };
}

/** Draws the background and every visible layer onto `ctx`; `extra` is drawn just over the active layer (a stroke in progress). */
export function compose(ctx: CanvasRenderingContext2D, doc: EditorDoc, extra?: { canvas: HTMLCanvasElement; alpha: number } | null): void {
  ctx.clearRect(0, 0, doc.width, doc.height);
  ctx.drawImage(doc.background, 0, 0);
  doc.layers.forEach((layer, i) => {
    if (!layer.visible) return;
    ctx.drawImage(layer.canvas, 0, 0);
    if (extra && i === doc.active) {
      ctx.globalAlpha = extra.alpha;
      ctx.drawImage(extra.canvas, 0, 0);
      ctx.globalAlpha = 1;
    }
  });
}

/** The composite: the background with every visible layer over it. */
export function compositeCanvas(doc: EditorDoc): HTMLCanvasElement {
  const canvas = makeCanvas(doc.width, doc.height);
  const ctx = context2d(canvas);
  if (ctx) compose(ctx, doc);
  return canvas;
}

/** A canvas cropped to `rect`. */
function cropCanvas(source: HTMLCanvasElement, rect: Rect): HTMLCanvasElement {
  const canvas = makeCanvas(rect.width, rect.height);
  context2d(canvas)?.drawImage(source, -rect.x, -rect.y);
  return canvas;
}

/** The document cropped to `rect` (background and every layer). */
export function cropDoc(doc: EditorDoc, rect: Rect): EditorDoc {
  return {
    ...doc,
    width: rect.width,
    height: rect.height,
    background: cropCanvas(doc.background, rect),
    layers: doc.layers.map((l) => ({ ...l, canvas: cropCanvas(l.canvas, rect) })),
  };
}

/**
 * A background canvas for an image: at the image's size, or (`fit`) scaled to fit the given
 * size keeping its aspect ratio, centred on white.
 */
export function backgroundFor(image: CanvasImageSource & { width: number; height: number }, fit: readonly [number, number] | null): HTMLCanvasElement {
  if (!fit) {
    const canvas = makeCanvas(image.width, image.height);
    context2d(canvas)?.drawImage(image, 0, 0);
    return canvas;
  }
  const [width, height] = fit;
  const canvas = whiteCanvas(width, height);
  const scale = Math.min(width / image.width, height / image.height);
  const w = Math.round(image.width * scale);
  const h = Math.round(image.height * scale);
  context2d(canvas)?.drawImage(image, Math.round((width - w) / 2), Math.round((height - h) / 2), w, h);
  return canvas;
}

/** A layer canvas of the document's size holding `image` at its top-left corner. */
export function layerFrom(image: CanvasImageSource, width: number, height: number): HTMLCanvasElement {
  const canvas = makeCanvas(width, height);
  context2d(canvas)?.drawImage(image, 0, 0);
  return canvas;
}

/** Loads an image from a URL (same-origin or CORS-enabled, so that the canvas stays readable). */
export function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new window.Image();
    img.crossOrigin = "anonymous";
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error(`Could not load the image ${url}`));
    img.src = url;
  });
}

/** Loads an image from a Blob (an uploaded or pasted file). */
export async function loadBlob(blob: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(blob);
  try {
    return await loadImage(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Starts encoding a canvas as PNG. `toBlob` copies the pixels when called, so canvases started
 * in one go are exported as they were at that moment.
 */
export function pngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("Could not encode the canvas as PNG"))), "image/png");
  });
}

/** A point of a pointer event in the canvas's own pixels (the canvas may be shown scaled). */
export function canvasPoint(canvas: HTMLCanvasElement, clientX: number, clientY: number): { x: number; y: number } {
  const rect = canvas.getBoundingClientRect();
  const sx = rect.width ? canvas.width / rect.width : 1;
  const sy = rect.height ? canvas.height / rect.height : 1;
  return { x: (clientX - rect.left) * sx, y: (clientY - rect.top) * sy };
}

/** The normalised rectangle between two points, clamped to the document and at least one pixel. */
export function rectBetween(a: { x: number; y: number }, b: { x: number; y: number }, width: number, height: number): Rect {
  const clampX = (v: number) => Math.min(width, Math.max(0, Math.round(v)));
  const clampY = (v: number) => Math.min(height, Math.max(0, Math.round(v)));
  const x0 = clampX(Math.min(a.x, b.x));
  const y0 = clampY(Math.min(a.y, b.y));
  const x1 = clampX(Math.max(a.x, b.x));
  const y1 = clampY(Math.max(a.y, b.y));
  return { x: Math.min(x0, width - 1), y: Math.min(y0, height - 1), width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) };
}

/** The brush or eraser radius "auto" stands for: 1/50 of the image's smaller side, at least 1. */
export function autoSize(width: number, height: number): number {
  return Math.max(1, Math.round(Math.min(width, height) / 50));
}

/** Where the image stays when the canvas is resized without rescaling. */
export type Anchor = "top-left" | "top" | "top-right" | "left" | "center" | "right" | "bottom-left" | "bottom" | "bottom-right";

/** The offset of a `width`×`height` image in a `w`×`h` canvas, by anchor. */
function anchorOffset(anchor: Anchor, width: number, height: number, w: number, h: number): [number, number] {
  const col = anchor.endsWith("left") ? 0 : anchor.endsWith("right") ? 1 : 0.5;
  const row = anchor.startsWith("top") ? 0 : anchor.startsWith("bottom") ? 1 : 0.5;
  return [Math.round((w - width) * col), Math.round((h - height) * row)];
}

/**
 * The document at a new size: every canvas rescaled to it (`rescale`), or kept at its size and
 * placed by `anchor` (the background's new area is white, the layers' transparent).
 */
export function resizeDoc(doc: EditorDoc, width: number, height: number, rescale: boolean, anchor: Anchor): EditorDoc {
  const resize = (source: HTMLCanvasElement, blank: HTMLCanvasElement) => {
    const ctx = context2d(blank);
    if (!ctx) return blank;
    if (rescale) {
      ctx.imageSmoothingQuality = "high";
      ctx.drawImage(source, 0, 0, width, height);
    } else {
      const [dx, dy] = anchorOffset(anchor, source.width, source.height, width, height);
      ctx.drawImage(source, dx, dy);
    }
    return blank;
  };
  return {
    ...doc,
    width,
    height,
    background: resize(doc.background, whiteCanvas(width, height)),
    layers: doc.layers.map((l) => ({ ...l, canvas: resize(l.canvas, makeCanvas(width, height)) })),
  };
}
