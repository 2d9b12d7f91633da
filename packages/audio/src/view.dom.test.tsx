/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { AudioView, type AudioViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Recorded { changes: [FileData | null, unknown][]; events: [string, unknown][]; uploaded: Blob[] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

function mount(value: FileData | null, props: Partial<AudioViewProps> = {}, interactive = true): { container: HTMLElement; rec: Recorded } {
  const rec: Recorded = { changes: [], events: [], uploaded: [] };
  const view: ViewProps<FileData | null, AudioViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { sources: ["upload", "microphone"], autoplay: false, loop: false, show_download_button: true, label: "Voice", ...props },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async (files, options) => {
      rec.uploaded.push(...files);
      options?.onProgress?.(1);
      return files.map((_, i) => fileData(`/cache/up${i}.wav`, { orig_name: "up.wav" }));
    },
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<AudioView {...view} />));
  return { container, rec };
}

const wavFile = () => new File([new Uint8Array([0x52, 0x49, 0x46, 0x46])], "a.wav", { type: "audio/wav" });

describe("AudioView in a DOM", () => {
  it("uploads a file from the chooser (accept audio/*), then sets the value and fires upload", async () => {
    const { container, rec } = mount(null);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toBe("audio/*");
    Object.defineProperty(input, "files", { value: [wavFile()], configurable: true });
    await act(async () => { input.dispatchEvent(new Event("change", { bubbles: true })); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.changes).toEqual([[expect.objectContaining({ path: "/cache/up0.wav" }), { userInput: true }]]);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("uploads a dropped audio file and refuses one that is not audio", async () => {
    const { container, rec } = mount(null);
    const zone = container.querySelector<HTMLElement>(".vt-audio-drop")!;
    const drop = (files: File[]) => {
      const e = new Event("drop", { bubbles: true, cancelable: true });
      Object.defineProperty(e, "dataTransfer", { value: { files } });
      return e;
    };
    await act(async () => { zone.dispatchEvent(drop([new File(["x"], "a.txt", { type: "text/plain" })])); });
    expect(rec.uploaded).toHaveLength(0);
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/not an audio file/);
    await act(async () => { zone.dispatchEvent(drop([wavFile()])); });
    expect(rec.uploaded).toHaveLength(1);
    expect(rec.events.map(([e]) => e)).toEqual(["upload"]);
  });

  it("plays the value with autoplay and loop, fires play/pause/stop, downloads and clears", () => {
    const { container, rec } = mount(fileData("/cache/song.wav", { orig_name: "song.wav" }), { autoplay: true, loop: true });
    const audio = container.querySelector("audio")!;
    expect(audio.getAttribute("src")).toBe("/gradio_api/file=/cache/song.wav");
    expect(audio.controls).toBe(true);
    expect(audio.autoplay).toBe(true);
    expect(audio.loop).toBe(true);
    act(() => { audio.dispatchEvent(new Event("play")); });
    act(() => { audio.dispatchEvent(new Event("pause")); });
    act(() => { audio.dispatchEvent(new Event("ended")); });
    expect(rec.events.map(([e]) => e)).toEqual(["play", "pause", "stop"]);
    const download = container.querySelector<HTMLAnchorElement>('a[aria-label="Download"]')!;
    expect(download.getAttribute("href")).toBe("/gradio_api/file=/cache/song.wav");
    expect(download.getAttribute("download")).toBe("song.wav");
    act(() => { container.querySelector<HTMLButtonElement>('[aria-label="Clear"]')!.click(); });
    expect(rec.changes).toEqual([[null, { userInput: true }]]);
    expect(rec.events.at(-1)).toEqual(["clear", undefined]);
  });

  it("hides download and clear when asked, and shows no upload area when not interactive", () => {
    const { container } = mount(fileData("/cache/song.wav"), { show_download_button: false }, false);
    expect(container.querySelector('a[aria-label="Download"]')).toBeNull();
    expect(container.querySelector('[aria-label="Clear"]')).toBeNull();
    act(() => root?.unmount());
    const empty = mount(null, {}, false);
    expect(empty.container.querySelector(".vt-audio-drop")).toBeNull();
  });

  it("records from the microphone: start, pause, stop, then uploads the recording", async () => {
    const tracks: { stopped: boolean }[] = [];
    class FakeRecorder {
      state = "inactive";
      mimeType = "audio/webm";
      ondataavailable: ((e: { data: Blob }) => void) | null = null;
      onstop: (() => void) | null = null;
      start() { this.state = "recording"; }
      pause() { this.state = "paused"; }
      resume() { this.state = "recording"; }
      stop() {
        this.state = "inactive";
        this.ondataavailable?.({ data: new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2])], { type: "audio/webm" }) });
        this.onstop?.();
      }
    }
    (globalThis as { MediaRecorder?: unknown }).MediaRecorder = FakeRecorder;
    Object.defineProperty(navigator, "mediaDevices", {
      configurable: true,
      value: { getUserMedia: async () => ({ getTracks: () => [{ stop() { tracks.push({ stopped: true }); } }] }) },
    });
    const { container, rec } = mount(null, { sources: ["microphone"] });
    const button = (text: RegExp) => [...container.querySelectorAll("button")].find((b) => text.test(b.textContent ?? ""))!;
    await act(async () => { button(/Record/).click(); });
    await act(async () => { button(/Pause/).click(); });
    await act(async () => { button(/Resume/).click(); });
    await act(async () => { button(/Stop/).click(); });
    await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
    expect(rec.events.map(([e]) => e)).toEqual(["start_recording", "pause_recording", "stop_recording", "upload"]);
    expect(rec.uploaded).toHaveLength(1);
    // no Web Audio in jsdom: the recording goes up as it was recorded
    expect((rec.uploaded[0] as File).name).toBe("recording.webm");
    expect(tracks).toHaveLength(1);
    delete (globalThis as { MediaRecorder?: unknown }).MediaRecorder;
  });
});
