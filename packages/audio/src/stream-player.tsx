import { useEffect, useRef, useState } from "react";
import type { FileData } from "@vitrine/core";

/** One chunk as the player scheduled it. */
interface Scheduled {
  /** Seconds from the start of the stream. */
  start: number;
  duration: number;
}

/**
 * Plays a streaming Audio output (`streaming: true`, fed by a generator): each value that
 * arrives is one chunk (a WAV or mp3 file), fetched and decoded in the order it came, and queued
 * on one AudioContext right after the previous one, so the chunks play as one seamless track.
 * With `autoplay` it starts by itself (as far as the browser allows sound without a click);
 * otherwise, or when the browser blocks it, the Play button starts it. When the generator ends,
 * the value becomes one file of all the chunks (`audio-stream.wav`, joined by the server): it
 * is not played again, but offered for download.
 */
export function StreamPlayer({ value, fileUrl, autoplay, label }: { value: FileData | null; fileUrl(file: FileData): string; autoplay: boolean; label: string }) {
  const context = useRef<AudioContext | null>(null);
  /** Decoding runs one chunk after the other, in arrival order. */
  const decoding = useRef<Promise<unknown>>(Promise.resolve());
  /** When (context time) the next chunk starts. */
  const next = useRef(0);
  /** Chunks decoded but not scheduled yet (while paused). */
  const waiting = useRef<AudioBuffer[]>([]);
  const playing = useRef(autoplay);
  const lastKey = useRef<string | null>(null);
  const sources = useRef<AudioBufferSourceNode[]>([]);
  const [scheduled, setScheduled] = useState<Scheduled[]>([]);
  const [isPlaying, setPlaying] = useState(autoplay);
  const [error, setError] = useState<string | null>(null);
  /** The whole stream as one file, once the generator ended. */
  const [combined, setCombined] = useState<FileData | null>(null);

  function ctx(): AudioContext | null {
    const AC = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext;
    if (!AC) return null;
    return (context.current ??= new AC());
  }

  function schedule(buffer: AudioBuffer) {
    const c = ctx();
    if (!c) return;
    const source = c.createBufferSource();
    source.buffer = buffer;
    source.connect(c.destination);
    const at = Math.max(c.currentTime + 0.05, next.current);
    source.start(at);
    sources.current.push(source);
    source.onended = () => (sources.current = sources.current.filter((s) => s !== source));
    const first = scheduledStart.current ?? at;
    scheduledStart.current = first;
    next.current = at + buffer.duration;
    setScheduled((list) => [...list, { start: at - first, duration: buffer.duration }]);
  }
  const scheduledStart = useRef<number | null>(null);

  // Each new value is the next chunk (render by render: the page draws every value of a streaming output).
  const key = value ? `${value.path}|${value.url ?? ""}` : null;
  if (key !== lastKey.current) {
    lastKey.current = key;
    if (value && isCombined(value)) {
      // Render-time state update for a value that changed: React re-renders at once.
      if (combined?.path !== value.path) setCombined(value);
    } else if (value) {
      if (combined) setCombined(null);
      const url = fileUrl(value);
      decoding.current = decoding.current.then(async () => {
        const c = ctx();
        if (!c) throw new Error("This browser cannot play streamed audio (no Web Audio).");
        const res = await fetch(url);
        if (!res.ok) throw new Error(`Could not load an audio chunk: HTTP ${res.status}`);
        const buffer = await c.decodeAudioData(await res.arrayBuffer());
        if (playing.current) schedule(buffer);
        else waiting.current.push(buffer);
      }).catch((e: unknown) => setError((e as Error).message));
    }
  }

  useEffect(() => {
    if (autoplay) void ctx()?.resume().catch(() => undefined);
    return () => {
      for (const s of sources.current) s.stop();
      void context.current?.close().catch(() => undefined);
      context.current = null;
    };
  }, []);

  function play() {
    playing.current = true;
    setPlaying(true);
    void ctx()?.resume();
    for (const buffer of waiting.current.splice(0)) schedule(buffer);
  }

  function stop() {
    playing.current = false;
    setPlaying(false);
    for (const s of sources.current.splice(0)) s.stop();
    next.current = 0;
  }

  const total = scheduled.reduce((t, s) => t + s.duration, 0);
  return (
    <div className="vt-audio-frame vt-audio-stream" aria-label={`${label}: streamed audio`}
      data-chunks={scheduled.length} data-durations={scheduled.map((s) => s.duration.toFixed(3)).join(",")}
      data-starts={scheduled.map((s) => s.start.toFixed(3)).join(",")}>
      <span>{scheduled.length ? `Streaming: ${scheduled.length} chunk${scheduled.length === 1 ? "" : "s"}, ${total.toFixed(1)} s` : "Waiting for audio…"}</span>
      <div className="vt-audio-tools">
        {isPlaying ? (
          <button type="button" className="vt-audio-tool" onClick={stop}>■ Stop playback</button>
        ) : (
          <button type="button" className="vt-audio-tool" onClick={play}>▶ Play</button>
        )}
      </div>
      {combined ? (
        <a className="vt-audio-tool" href={fileUrl(combined)} download={combined.orig_name ?? "audio-stream.wav"} aria-label={`Download ${label}`}>
          ⤓ Download
        </a>
      ) : null}
      {error ? <span className="vt-audio-error" role="alert">{error}</span> : null}
    </div>
  );
}

/** Whether a value is the whole stream joined into one file (named as Gradio names it), not a chunk. */
function isCombined(value: FileData): boolean {
  return /^audio-stream\.[a-z0-9]+$/i.test(value.orig_name ?? "");
}
