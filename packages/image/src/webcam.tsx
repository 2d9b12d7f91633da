import { useEffect, useRef, useState } from "react";
import { adoptStylesheet } from "@vitrine/core/browser";

/** What the webcam view needs from the Image view. */
export interface WebcamProps {
  /** The accessible name of the preview (the Image's label). */
  label: string;
  /** Whether the preview and the photos are mirrored (`mirror_webcam`). */
  mirror: boolean;
  /** `getUserMedia` video constraints (`webcam_constraints`), or null for the camera's default. */
  constraints: MediaTrackConstraints | null;
  /** Whether frames stream (`streaming: true`) instead of taking one photo. */
  streaming: boolean;
  /** Seconds between two streamed frames (the listener's `stream_every`). */
  streamEvery: number;
  /** Seconds after which streaming stops (the listener's `time_limit`), or null. */
  timeLimit: number | null;
  /**
   * Whether the page's stream event is running: when it turns false while frames stream (the
   * server ended it, say at its time limit), streaming stops here too.
   */
  streamActive: boolean | undefined;
  /** Height of the preview (a CSS length), if set. */
  height?: string;
  /** A photo was taken (a PNG). */
  onCapture(photo: Blob): void;
  /** A frame to stream (a JPEG). */
  onFrame(frame: Blob): void;
  /** Streaming started. */
  onStart(): void;
  /** Streaming stopped (by the user, the time limit or the server). */
  onStop(): void;
}

/** The webcam's stylesheet (shared by every view that shows it: Image, Gallery, ImageEditor). */
const CSS = `
.vt-webcam { display: flex; flex-direction: column; align-items: center; gap: var(--spacing-sm); width: 100%; padding: var(--spacing-sm);
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); border-radius: var(--radius-md); }
.vt-webcam-video { display: block; width: 100%; max-height: 480px; background: var(--background-fill-primary); border-radius: var(--radius-sm); }
.vt-webcam-controls { display: flex; gap: var(--spacing-sm); }
.vt-webcam-tool { display: inline-flex; align-items: center; justify-content: center; min-width: 28px; height: 28px; padding: 0 var(--spacing-sm);
  font: inherit; font-size: var(--text-sm); color: var(--body-text-color); background: var(--block-background-fill);
  border: 1px solid var(--border-color-primary); border-radius: var(--radius-sm); cursor: pointer; }
.vt-webcam-tool:hover:not(:disabled) { border-color: var(--color-accent); }
.vt-webcam-error { color: var(--error-text-color); font-size: var(--text-sm); }
`;

