/**
 * @jest-environment jsdom
 */
/**
 * Streaming in the Audio view, in jsdom (no Web Audio there: a stand-in AudioContext records
 * what the view asks of it; chromium's fake microphone runs the real thing in
 * tests/integration/test/browser-microphone.test.ts): the microphone streamed in WAV chunks,
 * and a streaming output's chunks queued one after the other.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { fileData, type FileData, type ViewProps } from "@vitrine/core";
import { AudioView, type AudioViewProps } from "./view.js";
import { encodeWav16 } from "./wav.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What the stand-in Web Audio saw. */
let audio: { started: { at: number; duration: number }[]; processors: { onaudioprocess: ((e: unknown) => void) | null }[]; fetched: string[]; decoded: number };

class FakeContext {
  sampleRate = 16000;
  currentTime = 0;
  state = "running";
  destination = {};
  createMediaStreamSource() { return { connect() {} }; }
  createGain() { return { gain: { value: 1 }, connect() {} }; }
  createScriptProcessor() {
    const node = { onaudioprocess: null as ((e: unknown) => void) | null, connect() {}, disconnect() {} };
    audio.processors.push(node);
    return node;
  }
  createAnalyser() { return { fftSize: 0, connect() {}, getByteTimeDomainData() {} }; }
  async decodeAudioData(bytes: ArrayBuffer) {
    // The stand-in "decodes" a chunk as lasting its first byte's tenths of a second.
    audio.decoded++;
    return { duration: new Uint8Array(bytes)[0]! / 10 };
  }
  createBufferSource() {
    const source = { buffer: null as { duration: number } | null, onended: null, connect() {}, stop() {},
      start: (at: number) => audio.started.push({ at, duration: source.buffer!.duration }) };
    return source;
  }
  async resume() {}
  async close() {}
}

let root: Root | null = null;
beforeEach(() => {
  audio = { started: [], processors: [], fetched: [], decoded: 0 };
  (globalThis as { AudioContext?: unknown }).AudioContext = FakeContext;
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getUserMedia: async () => ({ getTracks: () => [{ stop() {} }] }) },
  });
  // Chunk n (its URL ends in n.wav) lasts n tenths of a second; the later chunks answer first.
  (globalThis as { fetch?: unknown }).fetch = async (url: string) => {
    audio.fetched.push(url);
    const n = Number(/(\d+)\.wav$/.exec(url)![1]);
    await new Promise((r) => setTimeout(r, 40 - n * 5));
    return { ok: true, status: 200, arrayBuffer: async () => new Uint8Array([n]).buffer };
  };
});
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
  delete (globalThis as { AudioContext?: unknown }).AudioContext;
});

function render(value: FileData | null, props: Partial<AudioViewProps>, interactive: boolean, events: [string, unknown][] = []) {
  const view: ViewProps<FileData | null, AudioViewProps> = {
    id: 1, value, interactive, status: { stage: "idle" },
    props: { sources: ["microphone"], autoplay: true, loop: false, show_download_button: true, label: "Voice", ...props },
    onChange: () => undefined,
    dispatch: (e, d) => void events.push([e, d]),
    upload: async () => [],
    fileUrl: (f) => `/gradio_api/file=${f.path}`,
  };
  if (!root) {
    const container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
  }
  act(() => root!.render(<AudioView {...view} />));
  return events;
}

