/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import { fileData, type FileData, type ViewProps, type ViewStatus } from "@vitrine/core";
import { MultimodalTextboxView, type MultimodalTextboxViewProps, type MultimodalViewValue } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded {
  changes: MultimodalViewValue[];
  events: [string, unknown][];
  uploaded: File[];
  /** Uploads wait for this when set (to submit while one is under way). */
  gate: Promise<void> | null;
}

const DEFAULTS: MultimodalTextboxViewProps = {
  sources: ["upload"], file_types: null, file_count: "multiple", lines: 1, max_lines: 20, placeholder: "Type a message",
  autofocus: false, autoscroll: true, text_align: null, rtl: false, submit_btn: true, stop_btn: false, max_plain_text_length: 1000,
  html_attributes: null,
};

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function viewProps(value: MultimodalViewValue | null, rec: Recorded, extra: Partial<MultimodalTextboxViewProps> = {}, interactive = true, status: ViewStatus = { stage: "idle" }):
  ViewProps<MultimodalViewValue | null, MultimodalTextboxViewProps> {
  return {
    id: 1, value, interactive, status,
    props: { ...DEFAULTS, label: "Message", ...extra },
    onChange: (v) => void rec.changes.push(v!),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files, options) => {
      rec.uploaded.push(...(files as File[]));
      if (rec.gate) await rec.gate;
      options?.onProgress?.(1);
      return (files as File[]).map((f, i) => fileData(`/cache/${rec.uploaded.length}-${i}/${f.name}`, { orig_name: f.name, size: f.size, mime_type: f.type || null }));
    },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
}

/** Mounts the view as the page does: each onChange sets the value it shows. */
function mount(initial: MultimodalViewValue | null, extra: Partial<MultimodalTextboxViewProps> = {}, interactive = true) {
  const rec: Recorded = { changes: [], events: [], uploaded: [], gate: null };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  let value = initial;
  let status: ViewStatus = { stage: "idle" };
  const render = () => {
    const props = viewProps(value, rec, extra, interactive, status);
    const onChange = props.onChange;
    props.onChange = (v, o) => { onChange(v, o); value = v; render(); };
    root!.render(<MultimodalTextboxView {...props} />);
  };
  act(render);
  return {
    container, rec,
    area: () => container.querySelector("textarea")!,
    setStatus: (s: ViewStatus) => { status = s; act(render); },
    setValue: (v: MultimodalViewValue) => { value = v; act(render); },
  };
}

function type(area: HTMLTextAreaElement, text: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
  act(() => {
    setter.call(area, text);
    area.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

async function choose(container: HTMLElement, files: File[]) {
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, "files", { value: files, configurable: true });
  await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
}

async function press(area: HTMLTextAreaElement, init: KeyboardEventInit) {
  await act(async () => { area.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, cancelable: true, ...init })); });
}

const png = (name = "cat.png") => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: "image/png" });
const txt = (name = "notes.txt") => new File(["hello"], name, { type: "text/plain" });

