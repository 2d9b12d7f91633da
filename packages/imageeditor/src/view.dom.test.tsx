/**
 * @jest-environment jsdom
 */
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { ImageEditorView, type EditorWireValue, type ImageEditorViewProps } from "./view.js";
import { Brush, Eraser, LayerOptions } from "./tools.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom has no 2D canvas: the view then draws nothing (the browser test checks the pixels), and
// its PNG export gets a small blob naming the canvas's size.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
  HTMLCanvasElement.prototype.toBlob = function (this: HTMLCanvasElement, callback: BlobCallback) {
    callback(new Blob([`${this.width}x${this.height}`], { type: "image/png" }));
  };
});

interface Recorded { changes: [EditorWireValue | null, unknown][]; events: [string, unknown][]; uploads: File[][] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const sketchProps: ImageEditorViewProps = {
  height: null, width: null, sources: [], show_download_button: true, show_fullscreen_button: true, placeholder: null,
  transforms: ["crop"], brush: Brush({ colors: ["#000000", ["#ff0000", 0.5]], color_mode: "fixed", default_size: 4 }), eraser: Eraser({ default_size: 6 }),
  layers: LayerOptions(), canvas_size: [200, 100], fixed_canvas: false,
};

let uploadCount = 0;
function mount(value: EditorWireValue | null, extra: Partial<ImageEditorViewProps> = {}, interactive = true): { container: HTMLElement; rec: Recorded } {
  const rec: Recorded = { changes: [], events: [], uploads: [] };
  const view: ViewProps<EditorWireValue | null, ImageEditorViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { ...sketchProps, label: "Sketch", ...extra },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => {
      rec.uploads.push(files as File[]);
      return files.map((f) => fileData(`/cache/${uploadCount++}-${(f as File).name}`, { orig_name: (f as File).name }));
    },
    fileUrl: (f: FileData) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<ImageEditorView {...view} />));
  return { container, rec };
}

/** A blob's text (jsdom's Blob has no text()). */
function textOf(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

/** Types into an input the way React notices (its value setter, then an input event). */
function setInput(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

const byLabel = (c: HTMLElement, label: string) => c.querySelector<HTMLElement>(`[aria-label="${label}"]`);
const byText = (c: HTMLElement, text: string) => [...c.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === text) ?? null;

/** A pointer stroke over the canvas, from (x0, y0) to (x1, y1) in client pixels. */
async function stroke(canvas: HTMLElement, [x0, y0]: [number, number], [x1, y1]: [number, number]) {
  const fire = (type: string, x: number, y: number) =>
    canvas.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: x, clientY: y, button: 0 }));
  await act(async () => {
    fire("pointerdown", x0, y0);
    fire("pointermove", (x0 + x1) / 2, (y0 + y1) / 2);
    fire("pointermove", x1, y1);
    fire("pointerup", x1, y1);
  });
  // Let the save (toBlob, upload) finish.
  await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