/** A Blob's bytes (jsdom's Blob has no arrayBuffer()). */
const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
const wait = (ms: number) => act(async () => { await new Promise((r) => setTimeout(r, ms)); });
/** Waits (up to 5 s, for a busy machine) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !check(); i++) await wait(20);
  expect(check()).toBe(true);
}
const button = (name: string) => [...document.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent) === name)!;

describe("a streaming Audio output", () => {
  it("plays every chunk, in the order they came, each right after the previous one", async () => {
    for (const n of [3, 5, 4, 2]) {
      render(fileData(`/cache/${n}.wav`), { streaming: true }, false);
      await wait(1);
    }
    await until(() => audio.started.length === 4);
    expect(audio.fetched).toEqual(["/gradio_api/file=/cache/3.wav", "/gradio_api/file=/cache/5.wav", "/gradio_api/file=/cache/4.wav", "/gradio_api/file=/cache/2.wav"]);
    expect(audio.started.map((s) => s.duration)).toEqual([0.3, 0.5, 0.4, 0.2]);
    for (let i = 1; i < audio.started.length; i++) expect(audio.started[i]!.at).toBeCloseTo(audio.started[i - 1]!.at + audio.started[i - 1]!.duration, 6);
    const player = document.querySelector(".vt-audio-stream")!;
    expect(player.getAttribute("data-chunks")).toBe("4");
    expect(player.textContent).toContain("4 chunks, 1.4 s");
  });

  it("without autoplay, queues the chunks until Play", async () => {
    render(fileData("/cache/2.wav"), { streaming: true, autoplay: false }, false);
    render(fileData("/cache/3.wav"), { streaming: true, autoplay: false }, false);
    await until(() => audio.decoded === 2);
    await wait(50);
    expect(audio.started).toEqual([]);
    await act(async () => button("▶ Play").click());
    expect(audio.started.map((s) => s.duration)).toEqual([0.2, 0.3]);
  });
  it("once the generator ended, offers the whole stream (audio-stream.wav) for download without playing it again", async () => {
    render(fileData("/cache/2.wav"), { streaming: true }, false);
    await wait(1);
    render(fileData("/cache/3.wav"), { streaming: true }, false);
    await until(() => audio.started.length === 2);
    expect(document.querySelector('a[aria-label="Download Voice"]')).toBeNull();
    render(fileData("/cache/joined.wav", { orig_name: "audio-stream.wav" }), { streaming: true }, false);
    await until(() => document.querySelector('a[aria-label="Download Voice"]') !== null);
    await wait(50);
    const link = document.querySelector('a[aria-label="Download Voice"]')!;
    expect(link.getAttribute("href")).toBe("/gradio_api/file=/cache/joined.wav");
    expect(link.getAttribute("download")).toBe("audio-stream.wav");
    // The joined file is not fetched nor queued: the chunks already played.
    expect(audio.fetched).toHaveLength(2);
    expect(audio.started.map((s) => s.duration)).toEqual([0.2, 0.3]);
  });
});

describe("a streaming microphone", () => {
  it("sends a WAV chunk of what it heard every stream_every seconds, and closes the stream on stop", async () => {
    const events = render(null, { streaming: true, stream_every: 0.05 }, true);
    await act(async () => button("Start streaming").click());
    expect(events.map(([e]) => e)).toEqual(["start_recording"]);
    const node = audio.processors[0]!;
    const hear = (value: number) => node.onaudioprocess!({ inputBuffer: { getChannelData: () => new Float32Array(160).fill(value) } });
    hear(0.5);
    hear(0.25);
    await wait(80);
    hear(-0.5);
    await wait(80);
    await act(async () => button("Stop streaming").click());
    expect(events.map(([e]) => e)).toEqual(["start_recording", "stream", "stream", "stop_recording", "close_stream"]);
    const chunks = events.filter(([e]) => e === "stream").map(([, d]) => d as Blob);
    expect(chunks.map((c) => c.type)).toEqual(["audio/wav", "audio/wav"]);
    // Each chunk is a whole WAV file of the samples heard since the previous one.
    const first = await bytesOf(chunks[0]!);
    expect(first).toEqual(encodeWav16([new Float32Array([...new Float32Array(160).fill(0.5), ...new Float32Array(160).fill(0.25)])], 16000));
    expect((await bytesOf(chunks[1]!)).length).toBe(44 + 160 * 2);
  });

  it("starts by itself with recording: true", async () => {
    const events = render(null, { streaming: true, stream_every: 0.05, recording: true }, true);
    await wait(10);
    expect(events.map(([e]) => e)).toEqual(["start_recording"]);
    expect(button("Stop streaming")).toBeDefined();
    await act(async () => button("Stop streaming").click());
  });

  it("stops at the time limit", async () => {
    const events = render(null, { streaming: true, stream_every: 0.05, time_limit: 0.15 }, true);
    await act(async () => button("Start streaming").click());
    await wait(400);
    expect(events.map(([e]) => e).slice(-2)).toEqual(["stop_recording", "close_stream"]);
    expect(button("Start streaming")).toBeDefined();
  });
});