/** Draws the video's current frame (mirrored if asked) and encodes it. */
function grab(video: HTMLVideoElement, mirror: boolean, type: string, quality?: number): Promise<Blob | null> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return Promise.resolve(null);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) return Promise.resolve(null);
  if (mirror) {
    context.translate(width, 0);
    context.scale(-1, 1);
  }
  context.drawImage(video, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/**
 * The Image's webcam source: a live preview of the camera (`getUserMedia`), and either a button
 * that takes a photo, or (streaming) a button that starts and stops sending a frame every
 * `stream_every` seconds, for at most `time_limit` seconds.
 */
export function Webcam(props: WebcamProps) {
  adoptStylesheet("vt-webcam-style", CSS);
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  /** Whether the preview shows a picture yet: until then there is nothing to capture or stream. */
  const [showing, setShowing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const latest = useRef(props);
  latest.current = props;
  const constraints = JSON.stringify(props.constraints ?? null);

  // Opens the camera while the webcam source is shown; closes it after.
  useEffect(() => {
    let cancelled = false;
    let opened: MediaStream | null = null;
    setError(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setError("This browser cannot use a camera (it needs a secure page: https or localhost).");
      return;
    }
    const video: MediaTrackConstraints | boolean = JSON.parse(constraints) ?? true;
    navigator.mediaDevices.getUserMedia({ video, audio: false }).then(
      (media) => {
        if (cancelled) return media.getTracks().forEach((t) => t.stop());
        opened = media;
        setStream(media);
      },
      (e: unknown) => !cancelled && setError(`Could not open the camera: ${(e as Error).message || String(e)}`),
    );
    return () => {
      cancelled = true;
      opened?.getTracks().forEach((t) => t.stop());
      setStream(null);
    };
  }, [constraints]);

  useEffect(() => {
    const el = video.current;
    if (el && stream && el.srcObject !== stream) {
      el.srcObject = stream;
      void el.play().catch(() => undefined);
    }
  }, [stream]);

  // While streaming: a frame every stream_every seconds, until the time limit.
  useEffect(() => {
    if (!recording) return;
    const started = performance.now();
    let busy = false;
    // At most 25 frames a second: the server takes at most 30 chunks a second from a session.
    const every = Math.max(0.04, latest.current.streamEvery || 0.5) * 1000;
    const timer = setInterval(() => {
      const p = latest.current;
      const seconds = (performance.now() - started) / 1000;
      setElapsed(seconds);
      if (p.timeLimit !== null && seconds >= p.timeLimit) return stop();
      if (busy || !video.current) return;
      busy = true;
      void grab(video.current, p.mirror, "image/jpeg", 0.85)
        .then((frame) => frame && latest.current.onFrame(frame))
        .finally(() => (busy = false));
    }, every);
    return () => clearInterval(timer);
  }, [recording]);

  // The page's stream ended (time limit, error): stop sending.
  const wasActive = useRef(false);
  useEffect(() => {
    if (props.streamActive) wasActive.current = true;
    else if (wasActive.current && recording) stop();
    if (!props.streamActive) wasActive.current = false;
  }, [props.streamActive]);

  // Unmounted while streaming: the stream closes.
  useEffect(() => () => {
    if (recordingRef.current) latest.current.onStop();
  }, []);
  const recordingRef = useRef(false);
  recordingRef.current = recording;

  function start() {
    setElapsed(0);
    setRecording(true);
    props.onStart();
  }

  function stop() {
    if (!recordingRef.current) return;
    recordingRef.current = false;
    setRecording(false);
    latest.current.onStop();
  }

  async function capture() {
    if (!video.current) return;
    const photo = await grab(video.current, props.mirror, "image/png");
    if (photo) props.onCapture(photo);
    else setError("The camera has not shown a picture yet.");
  }

  return (
    <div className="vt-webcam">
      <video
        ref={video}
        className="vt-webcam-video"
        aria-label={`${props.label}: camera`}
        muted
        playsInline
        autoPlay
        onLoadedData={() => setShowing(true)}
        onEmptied={() => setShowing(false)}
        style={{ transform: props.mirror ? "scaleX(-1)" : undefined, ...(props.height ? { maxHeight: props.height } : {}) }}
      />
      <div className="vt-webcam-controls">
        {props.streaming ? (
          recording ? (
            <button type="button" className="vt-webcam-tool" onClick={stop} aria-label="Stop streaming">
              ■ Stop{props.timeLimit !== null ? ` (${Math.max(0, Math.ceil(props.timeLimit - elapsed))} s)` : ""}
            </button>
          ) : (
            <button type="button" className="vt-webcam-tool" onClick={start} disabled={!stream || !showing} aria-label="Start streaming">
              ● Record
            </button>
          )
        ) : (
          <button type="button" className="vt-webcam-tool" onClick={() => void capture()} disabled={!stream || !showing} aria-label="Take a photo">
            <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
              <path d="M2 5h3l1.5-2h3L11 5h3v8H2z" />
              <circle cx="8" cy="9" r="2.5" />
            </svg>
            &nbsp;Capture
          </button>
        )}
      </div>
      {error ? <span className="vt-webcam-error" role="alert">{error}</span> : null}
    </div>
  );
}
