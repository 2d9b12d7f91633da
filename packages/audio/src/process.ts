import { randomUUID } from "node:crypto";
import { basename, extname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  FileValuedComponent,
  VitrineError,
  FILE_DATA_SCHEMA,
  fileData,
  isFileData,
  needFiles,
  type ApiDescription,
  type ComponentProps,
  type FileData,
  type Listeners,
  type ProcessContext,
} from "@vitrine/core";
import { EXTENSION, MIME, checkAudioArray, decodeWav, encodeMp3, encodeWav, sniffAudio, type AudioArray } from "./codec.js";
import { audioEvents, type AudioEvent, type AudioEventData } from "./events.js";
import { combineAudioChunks } from "./combine.js";

export type { AudioArray } from "./codec.js";

/** What the function receives, by `type`. */
export type AudioType = "array" | "filepath";

/** The format returned audio is saved in. */
export type AudioFormat = "wav" | "mp3";

/** Where the user may take audio from. */
export type AudioSource = "upload" | "microphone";

/** The value the function receives for an Audio of type `T`. */
export type AudioInput<T extends AudioType> = T extends "filepath" ? string : AudioArray;

/**
 * What a function may return for an Audio: an {@link AudioArray} (any of Int16Array,
 * Float32Array, Float64Array, Int32Array, Uint8Array as `data`), a `[sample_rate, data]` pair
 * (mono), encoded bytes, a path, an http(s) URL, a FileData, or null.
 */
export type AudioOutput =
  | AudioArray
  | { sample_rate: number; channels: number; data: Float64Array | Int32Array | Uint8Array }
  | readonly [number, Int16Array | Float32Array | Float64Array]
  | Uint8Array
  | string
  | FileData
  | null;

/** Props of an Audio. */
export interface AudioProps<T extends AudioType = "array"> extends ComponentProps<AudioOutput> {
  /** What the function receives: "array" (default, a decoded WAV) or "filepath". */
  type?: T;
  /** Format returned arrays are saved in: "wav" (default, exact) or "mp3" (128 kbit/s, lamejs). */
  format?: AudioFormat;
  /** Where the user may take audio from. Default `["upload", "microphone"]`. */
  sources?: AudioSource[] | AudioSource | null;
  /** Whether the player starts when a value arrives. Default false. */
  autoplay?: boolean;
  /** Whether the player loops. Default false. */
  loop?: boolean;
  /** Whether a download button is shown. Default true. */
  show_download_button?: boolean;
  /** Whether the microphone starts recording (or streaming) as soon as the view shows, as Gradio's `recording`. Default false. */
  recording?: boolean;
  /**
   * As an input: the microphone streams WAV chunks to a `stream` listener (every `stream_every`
   * seconds; `fn` gets each as its `type` says). As an output: each value a generator yields is
   * one chunk, played right after the previous one as one track. Default false.
   */
  streaming?: boolean;
  /** Whether the user may trim the audio in the browser (select a region of the waveform, Trim, Undo trim). Default true. */
  editable?: boolean;
  /** The shortest audio accepted as input, in seconds: shorter input fails the event with a clear message. Default none. */
  min_length?: number | null;
  /** The longest audio accepted as input, in seconds: longer input fails the event, and the recorder stops by itself at this length. Default none. */
  max_length?: number | null;
  /** How the waveform looks and behaves (see {@link WaveformOptions}). */
  waveform_options?: WaveformOptions | null;
}

/** Options of the Audio's waveform, as Gradio's `gr.WaveformOptions`. Colours are any CSS colour, used as given. */
export interface WaveformOptions {
  /** Colour of the waveform. Default the theme's subdued text colour. */
  waveform_color?: string | null;
  /** Colour of the part already played. Default the theme's accent colour. */
  waveform_progress_color?: string | null;
  /** Colour of the region selected for trimming. Default the theme's accent colour. */
  trim_region_color?: string | null;
  /** Whether the microphone's signal is drawn live while recording. Default true. */
  show_recording_waveform?: boolean;
  /** Whether the browser's own audio player shows below the waveform. Default true (Gradio's default hides it; Vitrine keeps it, so keyboard and screen-reader users get a native player). */
  show_controls?: boolean;
  /** Seconds the skip buttons move the playback by. Default 5. */
  skip_length?: number;
  /** Sample rate (Hz) of audio the browser writes: trimmed audio and recordings. Default 44100. */
  sample_rate?: number;
}

/** Gradio's `gr.WaveformOptions(...)`: returns the options as given, for `Audio({ waveform_options })`. */
export function WaveformOptions(options: WaveformOptions = {}): WaveformOptions {
  return { ...options };
}

/** Seconds of audio in a decoded array. */
function durationOf(audio: { sample_rate: number; channels: number; data: ArrayLike<number> }): number {
  return audio.data.length / Math.max(1, audio.channels) / audio.sample_rate;
}

/** Seconds as a user reads them: "0.4 s", "12 s". */
function seconds(value: number): string {
  return `${Number(value.toFixed(value < 10 ? 2 : 1))} s`;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  ".wav": "audio/wav", ".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".opus": "audio/ogg",
  ".flac": "audio/flac", ".webm": "audio/webm", ".m4a": "audio/mp4", ".aac": "audio/aac", ".aiff": "audio/aiff",
};




