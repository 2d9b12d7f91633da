import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import wavefile from "wavefile";
import { VitrineError, fileData, type FileData, type ProcessContext } from "@vitrine/core";
import { TempFileStore } from "@vitrine/component-test";
import { Audio, Microphone, decodeWav, sniffAudio, type AudioArray } from "./index.js";
import { encodeWav16 } from "./wav.js";

let store: TempFileStore;
let ctx: ProcessContext;
beforeAll(() => {
  store = new TempFileStore();
  ctx = store.context;
});
afterAll(() => store.dispose());

/** `frames` frames of a sine per channel (a different pitch each), interleaved, scaled by `scale`. */
function sine(frames: number, channels: number, rate: number, scale: number): number[] {
  const out: number[] = [];
  for (let f = 0; f < frames; f++) for (let c = 0; c < channels; c++) out.push(Math.sin((2 * Math.PI * 440 * (c + 1) * f) / rate) * scale);
  return out;
}

function wav(channels: number, rate: number, depth: string, samples: ArrayLike<number>): Uint8Array {
  const w = new wavefile.WaveFile();
  w.fromScratch(channels, rate, depth, samples as number[]);
  return w.toBuffer();
}

async function upload(bytes: Uint8Array, name: string): Promise<FileData> {
  return { ...(await store.save(bytes, { name })), orig_name: name };
}

