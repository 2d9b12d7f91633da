/**
 * The arithmetic behind the Audio view's waveform and trimming, as pure functions (no DOM, no
 * Web Audio), so that they are tested on known buffers: peaks for drawing, pixel ↔ time, a
 * selected region in frames, and a trim of decoded channels to that region as a 16-bit WAV.
 */
import { encodeWav16 } from "./wav.js";

/** A selected stretch of the audio, in seconds from its start (`start < end`). */
export interface TrimRegion {
  start: number;
  end: number;
}

/**
 * The waveform's bars: for each of `buckets` equal slices of the audio, the largest absolute
 * sample over all channels (0…1). Channels are the decoded planes, of equal lengths.
 */
export function peaks(channels: readonly Float32Array[], buckets: number): Float32Array {
  const out = new Float32Array(Math.max(0, Math.floor(buckets)));
  const frames = channels[0]?.length ?? 0;
  if (!frames || !out.length) return out;
  for (let b = 0; b < out.length; b++) {
    const from = Math.floor((b * frames) / out.length);
    const to = Math.max(from + 1, Math.floor(((b + 1) * frames) / out.length));
    let peak = 0;
    for (const plane of channels)
      for (let i = from; i < to && i < frames; i++) {
        const v = Math.abs(plane[i]!);
        if (v > peak) peak = v;
      }
    out[b] = Math.min(1, peak);
  }
  return out;
}

/** The time (seconds) under horizontal position `x` of a waveform `width` pixels wide showing `duration` seconds, clamped to the audio. */
export function timeAt(x: number, width: number, duration: number): number {
  if (width <= 0 || duration <= 0) return 0;
  return Math.min(duration, Math.max(0, (x / width) * duration));
}

/** The region between two times (in either order), clamped to `[0, duration]`; null when it is shorter than `minimum` seconds. */
export function regionBetween(a: number, b: number, duration: number, minimum = 0.01): TrimRegion | null {
  const start = Math.max(0, Math.min(a, b, duration));
  const end = Math.min(duration, Math.max(a, b, 0));
  return end - start >= minimum ? { start, end } : null;
}

/** The frames `[from, to)` a region covers in audio of `frames` frames at `sampleRate`. */
export function regionFrames(region: TrimRegion, sampleRate: number, frames: number): { from: number; to: number } {
  const from = Math.min(frames, Math.max(0, Math.round(region.start * sampleRate)));
  const to = Math.min(frames, Math.max(from, Math.round(region.end * sampleRate)));
  return { from, to };
}

/** The channels cut to `region` (copies). */
export function sliceChannels(channels: readonly Float32Array[], sampleRate: number, region: TrimRegion): Float32Array[] {
  const { from, to } = regionFrames(region, sampleRate, channels[0]?.length ?? 0);
  return channels.map((plane) => plane.slice(from, to));
}

/** Decoded channels cut to `region` and encoded as a 16-bit PCM WAV at `sampleRate`. */
export function trimToWav(channels: readonly Float32Array[], sampleRate: number, region: TrimRegion): Uint8Array {
  if (!channels.length) throw new Error("There is no audio to trim.");
  const cut = sliceChannels(channels, sampleRate, region);
  if (!cut[0]!.length) throw new Error("The selected region holds no audio.");
  return encodeWav16(cut, sampleRate);
}

/** `seconds` as "m:ss.s" for the player's clock and the region's handles. */
export function formatTime(seconds: number): string {
  const s = Math.max(0, seconds);
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}:${rest < 10 ? "0" : ""}${rest.toFixed(1)}`;
}
