/**
 * A streaming Audio output's final value: when its generator ends, the chunks it streamed become
 * one file (as Gradio's `combine_stream`), which the page offers for download and API clients get
 * as the output's value.
 */
import { needFiles, type FileData, type ProcessContext } from "@vitrine/core";
import { decodeWav, encodeWav, sniffAudio, type AudioArray } from "./codec.js";

/** The name of the combined file (Gradio's "audio-stream.<format>"); the page knows the final value by it. */
export const COMBINED_AUDIO_NAME = "audio-stream";

/**
 * Joins the chunks of a streamed Audio output, in order, into one file: WAV chunks into one WAV
 * (each converted to the first chunk's sample rate and channels), mp3 chunks one after the
 * other into one mp3. Null when there is nothing to join, or the chunks are of another format
 * or of mixed formats (the output then keeps its last chunk).
 */
export async function combineAudioChunks(chunks: readonly FileData[], ctx?: ProcessContext): Promise<FileData | null> {
  if (chunks.length === 0) return null;
  const files = needFiles("Audio", ctx);
  const bytes: Uint8Array[] = [];
  for (const chunk of chunks) bytes.push(await files.read(await files.resolve(chunk)));
  const formats = new Set(bytes.map(sniffAudio));
  if (formats.size !== 1) return null;
  const [format] = formats;
  if (format === "mp3") {
    // mp3 frames stand on their own: the chunks one after the other are one stream (as Gradio joins them).
    const total = bytes.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const b of bytes) {
      out.set(b, at);
      at += b.length;
    }
    return files.save(out, { name: `${COMBINED_AUDIO_NAME}.mp3`, mime_type: "audio/mpeg" });
  }
  if (format !== "wav") return null;
  const joined = joinAudio(bytes.map(decodeWav));
  return files.save(encodeWav(joined), { name: `${COMBINED_AUDIO_NAME}.wav`, mime_type: "audio/wav" });
}

/**
 * Joins audio arrays one after the other, in the first one's sample rate and channels (others
 * are resampled linearly and their channels mixed down or copied up). 16-bit when they all are,
 * else 32-bit float.
 */
export function joinAudio(parts: readonly AudioArray[]): AudioArray {
  const first = parts[0];
  if (!first) throw new Error("joinAudio: no audio to join");
  const rate = first.sample_rate;
  const channels = first.channels;
  const int16 = parts.every((p) => p.data instanceof Int16Array);
  const converted = parts.map((p) => toLayout(p, rate, channels, int16));
  const total = converted.reduce((n, d) => n + d.length, 0);
  const data = int16 ? new Int16Array(total) : new Float32Array(total);
  let at = 0;
  for (const d of converted) {
    data.set(d, at);
    at += d.length;
  }
  return { sample_rate: rate, channels, data };
}

/** One part's interleaved samples in the given rate, channels and sample type. */
function toLayout(part: AudioArray, rate: number, channels: number, int16: boolean): Int16Array | Float32Array {
  const scale = (v: number) => (int16 ? v : part.data instanceof Int16Array ? v / 32768 : v);
  if (part.sample_rate === rate && part.channels === channels) {
    if (int16 || part.data instanceof Float32Array) return part.data;
    return Float32Array.from(part.data, scale);
  }
  const inFrames = part.data.length / part.channels;
  const outFrames = Math.round((inFrames * rate) / part.sample_rate);
  const out = int16 ? new Int16Array(outFrames * channels) : new Float32Array(outFrames * channels);
  // The sample of channel `c` at (fractional) frame `f`, channels mixed or copied to fit.
  const sample = (frame: number, c: number): number => {
    if (part.channels === channels) return part.data[frame * part.channels + c]!;
    if (channels === 1) {
      let sum = 0;
      for (let k = 0; k < part.channels; k++) sum += part.data[frame * part.channels + k]!;
      return sum / part.channels;
    }
    return part.data[frame * part.channels + Math.min(c, part.channels - 1)]!;
  };
  for (let f = 0; f < outFrames; f++) {
    const pos = (f * part.sample_rate) / rate;
    const i = Math.min(Math.floor(pos), inFrames - 1);
    const j = Math.min(i + 1, inFrames - 1);
    const t = pos - i;
    for (let c = 0; c < channels; c++) {
      const v = scale(sample(i, c) * (1 - t) + sample(j, c) * t);
      out[f * channels + c] = int16 ? Math.round(v) : v;
    }
  }
  return out;
}