describe("Audio preprocess and postprocess", () => {
  it("round-trips a 16-bit stereo WAV's samples exactly", async () => {
    const samples = Int16Array.from(sine(2000, 2, 44100, 30000), Math.round);
    const fd = await upload(wav(2, 44100, "16", samples), "tone.wav");
    const audio = Audio();
    const value = (await audio.preprocess(fd, ctx)) as AudioArray;
    expect(value.sample_rate).toBe(44100);
    expect(value.channels).toBe(2);
    expect(value.data).toBeInstanceOf(Int16Array);
    expect(Array.from(value.data)).toEqual(Array.from(samples));

    const out = (await audio.postprocess(value, ctx))!;
    expect(out.orig_name).toBe("audio.wav");
    expect(out.mime_type).toBe("audio/wav");
    const back = decodeWav(await store.read(out.path));
    expect(back).toEqual({ sample_rate: 44100, channels: 2, data: samples });
    // and once more through preprocess
    expect(await audio.preprocess(out, ctx)).toEqual({ sample_rate: 44100, channels: 2, data: samples });
  });

  it("keeps a float WAV as Float32Array, and writes it back as float", async () => {
    const samples = Float32Array.from(sine(500, 1, 16000, 0.8));
    const fd = await upload(wav(1, 16000, "32f", samples), "float.wav");
    const value = (await Audio().preprocess(fd, ctx)) as AudioArray;
    expect(value.data).toBeInstanceOf(Float32Array);
    expect(value).toEqual({ sample_rate: 16000, channels: 1, data: samples });
    const out = (await Audio().postprocess(value, ctx))!;
    const w = new wavefile.WaveFile(await store.read(out.path));
    expect(w.bitDepth).toBe("32f");
    expect(decodeWav(await store.read(out.path)).data).toEqual(samples);
  });

  it("reads a mono 8-bit WAV as re-centred 16-bit samples", async () => {
    const raw = Uint8Array.from(sine(300, 1, 8000, 100), (v) => Math.round(v) + 128);
    const fd = await upload(wav(1, 8000, "8", raw), "mono8.wav");
    const value = (await Audio().preprocess(fd, ctx)) as AudioArray;
    expect(value.channels).toBe(1);
    expect(value.sample_rate).toBe(8000);
    expect(Array.from(value.data)).toEqual(Array.from(raw, (v) => (v - 128) * 256));
  });

  it("reads 24- and 32-bit PCM as their top 16 bits", async () => {
    const s24 = Int32Array.from([8388607, -8388608, 256, -256, 0, 1000]);
    const v24 = (await Audio().preprocess(await upload(wav(2, 22050, "24", s24), "a24.wav"), ctx)) as AudioArray;
    expect(Array.from(v24.data)).toEqual([32767, -32768, 1, -1, 0, 3]);
    const s32 = Int32Array.from([2147483647, -2147483648, 65536, -65536]);
    const v32 = (await Audio().preprocess(await upload(wav(1, 22050, "32", s32), "a32.wav"), ctx)) as AudioArray;
    expect(Array.from(v32.data)).toEqual([32767, -32768, 1, -1]);
  });

  it("passes the path through with type filepath, whatever the format", async () => {
    const fd = await upload(new Uint8Array([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0, 0xff, 0xfb, 0x90, 0x64]), "song.mp3");
    expect(await Audio({ type: "filepath" }).preprocess(fd, ctx)).toBe(fd.path);
  });

  it("refuses a non-WAV file with type array, with a clear error", async () => {
    const ogg = new Uint8Array(64);
    ogg.set([0x4f, 0x67, 0x67, 0x53]);
    const fd = await upload(ogg, "voice.ogg");
    const attempt = Audio().preprocess(fd, ctx);
    await expect(attempt).rejects.toBeInstanceOf(VitrineError);
    await expect(Audio().preprocess(fd, ctx)).rejects.toThrow(/"voice\.ogg" is an OGG file.*WAV only.*ffmpeg.*type: "filepath"/);
    const junk = await upload(new TextEncoder().encode("hello, this is not audio"), "notes.txt");
    await expect(Audio().preprocess(junk, ctx)).rejects.toThrow(/not a WAV file/);
  });

  it("returns null for no value, and refuses what is not FileData", async () => {
    expect(await Audio().preprocess(null, ctx)).toBeNull();
    await expect(Audio().preprocess({ path: "/x" } as unknown as FileData, ctx)).rejects.toThrow(/FileData/);
  });

  it("postprocesses paths (adopt), bytes (save), URLs and FileData", async () => {
    const bytes = wav(1, 8000, "16", Int16Array.from([1, 2, 3]));
    const path = join(store.dir, "given.wav");
    await writeFile(path, bytes);
    const adopted = (await Audio().postprocess(path, ctx))!;
    expect(adopted.orig_name).toBe("given.wav");
    expect(adopted.mime_type).toBe("audio/wav");
    const saved = (await Audio().postprocess(bytes, ctx))!;
    expect(saved.orig_name).toBe("audio.wav");
    expect(await store.read(saved.path)).toEqual(bytes);
    const url = "https://example.com/a/b.mp3";
    expect(await Audio().postprocess(url, ctx)).toMatchObject({ path: url, url, orig_name: "b.mp3" });
    const fd = fileData("/somewhere.wav");
    expect(await Audio().postprocess(fd, ctx)).toBe(fd);
    expect(await Audio().postprocess(null, ctx)).toBeNull();
    // a [sample_rate, data] pair is mono
    const pair = (await Audio().postprocess([8000, Int16Array.from([5, -5])], ctx))!;
    expect(decodeWav(await store.read(pair.path))).toEqual({ sample_rate: 8000, channels: 1, data: Int16Array.from([5, -5]) });
  });

  it("refuses malformed arrays with a clear message", async () => {
    await expect(Audio().postprocess({ sample_rate: 8000, channels: 2, data: Int16Array.from([1, 2, 3]) }, ctx)).rejects.toThrow(/3 interleaved samples do not split into 2 channels/);
    await expect(Audio().postprocess({ sample_rate: 0, channels: 1, data: new Int16Array(2) }, ctx)).rejects.toThrow(/sample_rate/);
  });

  it("encodes MP3 with format mp3", async () => {
    const audio = Audio({ format: "mp3" });
    const samples = Int16Array.from(sine(44100, 2, 44100, 20000), Math.round);
    const out = (await audio.postprocess({ sample_rate: 44100, channels: 2, data: samples }, ctx))!;
    expect(out.orig_name).toBe("audio.mp3");
    expect(out.mime_type).toBe("audio/mpeg");
    const bytes = await store.read(out.path);
    expect(sniffAudio(bytes)).toBe("mp3");
    expect(bytes.length).toBeGreaterThan(10000);
    expect(bytes.length).toBeLessThan(samples.byteLength / 4);
    // WAV bytes are converted too; unsupported rates are refused clearly
    const fromBytes = (await audio.postprocess(wav(1, 16000, "16", new Int16Array(1600)), ctx))!;
    expect(fromBytes.orig_name).toBe("audio.mp3");
    await expect(audio.postprocess({ sample_rate: 44000, channels: 1, data: new Int16Array(10) }, ctx)).rejects.toThrow(/MP3 needs a sample rate/);
  });

  it("checks its props, and reports them in the config", () => {
    expect(() => Audio({ type: "numpy" as "array" })).toThrow(/type must be/);
    expect(() => Audio({ format: "ogg" as "wav" })).toThrow(/format must be/);
    expect(() => Audio({ sources: ["webcam" as "upload"] })).toThrow(/sources/);
    const props = (Audio({ autoplay: true, loop: true }) as unknown as { ownProps(): Record<string, unknown> }).ownProps();
    expect(props).toMatchObject({ sources: ["upload", "microphone"], autoplay: true, loop: true, format: "wav", type: "array", show_download_button: true });
    expect((Microphone() as unknown as { ownProps(): Record<string, unknown> }).ownProps()).toMatchObject({ sources: ["microphone"] });
  });

  it("the browser's WAV writer makes files the server reads", async () => {
    const left = Float32Array.from([0, 0.5, -0.5, 1, -1]);
    const right = Float32Array.from([1, -1, 0.25, 0, 0]);
    const value = (await Audio().preprocess(await upload(encodeWav16([left, right], 48000), "recording.wav"), ctx)) as AudioArray;
    expect(value.sample_rate).toBe(48000);
    expect(Array.from(value.data)).toEqual([0, 32767, 16384, -32768, -16384, 8192, 32767, 0, -32768, 0]);
  });
});

