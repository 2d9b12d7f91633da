/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type ViewProps } from "@vitrine/core";
import { AnnotatedImageView, type AnnotatedImageValue, type AnnotatedImageViewProps } from "./view.js";
import { AnnotatedImageExample } from "./example.js";
import { DEFAULT_PALETTE } from "./colors.js";
import { hitAnnotation } from "./hit.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const value: AnnotatedImageValue = {
  image: fileData("/cache/base.webp"),
  annotations: [
    { image: fileData("/cache/m0.png"), label: "cat" },
    { image: fileData("/cache/m1.png"), label: "dog" },
    { image: fileData("/cache/m2.png"), label: "cat" },
  ],
};

function mount(v: AnnotatedImageValue | null, extra: Partial<AnnotatedImageViewProps> = {}) {
  const events: [string, unknown][] = [];
  const view: ViewProps<AnnotatedImageValue | null, AnnotatedImageViewProps> = {
    id: 1, value: v, interactive: false, status: { stage: "idle" },
    props: { show_legend: true, height: null, width: null, color_map: { dog: "#00ff00" }, show_fullscreen_button: true, label: "Pets", ...extra },
    onChange() {}, dispatch: (e, d) => void events.push([e, d]), upload: async () => [],
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<AnnotatedImageView {...view} />));
  return { container, events };
}

const states = (els: NodeListOf<Element>) => [...els].map((e) => e.getAttribute("data-state"));

describe("AnnotatedImageView in a DOM", () => {
  it("stacks the overlays on the base image and shows a legend coloured as the server paints", () => {
    const { container } = mount(value);
    expect(container.querySelector<HTMLImageElement>("img.vt-annotated-base")!.getAttribute("src")).toBe("/gradio_api/file=/cache/base.webp");
    expect([...container.querySelectorAll("img.vt-annotated-mask")].map((i) => i.getAttribute("src"))).toEqual(
      ["/gradio_api/file=/cache/m0.png", "/gradio_api/file=/cache/m1.png", "/gradio_api/file=/cache/m2.png"]);
    const items = [...container.querySelectorAll<HTMLButtonElement>(".vt-annotated-legend-item")];
    expect(items.map((b) => b.textContent)).toEqual(["cat", "dog", "cat"]);
    const swatches = items.map((b) => b.querySelector<HTMLElement>(".vt-annotated-swatch")!.style.background);
    const p0 = DEFAULT_PALETTE[0]!;
    const rgb = (h: string) => `rgb(${[1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)).join(", ")})`;
    expect(swatches).toEqual([rgb(p0), "rgb(0, 255, 0)", rgb(p0)]);
    expect(container.querySelector('[aria-label="Fullscreen"]')).not.toBeNull();
  });

  it("highlights the hovered legend item's annotation and dims the others; a click fires select", () => {
    const { container, events } = mount(value);
    const items = container.querySelectorAll<HTMLButtonElement>(".vt-annotated-legend-item");
    const masks = container.querySelectorAll("img.vt-annotated-mask");
    expect(states(masks)).toEqual(["idle", "idle", "idle"]);
    act(() => { items[1]!.dispatchEvent(new MouseEvent("mouseover", { bubbles: true })); });
    expect(states(masks)).toEqual(["dimmed", "active", "dimmed"]);
    expect(states(items)).toEqual(["dimmed", "active", "dimmed"]);
    act(() => { items[1]!.dispatchEvent(new MouseEvent("mouseout", { bubbles: true })); });
    expect(states(masks)).toEqual(["idle", "idle", "idle"]);
    act(() => { items[2]!.click(); });
    expect(events).toEqual([["select", { index: 2, value: "cat", selected: true }]]);
  });

  it("hides the legend and fullscreen button when told to, and shows an empty frame without a value", () => {
    const { container } = mount(value, { show_legend: false, show_fullscreen_button: false });
    expect(container.querySelector(".vt-annotated-legend")).toBeNull();
    expect(container.querySelector('[aria-label="Fullscreen"]')).toBeNull();
    act(() => root?.unmount());
    root = null;
    const empty = mount(null).container;
    expect(empty.querySelector("img")).toBeNull();
    expect(empty.querySelector('[aria-label="Pets: empty"]')).not.toBeNull();
  });

  it("renders an example as the base image with its overlays", () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
    act(() => root!.render(<AnnotatedImageExample value={value} props={{}} fileUrl={(f) => `/f=${f.path}`} />));
    expect([...container.querySelectorAll("img")].map((i) => i.getAttribute("src"))).toEqual(
      ["/f=/cache/base.webp", "/f=/cache/m0.png", "/f=/cache/m1.png", "/f=/cache/m2.png"]);
  });
});

describe("hitAnnotation", () => {
  /** A w×h overlay whose alpha is 255 inside [x0, x1) × [y0, y1). */
  function overlay(w: number, h: number, x0: number, y0: number, x1: number, y1: number) {
    const data = new Uint8ClampedArray(w * h * 4);
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data[(y * w + x) * 4 + 3] = 255;
    return { width: w, height: h, data };
  }
  it("finds the top-most painted overlay under a pixel", () => {
    const overlays = [overlay(10, 10, 0, 0, 6, 6), overlay(10, 10, 4, 4, 10, 10), null];
    expect(hitAnnotation(overlays, 1, 1)).toBe(0);
    expect(hitAnnotation(overlays, 5, 5)).toBe(1);
    expect(hitAnnotation(overlays, 8, 1)).toBeNull();
    expect(hitAnnotation(overlays, 20, 20)).toBeNull();
  });
});
