import { useEffect, useRef, useState } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { encodeWav16 } from "./wav.js";
import { MicStream } from "./mic-stream.js";
import { StreamPlayer } from "./stream-player.js";
import { AudioPlayer, type WaveformViewOptions } from "./player.js";
import { LiveWaveform, decodeAudio } from "./waveform.js";
import { formatTime } from "./trim.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { useFileDrop } from "@vitrine/view-kit";

/** Config props the Audio view reads. */
export interface AudioViewProps {
  /** Where the user may take audio from. */
  sources: ("upload" | "microphone")[];
  /** Whether the player starts when a value arrives. */
  autoplay: boolean;
  /** Whether the player loops. */
  loop: boolean;
  /** Whether a download button is shown. */
  show_download_button: boolean;
  /** As an input: the microphone streams WAV chunks to a `stream` listener; as an output: chunks play as one track. */
  streaming?: boolean;
  /** Set by the page from the `stream` listener: seconds between chunks, and the longest stream. */
  stream_every?: number;
  /** Set by the page from the `stream` listener: the longest stream, in seconds (null: no limit). */
  time_limit?: number | null;
  /** Set by the page: whether the `stream` listener's event is running. */
  stream_active?: boolean;
  /** Whether the microphone starts recording (or streaming) as soon as the view shows. */
  recording?: boolean;
  /** Whether the user may trim the audio (select a region of the waveform, Trim, Undo trim). Default true. */
  editable?: boolean;
  /** The longest recording, in seconds: the recorder stops by itself there. */
  max_length?: number | null;
  /** The shortest input, in seconds (checked by the server). */
  min_length?: number | null;
  /** The waveform's colours and options. */
  waveform_options?: WaveformViewOptions;
}

const CSS = `
.vt-audio-frame { display: flex; flex-direction: column; gap: var(--spacing-sm); padding: var(--spacing-md);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-audio-frame audio { width: 100%; }
.vt-audio-tools { display: flex; justify-content: flex-end; gap: var(--spacing-sm); }
.vt-audio-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-family: var(--font); font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-audio-tool:hover { border-color: var(--color-accent); }
.vt-audio-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-md);
  width: 100%; min-height: 120px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-audio-drop:focus-visible, .vt-audio-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-audio-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-audio-tabs { display: flex; gap: var(--spacing-sm); }
.vt-audio-tab[aria-pressed="true"] { border-color: var(--color-accent); }
.vt-audio-mic { display: flex; flex-direction: column; align-items: center; gap: var(--spacing-md); padding: var(--spacing-lg);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); }
.vt-audio-level { width: 100%; height: 8px; background: var(--background-fill-primary); border-radius: var(--radius-sm); overflow: hidden; }
.vt-audio-level > div { height: 100%; background: var(--color-accent); transition: width 60ms linear; }
.vt-audio-mic-buttons { display: flex; gap: var(--spacing-sm); }
.vt-audio-error { color: var(--error-text-color); font-size: var(--text-sm); }
.vt-audio-wave { position: relative; isolation: isolate; width: 100%; height: 64px; color: var(--body-text-color-subdued); cursor: pointer;
  touch-action: none; user-select: none; }
.vt-audio-wave canvas, .vt-audio-live { display: block; width: 100%; height: 64px; }
.vt-audio-wave canvas { position: relative; z-index: 1; }
.vt-audio-live { color: var(--color-accent); }
.vt-audio-cursor { position: absolute; z-index: 2; top: 0; bottom: 0; width: 1px; background: var(--body-text-color); pointer-events: none; }
.vt-audio-region { position: absolute; top: 0; bottom: 0; background: var(--color-accent); opacity: 0.3; pointer-events: none; }
.vt-audio-handle { position: absolute; z-index: 2; top: 0; bottom: 0; width: 6px; margin-left: -3px; background: var(--color-accent);
  border-radius: var(--radius-sm); cursor: ew-resize; opacity: 0.8; }
.vt-audio-handle:focus-visible { outline: 2px solid var(--body-text-color); opacity: 1; }
.vt-audio-controls { display: flex; flex-wrap: wrap; align-items: center; gap: var(--spacing-sm); }
.vt-audio-clock { font-size: var(--text-sm); color: var(--body-text-color-subdued); font-variant-numeric: tabular-nums; }
.vt-audio-edit { display: inline-flex; align-items: center; gap: var(--spacing-sm); margin-left: auto; }
.vt-audio-tool:disabled { opacity: 0.5; cursor: default; }
`;

