import { useEffect, useRef, useState, type ReactNode } from "react";
import type { FileData, ViewProps } from "@vitrine/core";
import { VideoStreamPlayer } from "./stream-player.js";
import { adoptStylesheet } from "@vitrine/core/browser";
import { useFileDrop } from "@vitrine/view-kit";

/** The wire value of a Video: the video and its WebVTT subtitles. */
export interface VideoValue {
  /** The video file. */
  video: FileData;
  /** Its subtitles (WebVTT), or null. */
  subtitles?: FileData | null;
}

/** Config props the Video view reads. */
export interface VideoViewProps {
  /** Height of the displayed video: pixels, or a CSS length. */
  height: number | string | null;
  /** Width of the displayed video: pixels, or a CSS length. */
  width: number | string | null;
  /** Where the user may take a video from. */
  sources: ("upload" | "webcam")[];
  /** Whether the player starts when a value arrives (browsers may refuse before the user interacts). */
  autoplay: boolean;
  /** Whether the player loops. */
  loop: boolean;
  /** null: shown for outputs, hidden for inputs. */
  show_download_button: boolean | null;
  /** Whether the video keeps its sound (recorded with the webcam's microphone, kept in uploads). */
  include_audio: boolean;
  /** Whether the webcam is mirrored (same as `webcam_options.mirror`). */
  mirror_webcam: boolean;
  /** MediaTrackConstraints for the webcam (same as `webcam_options.constraints`). */
  webcam_constraints: Record<string, unknown> | null;
  /** As an output fed by a generator: the yielded clips play as one video as they arrive. */
  streaming?: boolean;
}

