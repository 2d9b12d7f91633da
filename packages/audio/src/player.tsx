import { useEffect, useRef, useState } from "react";
import { formatTime, trimToWav, type TrimRegion } from "./trim.js";
import { Waveform, decodeAudio, type DecodedAudio } from "./waveform.js";

/** The waveform options the view receives (defaults filled in by the server). */
export interface WaveformViewOptions {
  waveform_color?: string | null;
  waveform_progress_color?: string | null;
  trim_region_color?: string | null;
  show_recording_waveform?: boolean;
  show_controls?: boolean;
  skip_length?: number;
  sample_rate?: number;
}

/** Props of {@link AudioPlayer}. */
export interface AudioPlayerProps {
  url: string;
  label: string;
  autoplay: boolean;
  loop: boolean;
  options: WaveformViewOptions;
  /** Whether trimming is offered (the Audio is interactive and `editable`). */
  editable: boolean;
  /** Whether an earlier value can be restored ("Undo trim"). */
  canUndo: boolean;
  /** Takes a trimmed WAV: uploads it and makes it the value. */
  onTrim: (wav: File) => Promise<void>;
  onUndo: () => void;
  onEvent: (event: "play" | "pause" | "stop") => void;
  fileName: string;
}

/**
 * The value's player: the waveform (decoded with Web Audio; click to seek, progress drawn over
 * it), skip buttons, the browser's `<audio>` player (unless `show_controls` is false, then a Play
 * button), and, when editable, region selection with "Trim" and "Undo trim".
 */
export function AudioPlayer({ url, label, autoplay, loop, options, editable, canUndo, onTrim, onUndo, onEvent, fileName }: AudioPlayerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [decoded, setDecoded] = useState<DecodedAudio | null>(null);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [region, setRegion] = useState<TrimRegion | null>(null);
  const [trimming, setTrimming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sampleRate = options.sample_rate ?? 44100;
  const skip = options.skip_length ?? 5;
  const showControls = options.show_controls !== false;

  // Decode the value for its waveform (and for trimming), at the rate trimmed audio is written in.
  useEffect(() => {
    let live = true;
    setDecoded(null);
    setRegion(null);
    setTime(0);
    if (typeof fetch === "undefined" || !(globalThis as { OfflineAudioContext?: unknown }).OfflineAudioContext) return;
    void fetch(url)
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((bytes) => decodeAudio(bytes, sampleRate))
      .then((d) => { if (live) setDecoded(d); })
      .catch(() => { /* no waveform: the player still plays */ });
    return () => { live = false; };
  }, [url, sampleRate]);

  // The progress follows the player smoothly while it plays.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const tick = () => {
      if (audio.current) setTime(audio.current.currentTime);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing]);

  function seek(t: number) {
    const element = audio.current;
    if (!element) return;
    const end = decoded?.duration ?? (Number.isFinite(element.duration) ? element.duration : t);
    element.currentTime = Math.max(0, Math.min(end, t));
    setTime(element.currentTime);
  }

  async function trim() {
    if (!decoded || !region) return;
    setError(null);
    setTrimming(true);
    try {
      const wav = trimToWav(decoded.planes, decoded.sampleRate, region);
      const base = fileName.replace(/\.[^.]*$/, "") || "audio";
      await onTrim(new File([wav as BlobPart], `${base}-trimmed.wav`, { type: "audio/wav" }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setTrimming(false);
    }
  }

  const whole = region === null || !decoded || (region.start <= 0 && region.end >= decoded.duration);
  return (
    <>
      {decoded ? (
        <Waveform
          audio={decoded}
          time={time}
          waveformColor={options.waveform_color}
          progressColor={options.waveform_progress_color}
          regionColor={options.trim_region_color}
          editable={editable}
          region={region}
          onRegion={setRegion}
          onSeek={seek}
          label={label}
        />
      ) : null}
      <audio
        ref={audio}
        src={url}
        controls={showControls || !decoded}
        autoPlay={autoplay}
        loop={loop}
        aria-label={label}
        onPlay={() => { setPlaying(true); onEvent("play"); }}
        onPause={(e) => { setPlaying(false); setTime(e.currentTarget.currentTime); if (!e.currentTarget.ended) onEvent("pause"); }}
        onEnded={(e) => { setPlaying(false); setTime(e.currentTarget.currentTime); onEvent("stop"); }}
        onSeeked={(e) => setTime(e.currentTarget.currentTime)}
      />
      {decoded ? (
        <div className="vt-audio-controls" role="group" aria-label={`${label}: playback`}>
          <button type="button" className="vt-audio-tool" aria-label={`Skip back ${skip} s`} onClick={() => seek(time - skip)}>−{skip} s</button>
          {!showControls ? (
            <button type="button" className="vt-audio-tool" aria-label={playing ? "Pause" : "Play"}
              onClick={() => { const a = audio.current; if (a) void (a.paused ? a.play() : (a.pause(), undefined)); }}>
              {playing ? "❚❚" : "▶"}
            </button>
          ) : null}
          <button type="button" className="vt-audio-tool" aria-label={`Skip forward ${skip} s`} onClick={() => seek(time + skip)}>+{skip} s</button>
          <span className="vt-audio-clock">{formatTime(time)} / {formatTime(decoded.duration)}</span>
          {editable ? (
            <span className="vt-audio-edit">
              {region && !whole ? <span className="vt-audio-clock">{formatTime(region.start)}–{formatTime(region.end)}</span> : null}
              <button type="button" className="vt-audio-tool" onClick={() => void trim()} disabled={whole || trimming}>
                {trimming ? "Trimming…" : "Trim"}
              </button>
              {canUndo ? <button type="button" className="vt-audio-tool" onClick={onUndo}>Undo trim</button> : null}
            </span>
          ) : null}
        </div>
      ) : null}
      {error ? <span className="vt-audio-error" role="alert">{error}</span> : null}
    </>
  );
}