describe("streaming", () => {
  it("a streaming output saves each chunk as its own file, even two alike; a streamed WAV chunk comes in as an array", async () => {
    const chunk = { sample_rate: 8000, channels: 1, data: new Int16Array(800).fill(1000) };
    const out = Audio({ streaming: true });
    const [a, b] = [(await out.postprocess(chunk, ctx))!, (await out.postprocess(chunk, ctx))!];
    expect(a.path).not.toBe(b.path);
    expect(await readFile(a.path)).toEqual(await readFile(b.path));
    expect(a.orig_name).toMatch(/^chunk-[0-9a-f]{8}\.wav$/);
    // Without streaming, alike values are the same file.
    const plain = Audio();
    expect((await plain.postprocess(chunk, ctx))!.path).toBe((await plain.postprocess(chunk, ctx))!.path);
    // A microphone chunk (a WAV the page encoded) reaches the function decoded.
    const mic = Audio({ sources: "microphone", streaming: true });
    const wav = encodeWav16([new Float32Array(1600).fill(0.5)], 16000);
    const value = (await mic.preprocess(await store.save(wav, { name: "chunk.wav" }), ctx)) as AudioArray;
    expect(value).toMatchObject({ sample_rate: 16000, channels: 1 });
    expect(value.data.length).toBe(1600);
    expect(value.data[0]).toBe(16384);
  });
  it("a streaming output's chunks join into one WAV when its generator ends: as many samples as the chunks, in order", async () => {
    const out = Audio({ streaming: true });
    const lengths = [0.3, 0.4, 0.5].map((sec) => Math.round(sec * 22050));
    const chunks = await Promise.all(
      lengths.map(async (n, i) => (await out.postprocess({ sample_rate: 22050, channels: 1, data: new Int16Array(n).fill(1000 * (i + 1)) }, ctx))!),
    );
    const combined = (await out.combineStream(chunks, ctx))!;
    expect(combined.orig_name).toBe("audio-stream.wav");
    expect(combined.mime_type).toBe("audio/wav");
    const joined = decodeWav(await readFile(combined.path));
    let chunkSamples = 0;
    for (const c of chunks) chunkSamples += decodeWav(await readFile(c.path)).data.length;
    expect(joined.data.length).toBe(chunkSamples);
    expect(joined.data.length).toBe(lengths[0]! + lengths[1]! + lengths[2]!);
    expect(joined).toMatchObject({ sample_rate: 22050, channels: 1 });
    // In order: each chunk's samples where it falls.
    expect([joined.data[0], joined.data[lengths[0]!], joined.data[lengths[0]! + lengths[1]!], joined.data.at(-1)]).toEqual([1000, 2000, 3000, 3000]);
    // Nothing to join: null.
    expect(await out.combineStream([], ctx)).toBeNull();
  });

  it("chunks of other rates and channels are converted to the first one's; mp3 chunks are joined as one mp3; mixed formats are not joined", async () => {
    const out = Audio({ streaming: true });
    const a = (await out.postprocess({ sample_rate: 8000, channels: 1, data: new Int16Array(800).fill(100) }, ctx))!;
    const b = (await out.postprocess({ sample_rate: 16000, channels: 2, data: new Int16Array(3200).fill(300) }, ctx))!;
    const joined = decodeWav(await readFile((await out.combineStream([a, b], ctx))!.path));
    expect(joined).toMatchObject({ sample_rate: 8000, channels: 1 });
    // 0.1 s + 0.1 s at 8 kHz.
    expect(joined.data.length).toBe(1600);
    expect(joined.data[1599]).toBe(300);
    const mp3 = Audio({ streaming: true, format: "mp3" });
    const m1 = (await mp3.postprocess({ sample_rate: 22050, channels: 1, data: new Int16Array(2205) }, ctx))!;
    const m2 = (await mp3.postprocess({ sample_rate: 22050, channels: 1, data: new Int16Array(4410) }, ctx))!;
    const both = (await mp3.combineStream([m1, m2], ctx))!;
    expect(both.orig_name).toBe("audio-stream.mp3");
    expect((await readFile(both.path)).length).toBe((await readFile(m1.path)).length + (await readFile(m2.path)).length);
    expect(await out.combineStream([a, m1], ctx)).toBeNull();
  });
});
