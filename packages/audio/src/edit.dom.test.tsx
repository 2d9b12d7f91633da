/**
 * @jest-environment jsdom
 */
/**
 * The Audio view's waveform and trimming in a DOM. jsdom has no Web Audio, so the test gives the
 * page a decoder of its own (an OfflineAudioContext that "decodes" into a known ramp) and a fetch
 * of the value; the rest is the real view: the handles are moved with the keyboard, Trim uploads
 * a WAV of exactly the region's samples (read back with wavefile) and sets it as the value, and
 * Undo trim restores the value before it.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import wavefile from "wavefile";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { AudioView, type AudioViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const RATE = 1000;
/** The decoded audio: 2 s where sample i is i / 2000 (so each sample says where it was). */
const plane = Float32Array.from({ length: 2 * RATE }, (_, i) => i / (2 * RATE));
const decodedRates: number[] = [];

class FakeOfflineAudioContext {
  constructor(_channels: number, _length: number, readonly sampleRate: number) { decodedRates.push(sampleRate); }
  async decodeAudioData(_bytes: ArrayBuffer) {
    return { numberOfChannels: 1, sampleRate: this.sampleRate, duration: plane.length / this.sampleRate, getChannelData: () => plane };
  }
}

let root: Root | null = null;
beforeEach(() => {
  decodedRates.length = 0;
  (globalThis as { OfflineAudioContext?: unknown }).OfflineAudioContext = FakeOfflineAudioContext;
  // jsdom draws nothing: the canvas has no 2D context (the view then skips drawing).
  HTMLCanvasElement.prototype.getContext = (() => null) as never;
  (globalThis as { fetch?: unknown }).fetch = async () => ({ ok: true, arrayBuffer: async () => new ArrayBuffer(8) });
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
  delete (globalThis as { OfflineAudioContext?: unknown }).OfflineAudioContext;
});

/** A Blob's bytes (jsdom's Blob has no arrayBuffer()). */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const flush = () => act(async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0)); });

function mount(props: Partial<AudioViewProps> = {}) {
  const changes: (FileData | null)[] = [];
  const uploaded: File[] = [];
  let value: FileData | null = fileData("/cache/tone.wav", { orig_name: "tone.wav" });
  const render = () => {
    const view: ViewProps<FileData | null, AudioViewProps> = {
      id: 1, value, interactive: true, status: { stage: "idle" },
      props: { sources: ["upload"], autoplay: false, loop: false, show_download_button: true, label: "Clip",
        waveform_options: { sample_rate: RATE, skip_length: 5 }, ...props },
      onChange: (v) => { changes.push(v); value = v; render(); },
      dispatch: () => {},
      upload: async (files) => { uploaded.push(...(files as File[])); return files.map((_, i) => fileData(`/cache/trimmed${uploaded.length}-${i}.wav`)); },
      fileUrl: (f) => `/file=${f.path}`,
    };
    root!.render(<AudioView {...view} />);
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(render);
  return { container, changes, uploaded };
}

const button = (c: HTMLElement, name: string) => [...c.querySelectorAll("button")].find((b) => b.textContent === name);
const key = (el: Element, k: string, shiftKey = false) => act(() => { el.dispatchEvent(new KeyboardEvent("keydown", { key: k, shiftKey, bubbles: true })); });

describe("AudioView: waveform and trimming", () => {
  it("decodes the value at waveform_options.sample_rate and shows the waveform with its handles", async () => {
    const { container } = mount();
    await flush();
    expect(decodedRates).toEqual([RATE]);
    expect(container.querySelector('[data-testid="waveform"] canvas')?.getAttribute("aria-label")).toBe("Clip: waveform, 0:02.0");
    const start = container.querySelector('[role="slider"][aria-label="Trim start"]')!;
    expect(start.getAttribute("aria-valuenow")).toBe("0");
    expect(container.querySelector('[role="slider"][aria-label="Trim end"]')!.getAttribute("aria-valuenow")).toBe("2");
    expect(button(container, "Trim")!.disabled).toBe(true);
    expect(container.querySelector('[aria-label="Skip forward 5 s"]')).not.toBeNull();
  });

  it("trims to the region set with the keyboard, uploads a WAV of exactly its samples, and undoes", async () => {
    const { container, changes, uploaded } = mount();
    await flush();
    const start = container.querySelector('[role="slider"][aria-label="Trim start"]')!;
    const end = container.querySelector('[role="slider"][aria-label="Trim end"]')!;
    await key(start, "ArrowRight", true); // 1 s
    await key(start, "ArrowLeft"); // 0.9 s
    await key(end, "ArrowLeft"); // 1.9 s
    expect(start.getAttribute("aria-valuenow")).toBe("0.9");
    expect(end.getAttribute("aria-valuenow")).toBe("1.9");
    expect(container.querySelector(".vt-audio-region")?.getAttribute("data-start")).toBe("0.900");
    await act(async () => { button(container, "Trim")!.click(); });
    await flush();
    expect(uploaded).toHaveLength(1);
    expect(uploaded[0]!.name).toBe("tone-trimmed.wav");
    const wav = new wavefile.WaveFile(await bytesOf(uploaded[0]!));
    expect((wav.fmt as { sampleRate: number }).sampleRate).toBe(RATE);
    const samples = wav.getSamples(false, Int16Array) as unknown as Int16Array;
    expect(samples.length).toBe(1000);
    for (const k of [0, 1, 500, 999]) expect(samples[k]).toBe(Math.round(plane[900 + k]! * 32767));
    expect(changes.map((c) => c?.path)).toEqual(["/cache/trimmed1-0.wav"]);
    // The trimmed value shows, with Undo trim; undo brings the original back.
    const undo = button(container, "Undo trim")!;
    expect(undo).toBeDefined();
    await act(async () => { undo.click(); });
    await flush();
    expect(changes.map((c) => c?.path)).toEqual(["/cache/trimmed1-0.wav", "/cache/tone.wav"]);
    expect(button(container, "Undo trim")).toBeUndefined();
  });

  it("offers no trimming when editable is false, and hides the browser's player when show_controls is false", async () => {
    const { container } = mount({ editable: false, waveform_options: { sample_rate: RATE, show_controls: false } });
    await flush();
    expect(container.querySelector('[role="slider"]')).toBeNull();
    expect(button(container, "Trim")).toBeUndefined();
    expect(container.querySelector("audio")!.controls).toBe(false);
    expect(container.querySelector('[aria-label="Play"]')).not.toBeNull();
  });
});