function isAudioArrayLike(value: unknown): value is { sample_rate: number; channels: number; data: ArrayLike<number> } {
  const v = value as AudioArray;
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof v.sample_rate === "number" &&
    typeof v.channels === "number" && ArrayBuffer.isView(v.data);
}

/**
 * Audio in and out, through wavefile. As an input the function receives an {@link AudioArray}
 * (`type: "array"`, default: a decoded WAV, samples interleaved) or the uploaded file's path
 * (`"filepath"`, any format). Only WAV is decoded: other formats need `type: "filepath"`.
 */
export class AudioComponent<T extends AudioType = "array"> extends FileValuedComponent<AudioInput<T>, AudioOutput, FileData | null> {
  static override readonly events = audioEvents;
  readonly type = "audio";
  readonly ui = { file: fileURLToPath(new URL("../dist/ui.js", import.meta.url)) };
  declare readonly props: AudioProps<T>;

  constructor(props: AudioProps<T> = {}) {
    if (props.type !== undefined && !["array", "filepath"].includes(props.type))
      throw new TypeError(`Audio: type must be "array" or "filepath", got ${JSON.stringify(props.type)}`);
    if (props.format !== undefined && !["wav", "mp3"].includes(props.format))
      throw new TypeError(`Audio: format must be "wav" or "mp3", got ${JSON.stringify(props.format)}`);
    const sources = props.sources === null || props.sources === undefined ? [] : Array.isArray(props.sources) ? props.sources : [props.sources];
    for (const s of sources)
      if (s !== "upload" && s !== "microphone") throw new TypeError(`Audio: sources may hold "upload" and "microphone", got ${JSON.stringify(s)}`);
    for (const key of ["min_length", "max_length"] as const) {
      const v = props[key];
      if (v !== undefined && v !== null && !(typeof v === "number" && Number.isFinite(v) && v >= 0))
        throw new TypeError(`Audio: ${key} must be a number of seconds (≥ 0), got ${JSON.stringify(v)}`);
    }
    if (props.min_length != null && props.max_length != null && props.min_length > props.max_length)
      throw new TypeError(`Audio: min_length (${props.min_length}) is greater than max_length (${props.max_length})`);
    const rate = props.waveform_options?.sample_rate;
    if (rate !== undefined && !(Number.isInteger(rate) && rate >= 3000 && rate <= 768000))
      throw new TypeError(`Audio: waveform_options.sample_rate must be a whole number of Hz from 3000 to 768000, got ${JSON.stringify(rate)}`);
    super(props);
  }

  override async preprocess(payload: FileData | null | undefined, ctx?: ProcessContext): Promise<AudioInput<T>> {
    if (payload === null || payload === undefined) return null as unknown as AudioInput<T>;
    if (!isFileData(payload)) throw new TypeError("Audio expects a FileData object ({ path, meta: { _type: \"gradio.FileData\" } })");
    const files = needFiles("Audio", ctx);
    const path = await files.resolve(payload);
    const limited = this.props.min_length != null || this.props.max_length != null;
    if ((this.props.type ?? "array") === "filepath" && !limited) return path as AudioInput<T>;
    const name = payload.orig_name ?? basename(payload.path);
    const bytes = await files.read(path);
    if ((this.props.type ?? "array") === "filepath") {
      // The lengths are measured on WAV files only (other formats would need ffmpeg).
      if (sniffAudio(bytes) === "wav") this.checkLength(decodeWav(bytes));
      return path as AudioInput<T>;
    }
    const format = sniffAudio(bytes);
    if (format !== "wav")
      throw new VitrineError(
        `Audio: "${name}" is ${format ? `an ${format.toUpperCase()} file` : "not a WAV file"}; this app reads WAV only ` +
          `(decoding other formats needs ffmpeg). Upload a WAV, or use Audio({ type: "filepath" }) to get the file's path.`,
      );
    let audio: AudioArray;
    try {
      audio = decodeWav(bytes);
    } catch (error) {
      throw new VitrineError(`Audio: could not decode "${name}" as WAV: ${(error as Error).message}`);
    }
    this.checkLength(audio);
    return audio as AudioInput<T>;
  }

  /** Refuses input shorter than `min_length` or longer than `max_length` with a message for the user. */
  private checkLength(audio: { sample_rate: number; channels: number; data: ArrayLike<number> }): void {
    const { min_length, max_length } = this.props;
    const length = durationOf(audio);
    if (min_length != null && length < min_length)
      throw new VitrineError(`Audio is too short (${seconds(length)}): it must be at least ${seconds(min_length)} long.`);
    if (max_length != null && length > max_length)
      throw new VitrineError(`Audio is too long (${seconds(length)}): it must be at most ${seconds(max_length)} long.`);
  }

