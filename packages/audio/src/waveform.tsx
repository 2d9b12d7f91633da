import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { formatTime, peaks, regionBetween, timeAt, type TrimRegion } from "./trim.js";

/** Audio decoded in the browser: one Float32Array a channel, at `sampleRate`. */
export interface DecodedAudio {
  planes: Float32Array[];
  sampleRate: number;
  duration: number;
}

/**
 * Decodes audio bytes with the Web Audio API at `sampleRate` (an OfflineAudioContext resamples
 * as it decodes). Null where the browser has no Web Audio (jsdom) or cannot decode the bytes.
 */
export async function decodeAudio(bytes: ArrayBuffer, sampleRate: number): Promise<DecodedAudio | null> {
  const OAC = (globalThis as { OfflineAudioContext?: typeof OfflineAudioContext }).OfflineAudioContext;
  if (!OAC) return null;
  try {
    const context = new OAC(1, 1, sampleRate);
    const buffer = await context.decodeAudioData(bytes);
    const planes = Array.from({ length: buffer.numberOfChannels }, (_, c) => buffer.getChannelData(c).slice());
    return { planes, sampleRate: buffer.sampleRate, duration: buffer.duration };
  } catch {
    return null;
  }
}

/** The colour a canvas draws with: the one given, else the theme variable `cssVar`, else the element's text colour. */
function resolveColour(element: HTMLElement, given: string | null | undefined, cssVar: string): string {
  if (given) return given;
  const style = getComputedStyle(element);
  return style.getPropertyValue(cssVar).trim() || style.color || "currentColor";
}

/** Sizes a canvas's backing store to its box (device pixels) and returns its CSS width and height. */
function fitCanvas(canvas: HTMLCanvasElement): { width: number; height: number; ratio: number } {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = canvas.clientWidth || 600;
  const height = canvas.clientHeight || 64;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  return { width, height, ratio };
}

const BAR = 2;
const GAP = 1;

/** Props of {@link Waveform}. */
export interface WaveformProps {
  audio: DecodedAudio;
  /** The playback position, seconds. */
  time: number;
  /** Colour of the bars not yet played; default the theme's subdued text colour. */
  waveformColor?: string | null;
  /** Colour of the bars played; default the theme's accent. */
  progressColor?: string | null;
  /** Colour of the selected region; default the theme's accent (see-through). */
  regionColor?: string | null;
  /** Whether a region may be selected (dragging over the waveform, or the handles). */
  editable: boolean;
  region: TrimRegion | null;
  onRegion: (region: TrimRegion | null) => void;
  onSeek: (time: number) => void;
  label: string;
}

/**
 * The audio's waveform on a canvas: a bar per few pixels (the peak of that slice), the part
 * played in the progress colour. A click seeks; when editable, a drag selects a region to trim,
 * whose two handles are sliders (arrow keys move them by 0.1 s, with Shift by 1 s).
 */
