/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { Model3DView, type Model3DViewProps } from "./view.js";
import { Model3DExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

interface Recorded { changes: [FileData | null, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

function mount(value: FileData | null, interactive = true) {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const view: ViewProps<FileData | null, Model3DViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { display_mode: null, clear_color: null, camera_position: [null, null, null], zoom_speed: 1, pan_speed: 1, height: 240, label: "Model" },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files) => { rec.uploaded.push(...files); return files.map((f) => fileData(`/cache/${(f as File).name}`, { orig_name: (f as File).name })); },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<Model3DView {...view} />));
  return { container, rec };
}

/** Waits until `check` holds (the scene module loads asynchronously). */
async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await act(async () => { await new Promise((r) => setTimeout(r, 20)); });
  }
}

describe("Model3DView in a DOM", () => {
  it("uploads a model file from the chooser, sets the value and fires upload", async () => {
    const { container, rec } = mount(null);
    expect(container.querySelector('[aria-label="Model: upload a 3D model"]')).not.toBeNull();
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe(".obj,.glb,.gltf,.stl,.ply,.splat");
    Object.defineProperty(input, "files", { value: [new File(["v 0 0 0"], "cube.obj")], configurable: true });
    await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.changes).toEqual([[expect.objectContaining({ path: "/cache/cube.obj" }), { userInput: true }]]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("refuses a dropped file that is not a model", async () => {
    const { container, rec } = mount(null);
    const zone = container.querySelector<HTMLElement>(".vt-model3d-drop")!;
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [new File(["x"], "a.txt")] } });
    await act(async () => { zone.dispatchEvent(drop); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/not a 3D model/);
  });

  it("says clearly when WebGL is unavailable, and still offers the download; clear empties it", async () => {
    const { container, rec } = mount(fileData("/cache/cube.obj", { orig_name: "cube.obj" }));
    await until(() => container.querySelector('[role="alert"]') !== null);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe("WebGL is not available in this browser, so the 3D model cannot be shown.");
    expect(container.querySelector("canvas")).toBeNull();
    const link = container.querySelector<HTMLAnchorElement>('a[aria-label="Download"]')!;
    expect(link.getAttribute("href")).toBe("/gradio_api/file=/cache/cube.obj");
    expect(link.getAttribute("download")).toBe("cube.obj");
    expect(container.querySelector('[aria-label="Reset camera"]')).toBeNull();
    act(() => { container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click(); });
    expect(rec.changes).toEqual([[null, { userInput: true }]]);
    expect(rec.events).toEqual([["clear", undefined]]);
  });

  it("names a file it cannot show, and has no upload area or clear button when not interactive", async () => {
    const { container } = mount(fileData("/cache/photo.png"), false);
    await until(() => container.querySelector('[role="alert"]') !== null);
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/"photo.png" is not a 3D model this viewer shows/);
    expect(container.querySelector('[aria-label="Clear"]')).toBeNull();
    act(() => root?.unmount());
    root = null;
    const empty = mount(null, false).container;
    expect(empty.querySelector('input[type="file"]')).toBeNull();
    expect(empty.querySelector('[aria-label="Model: empty"]')).not.toBeNull();
  });

  it("shows an example as the file's name", () => {
    const container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
    act(() => root!.render(<Model3DExample value={fileData("/tmp/x/cube.obj")} props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe("cube.obj");
  });
});