  override async postprocess(value: AudioOutput | undefined, ctx?: ProcessContext): Promise<FileData | null> {
    if (value === null || value === undefined) return null;
    if (isFileData(value)) return value;
    if (typeof value === "string") {
      if (/^https?:\/\//i.test(value)) return fileData(value, { url: value, orig_name: basename(new URL(value).pathname) || null });
      const mime = MIME_BY_EXTENSION[extname(value).toLowerCase()];
      return needFiles("Audio", ctx).adopt(value, { name: basename(value), ...(mime ? { mime_type: mime } : {}) });
    }
    if (value instanceof Uint8Array) return this.saveBytes(value, ctx);
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "number" && ArrayBuffer.isView(value[1]))
      return this.saveArray({ sample_rate: value[0], channels: 1, data: value[1] as Int16Array }, ctx);
    if (isAudioArrayLike(value)) return this.saveArray(value, ctx);
    throw new TypeError("Audio: return an audio array ({ sample_rate, channels, data }), [sample_rate, data], encoded bytes, a path, a URL or null");
  }

  /**
   * A streaming output's final value: the chunks its generator streamed, joined into one file
   * (`audio-stream.wav`, or `.mp3`), as Gradio's `combine_stream`. Null when they cannot be joined.
   */
  async combineStream(chunks: readonly FileData[], ctx?: ProcessContext): Promise<FileData | null> {
    return combineAudioChunks(chunks, ctx);
  }

  /** Saves encoded bytes as they are (a WAV is converted when `format` is "mp3"). */
  private async saveBytes(bytes: Uint8Array, ctx?: ProcessContext): Promise<FileData> {
    const files = needFiles("Audio", ctx);
    const sniffed = sniffAudio(bytes);
    if (sniffed === null) throw new TypeError("Audio: the returned bytes are not audio this app recognises (wav, mp3, ogg, flac, webm, m4a, aiff)");
    if (sniffed === "wav" && this.props.format === "mp3") return this.saveArray(decodeWav(bytes), ctx);
    const base = this.props.streaming ? `chunk-${randomUUID().slice(0, 8)}` : "audio";
    return files.save(bytes, { name: `${base}.${EXTENSION[sniffed]}`, mime_type: MIME[sniffed] });
  }

  private async saveArray(audio: { sample_rate: number; channels: number; data: ArrayLike<number> }, ctx?: ProcessContext): Promise<FileData> {
    const files = needFiles("Audio", ctx);
    checkAudioArray(audio);
    // A streaming output's chunks each get their own file, even when two are alike (the cache is content-addressed by folder and name).
    const base = this.props.streaming ? `chunk-${randomUUID().slice(0, 8)}` : "audio";
    if (this.props.format === "mp3") return files.save(encodeMp3(audio), { name: `${base}.mp3`, mime_type: "audio/mpeg" });
    return files.save(encodeWav(audio), { name: `${base}.wav`, mime_type: "audio/wav" });
  }

  api(): ApiDescription {
    return { type: FILE_DATA_SCHEMA, python_type: { type: "filepath", description: "" } };
  }

  /** No example input: Gradio's points at a file on the internet, which this app must not fetch on its own. */
  override exampleInput(): null {
    return null;
  }

  protected override ownProps(): Record<string, unknown> {
    const { format = "wav", autoplay = false, loop = false, show_download_button = true, streaming = false, recording = false } = this.props;
    const sources = this.props.sources ?? (streaming ? ["microphone"] : ["upload", "microphone"]);
    const w = this.props.waveform_options ?? {};
    return {
      format, autoplay, loop, show_download_button, streaming, recording,
      editable: this.props.editable ?? true,
      min_length: this.props.min_length ?? null,
      max_length: this.props.max_length ?? null,
      waveform_options: {
        waveform_color: w.waveform_color ?? null,
        waveform_progress_color: w.waveform_progress_color ?? null,
        trim_region_color: w.trim_region_color ?? null,
        show_recording_waveform: w.show_recording_waveform ?? true,
        show_controls: w.show_controls ?? true,
        skip_length: w.skip_length ?? 5,
        sample_rate: w.sample_rate ?? 44100,
      },
      sources: Array.isArray(sources) ? sources : [sources],
      type: this.props.type ?? "array",
    };
  }
}
export interface AudioComponent<T extends AudioType = "array"> extends Listeners<AudioEvent, AudioEventData> {}

/**
 * An audio input or output. As an input the function receives an {@link AudioArray}
 * (`{ sample_rate, channels, data }`, interleaved) or a path, by `type`; as an output it may
 * return an array, bytes, a path or a URL.
 * @example vt.Audio({ label: "Voice", sources: ["microphone"], format: "mp3" })
 */
export function Audio<T extends AudioType = "array">(props: AudioProps<T> = {}): AudioComponent<T> {
  return new AudioComponent<T>(props);
}
export type Audio<T extends AudioType = "array"> = AudioComponent<T>;

/** Gradio's `gr.Microphone`: an Audio whose only source is the microphone. */
export function Microphone<T extends AudioType = "array">(props: Omit<AudioProps<T>, "sources"> = {}): AudioComponent<T> {
  return new AudioComponent<T>({ ...props, sources: ["microphone"] } as AudioProps<T>);
}
