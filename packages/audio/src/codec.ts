/**
 * Audio codecs on the server: WAV through wavefile (read and write), MP3 out through
 * @breezystack/lamejs (a pure-JS LAME port). Other formats are only sniffed, never decoded:
 * that would need ffmpeg.
 */
import wavefile from "wavefile";
import { Mp3Encoder } from "@breezystack/lamejs";

/**
 * Audio as an array: `data` holds the samples interleaved, frame by frame (`[L0, R0, L1, R1, …]`
 * for stereo), `data.length === frames * channels`. Int16Array for PCM (-32768…32767),
 * Float32Array for float audio (-1…1).
 */
export interface AudioArray {
  /** Frames per second. */
  sample_rate: number;
  /** Samples per frame: 1 for mono, 2 for stereo. */
  channels: number;
  /** The interleaved samples. */
  data: Int16Array | Float32Array;
}

/** Formats Audio recognises in bytes. Only "wav" is decoded. */
export type SniffedFormat = "wav" | "mp3" | "ogg" | "flac" | "webm" | "m4a" | "aiff";

export const EXTENSION: Record<SniffedFormat, string> = { wav: "wav", mp3: "mp3", ogg: "ogg", flac: "flac", webm: "webm", m4a: "m4a", aiff: "aiff" };
export const MIME: Record<SniffedFormat, string> = {
  wav: "audio/wav", mp3: "audio/mpeg", ogg: "audio/ogg", flac: "audio/flac", webm: "audio/webm", m4a: "audio/mp4", aiff: "audio/aiff",
};

const ascii = (b: Uint8Array, at: number, n: number) => String.fromCharCode(...b.subarray(at, at + n));

/** The format of audio bytes, by their magic numbers, or null. */
export function sniffAudio(b: Uint8Array): SniffedFormat | null {
  if (b.length < 12) return null;
  const riff = ascii(b, 0, 4);
  if ((riff === "RIFF" || riff === "RIFX" || riff === "RF64") && ascii(b, 8, 4) === "WAVE") return "wav";
  if (ascii(b, 0, 3) === "ID3" || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0)) return "mp3";
  if (ascii(b, 0, 4) === "OggS") return "ogg";
  if (ascii(b, 0, 4) === "fLaC") return "flac";
  if (b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3) return "webm";
  if (ascii(b, 4, 4) === "ftyp") return "m4a";
  if (riff === "FORM" && (ascii(b, 8, 4) === "AIFF" || ascii(b, 8, 4) === "AIFC")) return "aiff";
  return null;
}

/**
 * Decodes a WAV file: integer PCM (8, 16, 24, 32 bits) becomes Int16Array (8-bit is re-centred and
 * scaled up, 24/32-bit keep their top 16 bits); float WAVs (32/64-bit) become Float32Array;
 * A-law, μ-law and IMA ADPCM are expanded to 16-bit first.
 */
export function decodeWav(bytes: Uint8Array): AudioArray {
  const wav = new wavefile.WaveFile(bytes);
  let depth = wav.bitDepth;
  if (depth === "8a") { wav.fromALaw(); depth = "16"; }
  else if (depth === "8m") { wav.fromMuLaw(); depth = "16"; }
  else if (depth === "4") { wav.fromIMAADPCM(); depth = "16"; }
  const fmt = wav.fmt as { numChannels: number; sampleRate: number };
  const channels = fmt.numChannels;
  const sample_rate = fmt.sampleRate;
  if (!channels || !sample_rate) throw new Error("the WAV file has no channels or no sample rate");
  if (depth === "16") return { sample_rate, channels, data: wav.getSamples(true, Int16Array) as unknown as Int16Array };
  const raw = wav.getSamples(true, Float64Array) as unknown as Float64Array;
  if (depth === "32f" || depth === "64") return { sample_rate, channels, data: Float32Array.from(raw) };
  const data = new Int16Array(raw.length);
  if (depth === "8") for (let i = 0; i < raw.length; i++) data[i] = (raw[i]! - 128) * 256;
  else if (depth === "24") for (let i = 0; i < raw.length; i++) data[i] = Math.floor(raw[i]! / 256);
  else if (depth === "32") for (let i = 0; i < raw.length; i++) data[i] = Math.floor(raw[i]! / 65536);
  else throw new Error(`${depth}-bit WAV samples are not supported (8, 16, 24, 32-bit PCM and 32/64-bit float are)`);
  return { sample_rate, channels, data };
}