describe("MultimodalTextboxView in a DOM", () => {
  it("sends typed text with the files, and Enter submits while Shift+Enter does not", async () => {
    const { area, rec } = mount(null);
    type(area(), "hello");
    expect(rec.changes.at(-1)).toEqual({ text: "hello", files: [] });
    await press(area(), { key: "Enter", shiftKey: true });
    expect(rec.events.filter(([e]) => e === "submit")).toHaveLength(0);
    await press(area(), { key: "Enter" });
    expect(rec.events.filter(([e]) => e === "submit")).toHaveLength(1);
  });

  it("with lines > 1 follows Gradio: Shift+Enter submits and Enter is a new line", async () => {
    const { area, rec } = mount(null, { lines: 3 });
    expect(area().rows).toBe(3);
    await press(area(), { key: "Enter" });
    expect(rec.events).toEqual([]);
    await press(area(), { key: "Enter", shiftKey: true });
    expect(rec.events.map(([e]) => e)).toEqual(["submit"]);
  });

  it("attaches chosen files with image thumbnails and chips, and removes one with its button", async () => {
    const { container, area, rec } = mount(null);
    type(area(), "look");
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    await choose(container, [png(), txt()]);
    expect(rec.uploaded.map((f) => f.name)).toEqual(["cat.png", "notes.txt"]);
    expect(rec.changes.at(-1)).toEqual({ text: "look", files: [expect.objectContaining({ orig_name: "cat.png" }), expect.objectContaining({ orig_name: "notes.txt" })] });
    const img = container.querySelector<HTMLImageElement>('img[alt="cat.png"]')!;
    expect(img.getAttribute("src")).toMatch(/^\/gradio_api\/file=\/cache\/.*\/cat\.png$/);
    expect(container.querySelector(".vt-mmt-file-name")!.textContent).toBe("notes.txt");
    act(() => container.querySelector<HTMLButtonElement>('[aria-label="Remove cat.png"]')!.click());
    expect(rec.changes.at(-1)).toEqual({ text: "look", files: [expect.objectContaining({ orig_name: "notes.txt" })] });
    expect(container.querySelector('img[alt="cat.png"]')).toBeNull();
  });

  it("refuses a type file_types does not allow, and takes one file with file_count single", async () => {
    const { container, rec } = mount(null, { file_types: ["image"], file_count: "single" });
    expect(container.querySelector('input[type="file"]')!.getAttribute("accept")).toBe("image/*");
    await choose(container, [txt()]);
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('"notes.txt" is not an allowed file type; allowed: "image"');
    await choose(container, [png("a.png"), png("b.png")]);
    expect(rec.uploaded.map((f) => f.name)).toEqual(["a.png"]);
    // One file attached: no attach button until it is removed.
    expect(container.querySelector('[aria-label="Upload a file"]')).toBeNull();
  });

  it("a submit during an upload waits for it, so the function gets the file", async () => {
    const { container, area, rec } = mount(null);
    let open!: () => void;
    rec.gate = new Promise((resolve) => { open = resolve; });
    await choose(container, [png()]);
    expect(container.querySelector('[role="status"]')!.textContent).toMatch(/Uploading/);
    await press(area(), { key: "Enter" });
    expect(rec.events).toEqual([]);
    await act(async () => { open(); await rec.gate; });
    expect(rec.events.map(([e]) => e)).toEqual(["submit"]);
    expect(rec.changes.at(-1)!.files).toHaveLength(1);
  });

  it("attaches pasted text longer than max_plain_text_length as pasted_text.txt, and pasted files", async () => {
    const { area, rec } = mount(null, { max_plain_text_length: 10 });
    const paste = (text: string, files: File[] = []) => {
      const e = new Event("paste", { bubbles: true, cancelable: true });
      Object.defineProperty(e, "clipboardData", { value: { getData: () => text, files } });
      return e;
    };
    let shortPaste!: Event;
    await act(async () => { shortPaste = paste("short"); area().dispatchEvent(shortPaste); });
    expect(shortPaste.defaultPrevented).toBe(false);
    expect(rec.uploaded).toHaveLength(0);
    await act(async () => { area().dispatchEvent(paste("a".repeat(11))); });
    expect(rec.uploaded.map((f) => [f.name, f.type, f.size])).toEqual([["pasted_text.txt", "text/plain", 11]]);
    await act(async () => { area().dispatchEvent(paste("", [png()])); });
    expect(rec.uploaded.map((f) => f.name)).toEqual(["pasted_text.txt", "cat.png"]);
    expect(rec.changes.at(-1)!.files.map((f: FileData) => f.orig_name)).toEqual(["pasted_text.txt", "cat.png"]);
  });

  it("uploads dropped files", async () => {
    const { container, rec } = mount(null);
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    Object.defineProperty(drop, "dataTransfer", { value: { files: [txt()] } });
    await act(async () => { container.querySelector(".vt-mmt-box")!.dispatchEvent(drop); });
    expect(rec.uploaded.map((f) => f.name)).toEqual(["notes.txt"]);
  });

  it("shows the stop button in place of submit while an event updating it runs", () => {
    const { container, rec, setStatus } = mount(null, { stop_btn: "Halt" });
    expect(container.querySelector('[aria-label="Stop"]')).toBeNull();
    setStatus({ stage: "pending" });
    const stop = container.querySelector<HTMLButtonElement>('[aria-label="Stop"]')!;
    expect(stop.textContent).toBe("Halt");
    expect(container.querySelector('[aria-label="Submit"]')).toBeNull();
    act(() => stop.click());
    expect(rec.events.map(([e]) => e)).toEqual(["stop"]);
    setStatus({ stage: "complete" });
    expect(container.querySelector('[aria-label="Submit"]')).not.toBeNull();
  });

  it("shows a value from the server in place of the draft (a chat box cleared after submit)", () => {
    const { area, setValue } = mount(null);
    type(area(), "draft");
    setValue({ text: "", files: [] });
    expect(area().value).toBe("");
  });

  it("sets html_attributes, rtl and text_align on the text area", () => {
    const { area } = mount(null, { rtl: true, text_align: "right", html_attributes: { spellcheck: false, autocorrect: "off", lang: "fr", enterkeyhint: "send" } });
    const el = area();
    expect(el.getAttribute("dir")).toBe("rtl");
    expect(el.style.textAlign).toBe("right");
    expect(el.getAttribute("spellcheck")).toBe("false");
    expect(el.getAttribute("autocorrect")).toBe("off");
    expect(el.getAttribute("lang")).toBe("fr");
    expect(el.getAttribute("enterkeyhint")).toBe("send");
  });
});

describe("MultimodalTextboxView markup", () => {
  const rec: Recorded = { changes: [], events: [], uploaded: [], gate: null };
  it("shows files without remove or attach buttons when not interactive", () => {
    const value = { text: "hi", files: [fileData("/cache/x/cat.png", { orig_name: "cat.png", mime_type: "image/png" })] };
    const html = renderToStaticMarkup(<MultimodalTextboxView {...viewProps(value, rec, {}, false)} />);
    expect(html).toContain('alt="cat.png"');
    expect(html).not.toContain("Remove");
    expect(html).not.toContain("Upload a file");
    expect(html).not.toContain('aria-label="Submit"');
  });

  it("has a microphone button with the microphone source", () => {
    const html = renderToStaticMarkup(<MultimodalTextboxView {...viewProps(null, rec, { sources: ["upload", "microphone"] })} />);
    expect(html).toContain('aria-label="Record audio"');
    expect(renderToStaticMarkup(<MultimodalTextboxView {...viewProps(null, rec, { sources: ["microphone"] })} />)).not.toContain("Upload a file");
  });

  it("takes colours from theme variables only", async () => {
    const { readFile } = await import("node:fs/promises");
    const source = await readFile(new URL("./view.tsx", import.meta.url), "utf8");
    const css = source.slice(source.indexOf("const CSS"), source.indexOf("`;", source.indexOf("const CSS")));
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(/i);
  });
});