const CSS = `
.vt-video-frame { position: relative; display: flex; align-items: center; justify-content: center; min-height: 120px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); overflow: hidden; }
.vt-video-frame video { display: block; width: 100%; height: 100%; max-height: 100%; object-fit: contain; background: var(--background-fill-secondary); }
.vt-video-tools { position: absolute; top: var(--spacing-sm); right: var(--spacing-sm); display: flex; gap: var(--spacing-sm); z-index: 1; }
.vt-video-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-family: var(--font); font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; text-decoration: none; }
.vt-video-tool:hover { border-color: var(--color-accent); }
.vt-video-tool:disabled { opacity: 0.5; cursor: default; }
.vt-video-drop { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: var(--spacing-md);
  width: 100%; min-height: 160px; padding: var(--spacing-lg); text-align: center; color: var(--body-text-color-subdued);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); cursor: pointer; outline: none; }
.vt-video-drop:focus-visible, .vt-video-drop[data-dragging="true"] { border-color: var(--color-accent); color: var(--body-text-color); }
.vt-video-drop strong { font-size: var(--text-lg); color: var(--body-text-color); }
.vt-video-tabs { display: flex; gap: var(--spacing-sm); margin-bottom: var(--spacing-sm); }
.vt-video-tab[aria-pressed="true"] { border-color: var(--color-accent); }
.vt-video-webcam { display: flex; flex-direction: column; align-items: center; gap: var(--spacing-md); padding: var(--spacing-md);
  border: 1px dashed var(--border-color-primary); border-radius: var(--radius-md); }
.vt-video-webcam video { width: 100%; max-height: 360px; background: var(--background-fill-secondary); border-radius: var(--radius-sm); }
.vt-video-webcam video[data-mirrored="true"] { transform: scaleX(-1); }
.vt-video-rec { display: flex; align-items: center; gap: var(--spacing-sm); color: var(--body-text-color); font-size: var(--text-sm); }
.vt-video-rec-dot { width: 10px; height: 10px; border-radius: 50%; background: var(--error-text-color); }
.vt-video-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

function cssLength(value: number | string | null | undefined): string | undefined {
  return value === null || value === undefined ? undefined : typeof value === "number" ? `${value}px` : value;
}

const VIDEO_EXTENSIONS = /\.(mp4|m4v|webm|ogg|ogv|mov|avi|mkv|flv|wmv|mpe?g|ts|3gp)$/i;

/** Whether a dropped or chosen file looks like a video. */
export function looksLikeVideo(file: Blob): boolean {
  const name = (file as File).name ?? "";
  return file.type.startsWith("video/") || VIDEO_EXTENSIONS.test(name) || (file.type === "" && name === "");
}

/** The first container MediaRecorder supports here (webm in Chromium and Firefox, mp4 in Safari). */
function recorderType(): string {
  const types = ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm", "video/mp4"];
  return types.find((t) => typeof MediaRecorder.isTypeSupported === "function" && MediaRecorder.isTypeSupported(t)) ?? "";
}

/**
 * The Video view: a player of the value (with its subtitles, autoplay and loop), download and
 * clear buttons; when interactive and empty, an upload area (file chooser or drop) and, with the
 * "webcam" source, a webcam recorder (getUserMedia + MediaRecorder) whose recording is uploaded.
 */
export function VideoView({ value, props, interactive, onChange, dispatch, upload, fileUrl }: ViewProps<VideoValue | null, VideoViewProps>) {
  adoptStylesheet("vt-video-style", CSS);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sources = props.sources ?? ["upload", "webcam"];
  const canUpload = interactive && sources.includes("upload");
  const canRecord = interactive && sources.includes("webcam");
  const [source, setSource] = useState<"upload" | "webcam">(sources[0] === "webcam" && canRecord ? "webcam" : canUpload ? "upload" : "webcam");

  async function send(file: Blob) {
    setError(null);
    setBusy(0);
    try {
      const [data] = await upload([file], { onProgress: (f) => setBusy(f) });
      if (!data) return;
      onChange({ video: data, subtitles: null }, { userInput: true });
      dispatch("upload", data);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  }

  function take(files: readonly Blob[]) {
    const file = files.find(looksLikeVideo);
    if (!file) return setError("That is not a video.");
    void send(file);
  }

  const { dragging, dropProps } = useFileDrop((files) => take(files), canUpload);

  function clear() {
    setError(null);
    onChange(null, { userInput: true });
    dispatch("clear");
  }

  const label = props.label ?? "Video";
  const height = cssLength(props.height);
  const width = cssLength(props.width);
  const url = value?.video ? fileUrl(value.video) : null;
  const subtitles = value?.subtitles ? fileUrl(value.subtitles) : null;
  const showDownload = props.show_download_button ?? !interactive;
  const uploading = busy !== null ? <span>Uploading… {busy > 0 ? `${Math.round(busy * 100)}%` : ""}</span> : null;

  return (
    <div className="vt-field vt-video" style={width ? { width } : undefined}>
      {props.show_label !== false && props.label ? <span className="vt-label">{props.label}</span> : null}
      {props.info ? <span className="vt-info">{props.info}</span> : null}
      {props.streaming && !interactive ? (
        <VideoStreamPlayer value={value ?? null} fileUrl={fileUrl} autoplay={props.autoplay} label={label} height={height} />
      ) : url ? (
        <div className="vt-video-frame" style={height ? { height } : undefined}>
          <div className="vt-video-tools">
            {showDownload ? (
              <a className="vt-video-tool" href={url} download={value?.video.orig_name ?? "video"} aria-label="Download" title="Download">⤓</a>
            ) : null}
            {interactive ? <button type="button" className="vt-video-tool" aria-label="Clear" title="Clear" onClick={clear}>✕</button> : null}
          </div>
          <video
            key={url}
            src={url}
            controls
            playsInline
            preload="metadata"
            autoPlay={props.autoplay}
            loop={props.loop}
            aria-label={label}
            onPlay={() => dispatch("play")}
            onPause={(e) => { if (!e.currentTarget.ended) dispatch("pause"); }}
            onEnded={() => { dispatch("stop"); dispatch("end"); }}
          >
            {subtitles ? <track kind="subtitles" src={subtitles} label="Subtitles" default /> : null}
          </video>
        </div>
      ) : canUpload || canRecord ? (
        <>
          {canUpload && canRecord ? (
            <div className="vt-video-tabs" role="group" aria-label={`${label}: source`}>
              <button type="button" className="vt-video-tool vt-video-tab" aria-pressed={source === "upload"} onClick={() => setSource("upload")}>Upload</button>
              <button type="button" className="vt-video-tool vt-video-tab" aria-pressed={source === "webcam"} onClick={() => setSource("webcam")}>Webcam</button>
            </div>
          ) : null}
          {source === "upload" && canUpload ? (
            <div
              className="vt-video-drop"
              role="button"
              tabIndex={0}
              aria-label={`${label}: upload a video`}
              data-dragging={dragging}
              style={height ? { minHeight: height } : undefined}
              onClick={() => input.current?.click()}
              onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), input.current?.click())}
              {...dropProps}
            >
              {uploading ?? (
                <>
                  <strong>Drop a video here</strong>
                  <span>— or click to upload —</span>
                </>
              )}
              <input ref={input} type="file" accept="video/*" hidden aria-hidden="true" tabIndex={-1}
                onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ""; take(files); }} />
            </div>
          ) : (
            <Webcam
              label={label}
              mirror={props.mirror_webcam !== false}
              audio={props.include_audio !== false}
              constraints={props.webcam_constraints ?? null}
              busy={uploading}
              onRecorded={(file) => void send(file)}
              onError={setError}
              dispatch={dispatch}
            />
          )}
        </>
      ) : (
        <div className="vt-video-frame" style={height ? { height } : undefined} aria-label={`${label}: empty`} />
      )}
      {error ? <span className="vt-video-error" role="alert">{error}</span> : null}
    </div>
  );
}

interface WebcamProps {
  label: string;
  mirror: boolean;
  audio: boolean;
  constraints: Record<string, unknown> | null;
  busy: ReactNode;
  onRecorded(file: File): void;
  onError(message: string | null): void;
  dispatch(event: string, data?: unknown): void;
}

/**
 * The webcam: a live (optionally mirrored) preview, and a record / stop button. The recording
 * (webm from MediaRecorder) is handed to `onRecorded` when it stops; the camera is released when
 * the view goes away.
 */
function Webcam({ label, mirror, audio, constraints, busy, onRecorded, onError, dispatch }: WebcamProps) {
  const preview = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const [ready, setReady] = useState(false);
  const [recording, setRecording] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const key = JSON.stringify([constraints, audio]);

  useEffect(() => {
    let cancelled = false;
    setReady(false);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") {
      onError("This browser cannot record video.");
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: constraints ?? true, audio })
      .then((media) => {
        if (cancelled) return media.getTracks().forEach((t) => t.stop());
        stream.current = media;
        if (preview.current) {
          preview.current.srcObject = media;
          void preview.current.play().catch(() => undefined);
        }
        setReady(true);
      })
      .catch((e: Error) => onError(e.name === "NotAllowedError" ? "Access to the camera was denied." : e.message || "Could not use the camera."));
    return () => {
      cancelled = true;
      if (recorder.current?.state === "recording") {
        recorder.current.ondataavailable = null;
        recorder.current.onstop = null;
        recorder.current.stop();
      }
      stream.current?.getTracks().forEach((t) => t.stop());
      stream.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [recording]);

  function start() {
    const media = stream.current;
    if (!media) return;
    onError(null);
    try {
      const type = recorderType();
      const rec = new MediaRecorder(media, type ? { mimeType: type } : undefined);
      const chunks: Blob[] = [];
      rec.ondataavailable = (e) => { if (e.data.size) chunks.push(e.data); };
      rec.onstop = () => {
        const mime = rec.mimeType || type || "video/webm";
        const ext = mime.includes("mp4") ? "mp4" : "webm";
        onRecorded(new File(chunks, `recording.${ext}`, { type: mime.split(";")[0] }));
      };
      rec.start(200);
      recorder.current = rec;
      setSeconds(0);
      setRecording(true);
      dispatch("start_recording");
    } catch (e) {
      onError((e as Error).message || "Could not record.");
    }
  }

  function stop() {
    const rec = recorder.current;
    if (!rec) return;
    recorder.current = null;
    rec.stop();
    setRecording(false);
    dispatch("stop_recording");
  }

  return (
    <div className="vt-video-webcam" aria-label={`${label}: webcam`} role="group">
      <video ref={preview} muted playsInline autoPlay data-mirrored={mirror} aria-label="Webcam preview" />
      {busy ?? (
        <div className="vt-video-rec">
          {recording ? (
            <>
              <span className="vt-video-rec-dot" aria-hidden="true" />
              <span aria-live="polite">Recording {seconds} s</span>
              <button type="button" className="vt-video-tool" aria-label="Stop recording" onClick={stop}>■ Stop</button>
            </>
          ) : (
            <button type="button" className="vt-video-tool" aria-label="Start recording" onClick={start} disabled={!ready}>● Record</button>
          )}
        </div>
      )}
    </div>
  );
}