describe("ImageEditorView in a DOM", () => {
  it("shows a canvas at canvas_size with named tools; undo starts disabled", () => {
    const { container } = mount(null);
    const canvas = byLabel(container, "Sketch: canvas") as HTMLCanvasElement;
    expect([canvas.width, canvas.height]).toEqual([200, 100]);
    expect(canvas.getAttribute("role")).toBe("img");
    for (const name of ["Brush", "Eraser", "Crop", "Undo", "Redo", "Clear", "Download", "Fullscreen"]) expect(byLabel(container, name)).not.toBeNull();
    expect(byLabel(container, "Brush")!.getAttribute("aria-pressed")).toBe("true");
    expect((byLabel(container, "Undo") as HTMLButtonElement).disabled).toBe(true);
    expect(byText(container, "Upload image")).toBeNull();
    expect(byLabel(container, "Sketch: tools")!.getAttribute("role")).toBe("toolbar");
  });

  it("after a stroke uploads background, layer and composite as PNGs and sets the value; undo saves again", async () => {
    const { container, rec } = mount(null);
    const canvas = byLabel(container, "Sketch: canvas")!;
    await stroke(canvas, [10, 10], [60, 40]);
    expect(rec.uploads).toHaveLength(1);
    expect(rec.uploads[0]!.map((f) => [f.name, f.type])).toEqual([["background.png", "image/png"], ["layer1.png", "image/png"], ["composite.png", "image/png"]]);
    expect(await textOf(rec.uploads[0]![2]!)).toBe("200x100");
    const [value, options] = rec.changes.at(-1)!;
    expect(options).toEqual({ userInput: true });
    expect(value).toMatchObject({ background: { orig_name: "background.png" }, layers: [{ orig_name: "layer1.png" }], composite: { orig_name: "composite.png" } });
    const undo = byLabel(container, "Undo") as HTMLButtonElement;
    expect(undo.disabled).toBe(false);
    await act(async () => {
      byLabel(container, "Sketch: tools")!.dispatchEvent(new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true }));
    });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect(rec.uploads).toHaveLength(2);
    expect(undo.disabled).toBe(true);
    expect((byLabel(container, "Redo") as HTMLButtonElement).disabled).toBe(false);
    await act(async () => {
      byLabel(container, "Sketch: tools")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Z", ctrlKey: true, shiftKey: true, bubbles: true }));
    });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect(rec.uploads).toHaveLength(3);
    expect(undo.disabled).toBe(false);
  });

  it("adds, selects and hides layers; each change is saved with every layer", async () => {
    const { container, rec } = mount(null);
    await act(async () => { byText(container, "Add layer")!.click(); });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect(byText(container, "Layer 2")!.getAttribute("aria-pressed")).toBe("true");
    expect(byText(container, "Layer 1")!.getAttribute("aria-pressed")).toBe("false");
    expect(rec.uploads.at(-1)!.map((f) => f.name)).toEqual(["background.png", "layer1.png", "layer2.png", "composite.png"]);
    await act(async () => { byLabel(container, "Hide Layer 1")!.click(); });
    expect(byLabel(container, "Show Layer 1")).not.toBeNull();
    await act(async () => { byText(container, "Layer 1")!.click(); });
    expect(byText(container, "Layer 1")!.getAttribute("aria-pressed")).toBe("true");
    await act(async () => { byText(container, "Delete layer")!.click(); });
    expect(byText(container, "Layer 1")).toBeNull();
    expect(byText(container, "Delete layer")).toBeNull();
  });

  it("offers the brush's colours (fixed: no picker), sizes, and the eraser's size", async () => {
    const { container } = mount(null);
    const black = byLabel(container, "Colour #000000")!;
    const red = byLabel(container, "Colour #ff0000 at 50%")!;
    expect(black.getAttribute("aria-pressed")).toBe("true");
    await act(async () => { red.click(); });
    expect(red.getAttribute("aria-pressed")).toBe("true");
    expect(byLabel(container, "Custom colour")).toBeNull();
    const size = container.querySelector<HTMLInputElement>('[aria-label="Brush options"] input[type="range"]')!;
    expect(size.value).toBe("4");
    await act(async () => { byLabel(container, "Eraser")!.click(); });
    expect(container.querySelector('[aria-label="Eraser options"]')!.textContent).toContain("Eraser size");
    expect(container.querySelector<HTMLInputElement>('[aria-label="Eraser options"] input')!.value).toBe("6");
    const { container: free } = mountAgain({ brush: Brush() });
    expect(byLabel(free, "Custom colour")).not.toBeNull();
  });

  it("crops: choosing an area enables Apply crop, which saves a canvas of that size", async () => {
    const { container, rec } = mount(null);
    const canvas = byLabel(container, "Sketch: canvas") as HTMLCanvasElement;
    canvas.getBoundingClientRect = () => ({ left: 0, top: 0, width: 100, height: 50, right: 100, bottom: 50, x: 0, y: 0, toJSON() {} });
    await act(async () => { byLabel(container, "Crop")!.click(); });
    expect(byText(container, "Apply crop")!.disabled).toBe(true);
    await stroke(canvas, [10, 5], [60, 30]);
    expect(container.textContent).toContain("100 × 50");
    await act(async () => { byText(container, "Apply crop")!.click(); });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect([canvas.width, canvas.height]).toEqual([100, 50]);
    expect(await textOf(rec.uploads.at(-1)![2]!)).toBe("100x50");
  });

  it("resizes: rescaling, or anchoring the image in a canvas of the new size", async () => {
    const { container, rec } = mount(null, { transforms: ["crop", "resize"] });
    const canvas = byLabel(container, "Sketch: canvas") as HTMLCanvasElement;
    await act(async () => { byLabel(container, "Resize")!.click(); });
    const group = byLabel(container, "Resize options")!;
    const [width, height] = [...group.querySelectorAll<HTMLInputElement>('input[type="number"]')];
    expect([width!.value, height!.value]).toEqual(["200", "100"]);
    await act(async () => { setInput(width!, "50"); setInput(height!, "40"); });
    await act(async () => { byText(container, "Apply size")!.click(); });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect([canvas.width, canvas.height]).toEqual([50, 40]);
    expect(await textOf(rec.uploads.at(-1)![2]!)).toBe("50x40");
    await act(async () => { group.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click(); });
    expect(group.querySelector("select")!.value).toBe("center");
    await act(async () => { setInput(width!, "0"); });
    await act(async () => { byText(container, "Apply size")!.click(); });
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/whole numbers of pixels/);
  });

  it("clears to a blank canvas, sets null and fires clear; Apply fires apply after saving", async () => {
    const { container, rec } = mount(null);
    await act(async () => { byLabel(container, "Clear")!.click(); });
    expect(rec.changes.at(-1)).toEqual([null, { userInput: true }]);
    expect(rec.events.at(-1)).toEqual(["clear", undefined]);
    await act(async () => { byText(container, "Apply")!.click(); });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect(rec.uploads).toHaveLength(1);
    expect(rec.events.at(-1)).toEqual(["apply", undefined]);
  });

  it("ImageMask-like props: an upload button and hint, no layer tools", () => {
    const { container } = mount(null, { sources: ["upload", "clipboard"], layers: LayerOptions({ disabled: true }), placeholder: "# Drop a photo\nthen paint the mask" });
    expect(byText(container, "Upload image")).not.toBeNull();
    expect(byText(container, "Paste image")).not.toBeNull();
    expect(container.querySelector('input[type="file"]')).not.toBeNull();
    expect(container.querySelector(".vt-ie-hint strong")!.textContent).toBe("Drop a photo");
    expect(byLabel(container, "Layers")).toBeNull();
    expect(byText(container, "Add layer")).toBeNull();
  });

  it("hides what the props turn off", () => {
    const { container } = mount(null, { brush: false, eraser: false, transforms: [], show_download_button: false, show_fullscreen_button: false, layers: LayerOptions({ allow_additional_layers: false }) });
    for (const name of ["Brush", "Eraser", "Crop", "Download", "Fullscreen"]) expect(byLabel(container, name)).toBeNull();
    expect(byText(container, "Add layer")).toBeNull();
    expect(byText(container, "Layer 1")).not.toBeNull();
  });

  it("not interactive: shows the composite, selects the clicked pixel in natural size", () => {
    const value = { background: fileData("/cache/bg.png"), layers: [], composite: fileData("/cache/comp.png", { orig_name: "comp.png" }) };
    const { container, rec } = mount(value, {}, false);
    const img = container.querySelector("img")!;
    expect(img.getAttribute("src")).toBe("/gradio_api/file=/cache/comp.png");
    expect(container.querySelector("a[aria-label='Download']")!.getAttribute("download")).toBe("comp.png");
    expect(byLabel(container, "Brush")).toBeNull();
    Object.defineProperty(img, "naturalWidth", { value: 400 });
    Object.defineProperty(img, "naturalHeight", { value: 200 });
    img.getBoundingClientRect = () => ({ left: 0, top: 0, width: 200, height: 100, right: 200, bottom: 100, x: 0, y: 0, toJSON() {} });
    act(() => { img.dispatchEvent(new MouseEvent("click", { bubbles: true, clientX: 50, clientY: 25 })); });
    expect(rec.events).toEqual([["select", { index: [100, 50], value: null, selected: true }]]);
  });
});

/** Mounts a second editor beside the first (its own root). */
function mountAgain(extra: Partial<ImageEditorViewProps>): { container: HTMLElement } {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const second = createRoot(container);
  act(() => second.render(
    <ImageEditorView id={2} value={null} interactive status={{ stage: "idle" }} props={{ ...sketchProps, ...extra }}
      onChange={() => {}} dispatch={() => {}} upload={async () => []} fileUrl={(f) => f.path} />,
  ));
  afterEachUnmount.push(() => second.unmount());
  return { container };
}
const afterEachUnmount: (() => void)[] = [];
afterEach(() => act(() => afterEachUnmount.splice(0).forEach((u) => u())));
