import { useEffect, useRef, useState, type DragEvent } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { encodeWav16 } from "./wav.js";
import { MicStream } from "./mic-stream.js";
import { StreamPlayer } from "./stream-player.js";

/** Config props the Audio view reads. */
export interface AudioViewProps {
  sources: ("upload" | "microphone")[];
  autoplay: boolean;
  loop: boolean;
  show_download_button: boolean;
  /** As an input: the microphone streams WAV chunks to a `stream` listener; as an output: chunks play as one track. */
  streaming?: boolean;
  /** Set by the page from the `stream` listener: seconds between chunks, and the longest stream. */
  stream_every?: number;
  time_limit?: number | null;
  /** Set by the page: whether the `stream` listener's event is running. */
  stream_active?: boolean;
  /** Whether the microphone starts recording (or streaming) as soon as the view shows. */
  recording?: boolean;
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
`;

/** Adds the view's stylesheet to the page once. */
function injectStyle(): void {
  if (typeof document === "undefined" || document.getElementById("vt-audio-style")) return;
  const style = document.createElement("style");
  style.id = "vt-audio-style";
  style.textContent = CSS;
  document.head.appendChild(style);
}

/** A recording under way: the recorder, its stream, and the level meter's audio graph. */
interface Recording {
  recorder: MediaRecorder;
  stream: MediaStream;
  chunks: Blob[];
  context: AudioContext | null;
  frame: number;
}

/**
 * Turns a recorded blob (webm/ogg from MediaRecorder) into a 16-bit WAV with the Web Audio API,
 * so that the server reads it without ffmpeg. Falls back to the blob as it is when decoding fails.
 */
async function toWav(blob: Blob): Promise<File> {
  const AC = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
  if (AC) {
    try {
      const context = new AC();
      try {
        const buffer = await context.decodeAudioData(await blob.arrayBuffer());
        const planes = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c));
        const bytes = encodeWav16(planes, buffer.sampleRate);
        return new File([bytes as BlobPart], "recording.wav", { type: "audio/wav" });
      } finally {
        void context.close();
      }
    } catch {
      // keep the original recording
    }
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
  injectStyle();
  const input = useRef<HTMLInputElement>(null);
  const recording = useRef<Recording | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recState, setRecState] = useState<"idle" | "recording" | "paused">("idle");
  const [level, setLevel] = useState(0);
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

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    if (canUpload) take([...e.dataTransfer.files]);
  }

  async function startRecording() {
    setError(null);
    try {
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") throw new Error("This browser cannot record audio.");
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const recorder = new MediaRecorder(stream);
      const rec: Recording = { recorder, stream, chunks: [], context: null, frame: 0 };
      recording.current = rec;
      recorder.ondataavailable = (e) => { if (e.data.size) rec.chunks.push(e.data); };
      recorder.onstop = () => {
        const blob = new Blob(rec.chunks, { type: recorder.mimeType || "audio/webm" });
        stopTracks();
        setLevel(0);
        void toWav(blob).then(send);
      };
      const AC = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
      if (AC) {
        const context = new AC();
        const analyser = context.createAnalyser();
        analyser.fftSize = 512;
        context.createMediaStreamSource(stream).connect(analyser);
        rec.context = context;
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
      setRecState("paused");
      dispatch("pause_recording");
    } else if (rec.recorder.state === "paused") {
      rec.recorder.resume();
      setRecState("recording");
    }
  }

  function stopRecording() {
    const rec = recording.current;
    if (!rec) return;
    rec.recorder.stop();
    setRecState("idle");
    dispatch("stop_recording");
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
          <audio
            src={url}
            controls
            autoPlay={props.autoplay}
            loop={props.loop}
            aria-label={label}
            onPlay={() => dispatch("play")}
            onPause={(e) => { if (!e.currentTarget.ended) dispatch("pause"); }}
            onEnded={() => dispatch("stop")}
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
              onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              {status ?? (<><strong>Drop audio here</strong><span>— or click to upload —</span></>)}
              <input ref={input} type="file" accept="audio/*" hidden aria-hidden="true" tabIndex={-1}
                onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; take(files); }} />
            </div>
          ) : (
            <div className="vt-audio-mic">
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