/** Samples of an {@link AudioArray}-like value, checked. Returns the wavefile bit depth to write. */
function bitDepthOf(data: ArrayLike<number>): "8" | "16" | "32" | "32f" {
  if (data instanceof Int16Array) return "16";
  if (data instanceof Float32Array || data instanceof Float64Array) return "32f";
  if (data instanceof Int32Array) return "32";
  if (data instanceof Uint8Array) return "8";
  throw new TypeError("Audio: data must be an Int16Array, Float32Array, Float64Array, Int32Array or Uint8Array");
}

/** Checks an audio array's shape, with a clear message. */
export function checkAudioArray(audio: { sample_rate: number; channels: number; data: ArrayLike<number> }): void {
  const { sample_rate, channels, data } = audio;
  if (!Number.isInteger(sample_rate) || sample_rate <= 0) throw new TypeError(`Audio: sample_rate must be a positive integer, got ${sample_rate}`);
  if (!Number.isInteger(channels) || channels <= 0) throw new TypeError(`Audio: channels must be a positive integer, got ${channels}`);
  if (data.length % channels !== 0)
    throw new TypeError(`Audio: ${data.length} interleaved samples do not split into ${channels} channels`);
  bitDepthOf(data);
}

/**
 * Encodes interleaved samples as WAV: Int16Array → 16-bit PCM, Float32/Float64Array → 32-bit float,
 * Int32Array → 32-bit PCM, Uint8Array → 8-bit PCM. Samples are written exactly, never rescaled.
 */
export function encodeWav(audio: { sample_rate: number; channels: number; data: ArrayLike<number> }): Uint8Array {
  checkAudioArray(audio);
  const wav = new wavefile.WaveFile();
  const data = audio.data instanceof Float64Array ? Float32Array.from(audio.data) : audio.data;
  wav.fromScratch(audio.channels, audio.sample_rate, bitDepthOf(audio.data), data as unknown as number[]);
  return wav.toBuffer();
}

/** Sample rates MP3 (MPEG-1, 2 and 2.5 layer III) supports. */
export const MP3_SAMPLE_RATES = [8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000];

/** Encodes interleaved samples (mono or stereo) as a 128 kbit/s MP3 with lamejs. Floats are clipped to -1…1. */
export function encodeMp3(audio: { sample_rate: number; channels: number; data: ArrayLike<number> }, kbps = 128): Uint8Array {
  checkAudioArray(audio);
  const { sample_rate, channels, data } = audio;
  if (channels > 2) throw new TypeError(`Audio: MP3 holds 1 or 2 channels, got ${channels}; return format "wav" instead`);
  if (!MP3_SAMPLE_RATES.includes(sample_rate))
    throw new TypeError(`Audio: MP3 needs a sample rate of ${MP3_SAMPLE_RATES.join(", ")} Hz, got ${sample_rate}; return format "wav" instead`);
  const depth = bitDepthOf(data);
  const frames = data.length / channels;
  const planes = Array.from({ length: channels }, () => new Int16Array(frames));
  for (let f = 0; f < frames; f++) {
    for (let c = 0; c < channels; c++) {
      const v = data[f * channels + c]!;
      planes[c]![f] = depth === "16" ? v
        : depth === "32f" ? Math.round(Math.max(-1, Math.min(1, v)) * 32767)
        : depth === "32" ? v >> 16
        : (v - 128) * 256;
    }
  }
  const encoder = new Mp3Encoder(channels, sample_rate, kbps);
  const chunks: Uint8Array[] = [];
  const push = (b: ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; length: number }) => {
    if (b.length) chunks.push(new Uint8Array(b.buffer, b.byteOffset, b.length).slice());
  };
  const block = 1152;
  for (let at = 0; at < frames; at += block) {
    const end = Math.min(frames, at + block);
    push(channels === 2 ? encoder.encodeBuffer(planes[0]!.subarray(at, end), planes[1]!.subarray(at, end)) : encoder.encodeBuffer(planes[0]!.subarray(at, end)));
  }
  push(encoder.flush());
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}