/** A recording under way: the recorder, its stream, and the level meter's audio graph. */
interface Recording {
  recorder: MediaRecorder;
  stream: MediaStream;
  chunks: Blob[];
  context: AudioContext | null;
  frame: number;
  /** Seconds recorded before the last pause, and when recording last (re)started (null while paused). */
  clock: { before: number; since: number | null };
  /** The clock's ticker (the display and the stop at `max_length`). */
  timer: ReturnType<typeof setInterval> | null;
}

/** Seconds a recording has recorded so far (paused time does not count). */
function recordedSeconds(rec: Recording): number {
  return rec.clock.before + (rec.clock.since === null ? 0 : (performance.now() - rec.clock.since) / 1000);
}

/**
 * Turns a recorded blob (webm/ogg from MediaRecorder) into a 16-bit WAV with the Web Audio API,
 * at `sampleRate` (waveform_options.sample_rate), so that the server reads it without ffmpeg.
 * Falls back to the blob as it is where the browser cannot decode it (or has no Web Audio).
 */
async function toWav(blob: Blob, sampleRate: number): Promise<File> {
  const canDecode = typeof (globalThis as { OfflineAudioContext?: unknown }).OfflineAudioContext === "function";
  const decoded = canDecode ? await decodeAudio(await blob.arrayBuffer(), sampleRate) : null;
  if (decoded) {
    const bytes = encodeWav16(decoded.planes, decoded.sampleRate);
    return new File([bytes as BlobPart], "recording.wav", { type: "audio/wav" });
  }
  const ext = blob.type.includes("ogg") ? "ogg" : blob.type.includes("mp4") ? "m4a" : "webm";
  return new File([blob], `recording.${ext}`, { type: blob.type || "audio/webm" });
}

/**
 * The Audio view: a player of the value (`<audio controls>`, with autoplay and loop) with
 * download and clear buttons; when interactive and empty, an upload area (file chooser or
 * drop) and, with the "microphone" source, a recorder (MediaRecorder) with a level meter.
 */
