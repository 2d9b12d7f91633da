/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { ImageSliderView, type ImageSliderValue, type ImageSliderViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const PROPS: ImageSliderViewProps = { height: null, width: null, slider_position: 50, max_height: 500, buttons: ["download", "fullscreen"] };

function mount(value: ImageSliderValue, interactive = false, props: Partial<ImageSliderViewProps> = {}) {
  const rec = { changes: [] as [ImageSliderValue, unknown][], events: [] as [string, unknown][], uploaded: [] as Blob[] };
  let n = 0;
  const view: ViewProps<ImageSliderValue, ImageSliderViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { ...PROPS, ...props, label: "Compare" },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return files.map(() => fileData(`/cache/up${n++}.png`)); },
    fileUrl: (f: FileData) => `/f=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  const render = (p: Partial<ImageSliderViewProps>) => act(() => root!.render(<ImageSliderView {...view} props={{ ...view.props, ...p }} />));
  act(() => root!.render(<ImageSliderView {...view} />));
  return { container, rec, render };
}

const pair: ImageSliderValue = [fileData("/cache/before.png", { orig_name: "before.png" }), fileData("/cache/after.png", { orig_name: "after.png" })];
const knob = (c: HTMLElement) => c.querySelector<HTMLElement>('[role="slider"]')!;
const clip = (c: HTMLElement) => c.querySelector<HTMLImageElement>(".vt-slider-first")!.style.clipPath;

describe("ImageSliderView in a DOM", () => {
  it("shows both images, the first clipped at the slider position", () => {
    const { container } = mount(pair, false, { slider_position: 30 });
    expect(container.querySelector(".vt-slider-first")!.getAttribute("src")).toBe("/f=/cache/before.png");
    expect(container.querySelector(".vt-slider-second")!.getAttribute("src")).toBe("/f=/cache/after.png");
    expect(knob(container).getAttribute("aria-valuenow")).toBe("30");
    expect(clip(container)).toBe("inset(0 70% 0 0)");
    expect(container.querySelector('[aria-label="Download image 2"]')!.getAttribute("download")).toBe("after.png");
  });

  it("moves the slider with the keyboard, and follows a new slider_position", () => {
    const { container, render } = mount(pair);
    const key = (k: string, shiftKey = false) => act(() => { knob(container).dispatchEvent(new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true })); });
    key("ArrowRight");
    expect(knob(container).getAttribute("aria-valuenow")).toBe("51");
    key("ArrowLeft", true);
    expect(knob(container).getAttribute("aria-valuenow")).toBe("41");
    key("End");
    expect(clip(container)).toBe("inset(0 0% 0 0)");
    key("ArrowRight");
    expect(knob(container).getAttribute("aria-valuenow")).toBe("100");
    key("Home");
    expect(knob(container).getAttribute("aria-valuenow")).toBe("0");
    render({ slider_position: 75 });
    expect(knob(container).getAttribute("aria-valuenow")).toBe("75");
  });

  it("moves the slider where the pointer goes down and drags", () => {
    const { container } = mount(pair);
    const stack = container.querySelector<HTMLElement>(".vt-slider-stack")!;
    stack.getBoundingClientRect = () => ({ left: 100, top: 0, width: 200, height: 100, right: 300, bottom: 100, x: 100, y: 0, toJSON() {} });
    const pointer = (type: string, clientX: number) => act(() => { stack.dispatchEvent(new MouseEvent(type, { clientX, bubbles: true }) as unknown as Event); });
    pointer("pointerdown", 150);
    expect(knob(container).getAttribute("aria-valuenow")).toBe("25");
    pointer("pointermove", 250);
    expect(knob(container).getAttribute("aria-valuenow")).toBe("75");
    pointer("pointerup", 250);
    pointer("pointermove", 120);
    expect(knob(container).getAttribute("aria-valuenow")).toBe("75");
  });

  it("uploads the two images into their slots when interactive, and clears", async () => {
    const { container, rec } = mount(null, true);
    const inputs = container.querySelectorAll<HTMLInputElement>('input[type="file"]');
    expect(inputs).toHaveLength(2);
    Object.defineProperty(inputs[1], "files", { value: [new File(["b"], "b.png", { type: "image/png" })], configurable: true });
    await act(async () => { inputs[1]!.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.changes[0]).toEqual([[null, expect.objectContaining({ path: "/cache/up0.png" })], { userInput: true }]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
    // A drop of two images on an empty slider fills both.
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["a"], "a.png", { type: "image/png" }), new File(["c"], "c.png", { type: "image/png" })] } });
    await act(async () => { container.querySelector('[aria-label="Compare: upload the first image"]')!.dispatchEvent(drop); });
    expect(rec.changes[1]![0]).toEqual([expect.objectContaining({ path: "/cache/up1.png" }), expect.objectContaining({ path: "/cache/up2.png" })]);
    act(() => root!.unmount());
    const full = mount(pair, true);
    act(() => full.container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click());
    expect(full.rec.changes).toEqual([[null, { userInput: true }]]);
    expect(full.rec.events).toEqual([["clear", undefined]]);
  });

  it("refuses a file that is not an image", async () => {
    const { container, rec } = mount(null, true);
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["a"], "a.txt", { type: "text/plain" })] } });
    await act(async () => { container.querySelector(".vt-slider-drop")!.dispatchEvent(drop); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe("That is not an image.");
  });
});