export function Waveform({ audio, time, waveformColor, progressColor, regionColor, editable, region, onRegion, onSeek, label }: WaveformProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const drag = useRef<{ mode: "select" | "start" | "end"; x0: number; moved: boolean } | null>(null);
  const [draft, setDraft] = useState<TrimRegion | null>(null);
  const [width, setWidth] = useState(0);
  const { duration } = audio;

  // Redraw when the box is resized.
  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const bars = useMemo(() => {
    const w = canvas.current?.clientWidth || width || 600;
    return peaks(audio.planes, Math.max(1, Math.floor(w / (BAR + GAP))));
  }, [audio, width]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext?.("2d");
    if (!element || !context) return;
    const { width: w, height: h, ratio } = fitCanvas(element);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, w, h);
    const base = resolveColour(element, waveformColor, "--body-text-color-subdued");
    const played = resolveColour(element, progressColor, "--color-accent");
    const step = w / bars.length;
    const playedX = duration > 0 ? (time / duration) * w : 0;
    for (let i = 0; i < bars.length; i++) {
      const x = i * step;
      const bar = Math.max(1, bars[i]! * (h - 2));
      context.fillStyle = x < playedX ? played : base;
      context.fillRect(x, (h - bar) / 2, Math.max(1, step - GAP), bar);
    }
  }, [bars, time, duration, waveformColor, progressColor, width]);

  const xToTime = (clientX: number) => {
    const rect = box.current!.getBoundingClientRect();
    return timeAt(clientX - rect.left, rect.width, duration);
  };

  function onPointerDown(e: PointerEvent<HTMLDivElement>, mode: "select" | "start" | "end" = "select") {
    if (e.button !== 0) return;
    e.stopPropagation();
    drag.current = { mode, x0: e.clientX, moved: false };
    box.current?.setPointerCapture?.(e.pointerId);
  }

  function onPointerMove(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    if (!d) return;
    if (Math.abs(e.clientX - d.x0) > 3) d.moved = true;
    if (!d.moved || !editable) return;
    const t = xToTime(e.clientX);
    const current = region ?? { start: 0, end: duration };
    if (d.mode === "select") setDraft(regionBetween(xToTime(d.x0), t, duration));
    else if (d.mode === "start") setDraft(regionBetween(Math.min(t, current.end - 0.01), current.end, duration));
    else setDraft(regionBetween(current.start, Math.max(t, current.start + 0.01), duration));
  }

  function onPointerUp(e: PointerEvent<HTMLDivElement>) {
    const d = drag.current;
    drag.current = null;
    box.current?.releasePointerCapture?.(e.pointerId);
    if (!d) return;
    if (!d.moved) {
      if (d.mode === "select") onSeek(xToTime(e.clientX));
      return;
    }
    if (editable && draft) onRegion(draft);
    setDraft(null);
  }

  function onHandleKey(e: KeyboardEvent, which: "start" | "end") {
    const delta = e.key === "ArrowLeft" || e.key === "ArrowDown" ? -1 : e.key === "ArrowRight" || e.key === "ArrowUp" ? 1 : 0;
    const current = region ?? { start: 0, end: duration };
    let next: TrimRegion | null = null;
    if (delta) {
      const step = (e.shiftKey ? 1 : 0.1) * delta;
      next = which === "start"
        ? regionBetween(Math.min(current.start + step, current.end - 0.01), current.end, duration)
        : regionBetween(current.start, Math.max(current.end + step, current.start + 0.01), duration);
    } else if (e.key === "Home") next = which === "start" ? { start: 0, end: current.end } : current;
    else if (e.key === "End") next = which === "end" ? { start: current.start, end: duration } : current;
    else return;
    e.preventDefault();
    if (next) onRegion(next);
  }

  const shown = draft ?? region;
  const handles = shown ?? { start: 0, end: duration };
  const pct = (t: number) => `${duration > 0 ? (t / duration) * 100 : 0}%`;
  return (
    <div
      ref={box}
      className="vt-audio-wave"
      data-testid="waveform"
      onPointerDown={(e) => onPointerDown(e)}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
    >
      {shown ? (
        // Behind the (transparent) canvas, so that a solid region colour never hides the bars.
        <div
          className="vt-audio-region"
          data-start={shown.start.toFixed(3)}
          data-end={shown.end.toFixed(3)}
          style={{ left: pct(shown.start), width: pct(shown.end - shown.start), ...(regionColor ? { background: regionColor, opacity: 1 } : {}) }}
        />
      ) : null}
      <canvas ref={canvas} role="img" aria-label={`${label}: waveform, ${formatTime(duration)}`} />
      <div className="vt-audio-cursor" style={{ left: pct(Math.min(time, duration)) }} />
      {editable
        ? (["start", "end"] as const).map((which) => (
            <div
              key={which}
              className="vt-audio-handle"
              role="slider"
              tabIndex={0}
              aria-label={which === "start" ? "Trim start" : "Trim end"}
              aria-valuemin={0}
              aria-valuemax={Number(duration.toFixed(3))}
              aria-valuenow={Number(handles[which].toFixed(3))}
              aria-valuetext={formatTime(handles[which])}
              style={{ left: pct(handles[which]), ...(regionColor ? { background: regionColor } : {}) }}
              onPointerDown={(e) => onPointerDown(e, which)}
              onKeyDown={(e) => onHandleKey(e, which)}
            />
          ))
        : null}
    </div>
  );
}

/** Props of {@link LiveWaveform}. */
export interface LiveWaveformProps {
  analyser: AnalyserNode;
  color?: string | null;
}

/** The microphone's signal drawn live (an oscilloscope of the AnalyserNode's time-domain data) while recording. */
export function LiveWaveform({ analyser, color }: LiveWaveformProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext?.("2d");
    if (!element || !context) return;
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const draw = () => {
      const { width: w, height: h, ratio } = fitCanvas(element);
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, w, h);
      analyser.getByteTimeDomainData(samples);
      context.strokeStyle = resolveColour(element, color, "--color-accent");
      context.lineWidth = 2;
      context.beginPath();
      for (let i = 0; i < samples.length; i++) {
        const x = (i / (samples.length - 1)) * w;
        const y = h / 2 + ((samples[i]! - 128) / 128) * (h / 2 - 1);
        if (i === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.stroke();
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [analyser, color]);
  return <canvas ref={canvas} className="vt-audio-live" role="img" aria-label="Recording waveform" />;
}