export function AudioView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<FileData | null, AudioViewProps>) {
  adoptStylesheet("vt-audio-style", CSS);
  const input = useRef<HTMLInputElement>(null);
  const recording = useRef<Recording | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recState, setRecState] = useState<"idle" | "recording" | "paused">("idle");
  const [level, setLevel] = useState(0);
  const [analyser, setAnalyser] = useState<AnalyserNode | null>(null);
  const [recorded, setRecorded] = useState(0);
  /** Earlier values, for "Undo trim"; and the value the last trim or undo set (another value resets the history). */
  const [history, setHistory] = useState<FileData[]>([]);
  const ownValue = useRef<FileData | null>(null);
  const options = props.waveform_options ?? {};
  const sources = props.sources ?? ["upload", "microphone"];
  const canUpload = interactive && sources.includes("upload");
  const canRecord = interactive && sources.includes("microphone");
  const [source, setSource] = useState<"upload" | "microphone">(canUpload || !canRecord ? "upload" : "microphone");
  const mic = useRef<MicStream | null>(null);
  const [streamingMic, setStreamingMic] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const latest = useRef({ dispatch, props });
  latest.current = { dispatch, props };

  useEffect(() => () => {
    stopTracks();
    if (mic.current) {
      mic.current.stop();
      mic.current = null;
      latest.current.dispatch("close_stream");
    }
  }, []);

  /** Streaming microphone: a WAV chunk every `stream_every` seconds to the `stream` listener. */
  async function startStreaming() {
    setError(null);
    const stream = new MicStream((wav) => latest.current.dispatch("stream", wav), props.stream_every ?? 0.5);
    try {
      await stream.start();
    } catch (e) {
      stream.stop();
      setError((e as Error).message || "Could not use the microphone.");
      return;
    }
    mic.current = stream;
    setStreamingMic(true);
    setElapsed(0);
    dispatch("start_recording");
  }

  function stopStreaming() {
    const stream = mic.current;
    if (!stream) return;
    mic.current = null;
    stream.stop();
    setStreamingMic(false);
    setLevel(0);
    const d = latest.current.dispatch;
    d("stop_recording");
    d("close_stream");
  }

  // While streaming: the level meter, and the time limit.
  useEffect(() => {
    if (!streamingMic) return;
    const started = performance.now();
    const timer = setInterval(() => {
      const seconds = (performance.now() - started) / 1000;
      setElapsed(seconds);
      setLevel(mic.current?.level() ?? 0);
      const limit = latest.current.props.time_limit;
      if (typeof limit === "number" && seconds >= limit) stopStreaming();
    }, 100);
    return () => clearInterval(timer);
  }, [streamingMic]);

  // `recording: true`: the microphone starts at once (streaming, or a recording).
  useEffect(() => {
    if (!props.recording || !canRecord || value) return;
    if (props.streaming) void startStreaming();
    else {
      setSource("microphone");
      void startRecording();
    }
  }, []);

  // The page's stream ended (its time limit, an error): stop sending.
  const wasActive = useRef(false);
  useEffect(() => {
    if (props.stream_active) wasActive.current = true;
    else {
      if (wasActive.current && mic.current) stopStreaming();
      wasActive.current = false;
    }
  }, [props.stream_active]);

  function stopTracks() {
    const rec = recording.current;
    if (!rec) return;
    cancelAnimationFrame(rec.frame);
    if (rec.timer) clearInterval(rec.timer);
    setAnalyser(null);
    rec.stream.getTracks().forEach((t) => t.stop());
    void rec.context?.close();
    recording.current = null;
  }

  async function send(file: Blob) {
    setError(null);
    setBusy(0);
    try {
      const [data] = await upload([file], { onProgress: (f) => setBusy(f) });
      if (!data) return;
      onChange(data, { userInput: true });
      dispatch("upload", data);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  function take(files: readonly Blob[]) {
    const file = files.find((f) => f.type === "" || f.type.startsWith("audio/") || f.type === "video/webm" || f.type === "video/ogg");
    if (!file) return setError("That is not an audio file.");
    void send(file);
  }

  const { dragging, dropProps } = useFileDrop((files) => take(files), canUpload);

  async function startRecording() {
    setError(null);
    try {
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") throw new Error("This browser cannot record audio.");
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const recorder = new MediaRecorder(stream);
      const rec: Recording = { recorder, stream, chunks: [], context: null, frame: 0, clock: { before: 0, since: null }, timer: null };
      recording.current = rec;
      recorder.ondataavailable = (e) => { if (e.data.size) rec.chunks.push(e.data); };
      recorder.onstop = () => {
        const blob = new Blob(rec.chunks, { type: recorder.mimeType || "audio/webm" });
        stopTracks();
        setLevel(0);
        void toWav(blob, latest.current.props.waveform_options?.sample_rate ?? 44100).then(send);
      };
      const AC = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
      if (AC) {
        const context = new AC();
        const analyser = context.createAnalyser();
        analyser.fftSize = 512;
        context.createMediaStreamSource(stream).connect(analyser);
        rec.context = context;
        setAnalyser(analyser);
        const samples = new Uint8Array(analyser.fftSize);
        const tick = () => {
          analyser.getByteTimeDomainData(samples);
          let peak = 0;
          for (const s of samples) peak = Math.max(peak, Math.abs(s - 128));
          setLevel(peak / 128);
          rec.frame = requestAnimationFrame(tick);
        };
        rec.frame = requestAnimationFrame(tick);
      }
      recorder.start();
      rec.clock = { before: 0, since: performance.now() };
      // The clock, and the stop at `max_length`, measured from the recorder's own start.
      rec.timer = setInterval(() => {
        const seconds = recordedSeconds(rec);
        setRecorded(seconds);
        const max = latest.current.props.max_length;
        if (typeof max === "number" && seconds >= max && recording.current === rec) stopRecording();
      }, 20);
      setRecorded(0);
      setRecState("recording");
      dispatch("start_recording");
    } catch (e) {
      stopTracks();
      setError((e as Error).message || "Could not use the microphone.");
    }
  }

  function pauseRecording() {
    const rec = recording.current;
    if (!rec) return;
    if (rec.recorder.state === "recording") {
      rec.recorder.pause();
      rec.clock = { before: recordedSeconds(rec), since: null };
      setRecState("paused");
      dispatch("pause_recording");
    } else if (rec.recorder.state === "paused") {
      rec.recorder.resume();
      rec.clock.since = performance.now();
      setRecState("recording");
    }
  }

  function stopRecording() {
    const rec = recording.current;
    if (!rec || rec.recorder.state === "inactive") return;
    if (rec.timer) clearInterval(rec.timer);
    rec.recorder.stop();
    setRecState("idle");
    latest.current.dispatch("stop_recording");
  }

  // A value that did not come from a trim or an undo starts a new history.
  useEffect(() => {
    if (value?.path !== ownValue.current?.path) setHistory([]);
    ownValue.current = null;
  }, [value?.path]);

  async function applyTrim(file: File) {
    const [data] = await upload([file]);
    if (!data) return;
    if (value) setHistory((h) => [...h, value]);
    ownValue.current = data;
    onChange(data, { userInput: true });
  }

  function undoTrim() {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory((h) => h.slice(0, -1));
    ownValue.current = previous;
    onChange(previous, { userInput: true });
  }

  function clear() {
    setError(null);
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  const label = props.label ?? "Audio";
  const url = value ? fileUrl(value) : null;
  const status = busy !== null ? <span>Uploading… {busy > 0 ? `${Math.round(busy * 100)}%` : ""}</span> : null;

  const streamsIn = interactive && props.streaming === true && canRecord;
  return (
    <div className="vt-field vt-audio">
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {props.streaming && !interactive ? (
        <StreamPlayer value={value} fileUrl={fileUrl} autoplay={props.autoplay === true} label={label} />
      ) : streamsIn ? (
        <div className="vt-audio-mic">
          {streamingMic ? (
            <div className="vt-audio-level" role="meter" aria-label="Input level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)}>
              <div style={{ width: `${Math.round(level * 100)}%` }} />
            </div>
          ) : null}
          <div className="vt-audio-mic-buttons">
            {streamingMic ? (
              <button type="button" className="vt-audio-tool" onClick={stopStreaming} aria-label="Stop streaming">
                ■ Stop{typeof props.time_limit === "number" ? ` (${Math.max(0, Math.ceil(props.time_limit - elapsed))} s)` : ""}
              </button>
            ) : (
              <button type="button" className="vt-audio-tool" onClick={() => void startStreaming()} aria-label="Start streaming">● Record</button>
            )}
          </div>
        </div>
      ) : url ? (
        <div className="vt-audio-frame">
          <AudioPlayer
            url={url}
            label={label}
            autoplay={props.autoplay === true}
            loop={props.loop === true}
            options={options}
            editable={interactive && props.editable !== false}
            canUndo={interactive && history.length > 0}
            onTrim={applyTrim}
            onUndo={undoTrim}
            onEvent={(e) => dispatch(e)}
            fileName={value?.orig_name ?? "audio.wav"}
          />
          <div className="vt-audio-tools">
            {props.show_download_button !== false ? (
              <a className="vt-audio-tool" href={url} download={value?.orig_name ?? "audio"} aria-label="Download" title="Download">⤓</a>
            ) : null}
            {interactive ? <button type="button" className="vt-audio-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button> : null}
          </div>
        </div>
      ) : canUpload || canRecord ? (
        <>
          {canUpload && canRecord ? (
            <div className="vt-audio-tabs" role="group" aria-label={`${label}: source`}>
              <button type="button" className="vt-audio-tool vt-audio-tab" aria-pressed={source === "upload"} onClick={() => setSource("upload")}>Upload</button>
              <button type="button" className="vt-audio-tool vt-audio-tab" aria-pressed={source === "microphone"} onClick={() => setSource("microphone")}>Microphone</button>
            </div>
          ) : null}
          {source === "upload" && canUpload ? (
            <div
              className="vt-audio-drop"
              role="button"
              tabIndex={0}
              aria-label={`${label}: upload an audio file`}
              data-dragging={dragging}
              onClick={() => input.current?.click()}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), input.current?.click())}
              {...dropProps}
            >
              {status ?? (<><strong>Drop audio here</strong><span>— or click to upload —</span></>)}
              <input ref={input} type="file" accept="audio/*" hidden aria-hidden="true" tabIndex={-1}
                onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; take(files); }} />
            </div>
          ) : (
            <div className="vt-audio-mic">
              {recState !== "idle" && analyser && options.show_recording_waveform !== false ? <LiveWaveform analyser={analyser} color={options.waveform_color} /> : null}
              {recState !== "idle" ? (
                <span className="vt-audio-clock" aria-live="off">
                  {formatTime(recorded)}{typeof props.max_length === "number" ? ` / ${formatTime(props.max_length)}` : ""}
                </span>
              ) : null}
              {recState !== "idle" ? (
                <div className="vt-audio-level" role="meter" aria-label="Input level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(level * 100)}>
                  <div style={{ width: `${Math.round(level * 100)}%` }} />
                </div>
              ) : null}
              {status}
              <div className="vt-audio-mic-buttons">
                {recState === "idle" ? (
                  <button type="button" className="vt-audio-tool" onClick={() => void startRecording()} disabled={busy !== null}>● Record</button>
                ) : (
                  <>
                    <button type="button" className="vt-audio-tool" onClick={pauseRecording}>{recState === "paused" ? "Resume" : "Pause"}</button>
                    <button type="button" className="vt-audio-tool" onClick={stopRecording}>■ Stop</button>
                  </>
                )}
              </div>
            </div>
          )}
        </>
      ) : (
        <div className="vt-audio-frame" aria-label={`${label}: empty`} />
      )}
      {error ? <span className="vt-audio-error" role="alert">{error}</span> : null}
    </div>
  );
}
