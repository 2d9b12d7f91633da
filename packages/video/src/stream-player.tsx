import { useEffect, useRef, useState } from "react";
import type { FileData } from "@vitrine/core";

/** The MediaSource type of the segments the server makes (see stream.ts: H.264 Constrained Baseline, no audio). */
export const STREAM_SEGMENT_TYPE = 'video/mp4; codecs="avc1.42C028"';

/** A streamed value: the video (a segment, or at the end the whole stream joined). */
interface StreamValue {
  video: FileData;
}

/** Whether a value is the whole stream joined into one file (named as Gradio names it), not a segment. */
export function isCombinedVideo(value: StreamValue): boolean {
  return /^video-stream\.[a-z0-9]+$/i.test(value.video.orig_name ?? "");
}

/** Whether this browser can play the streamed segments through a MediaSource. */
function canStream(): boolean {
  const MS = (globalThis as { MediaSource?: typeof MediaSource }).MediaSource;
  return !!MS && MS.isTypeSupported(STREAM_SEGMENT_TYPE);
}

/** Appends bytes to a SourceBuffer and waits until it took them. */
function appendTo(buffer: SourceBuffer, bytes: ArrayBuffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      buffer.removeEventListener("updateend", done);
      buffer.removeEventListener("error", fail);
      resolve();
    };
    const fail = () => {
      buffer.removeEventListener("updateend", done);
      buffer.removeEventListener("error", fail);
      reject(new Error("The browser could not play a video chunk."));
    };
    buffer.addEventListener("updateend", done);
    buffer.addEventListener("error", fail);
    buffer.appendBuffer(bytes);
  });
}

/**
 * Plays a streaming Video output (`streaming: true`, fed by a generator): each value that
 * arrives is one segment (a fragmented MP4 the server made from the yielded clip), fetched and
 * appended in arrival order to one MediaSource buffer in "sequence" mode, so the clips play as
 * one video without gaps while more arrive. When the generator ends, the value becomes the
 * whole stream joined into one file (`video-stream.mp4`): the stream is ended (the player knows
 * its full length) and the file is offered for download. Where MediaSource cannot play the
 * segments, each one plays in turn as a plain video.
 */
export function VideoStreamPlayer({ value, fileUrl, autoplay, label, height }: {
  value: StreamValue | null;
  fileUrl(file: FileData): string;
  autoplay: boolean;
  label: string;
  height?: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const [supported] = useState(canStream);
  /** The current MediaSource, its object URL, and its buffer once open. */
  const source = useRef<{ media: MediaSource; buffer: Promise<SourceBuffer> } | null>(null);
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  /** Segments append one after the other, in arrival order. */
  const work = useRef<Promise<unknown>>(Promise.resolve());
  /** Values seen at render time, waiting for the effect to take them (none is missed). */
  const queue = useRef<StreamValue[]>([]);
  const lastKey = useRef<string | null>(null);
  const [segments, setSegments] = useState(0);
  const [combined, setCombined] = useState<FileData | null>(null);
  const [latest, setLatest] = useState<FileData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ended = useRef(false);

  const key = value?.video ? `${value.video.path}|${value.video.url ?? ""}` : null;
  if (key !== lastKey.current) {
    lastKey.current = key;
    if (value?.video) queue.current.push(value);
  }

  /** The MediaSource of the stream under way, made (and shown in the player) on first use. */
  function open(): Promise<SourceBuffer> {
    if (source.current) return source.current.buffer;
    const media = new MediaSource();
    const buffer = new Promise<SourceBuffer>((resolve, reject) => {
      media.addEventListener("sourceopen", () => {
        try {
          const sb = media.addSourceBuffer(STREAM_SEGMENT_TYPE);
          // Each segment goes right after the previous one, whatever its own timestamps.
          sb.mode = "sequence";
          resolve(sb);
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      }, { once: true });
    });
    source.current = { media, buffer };
    setObjectUrl((old) => {
      if (old) URL.revokeObjectURL(old);
      return URL.createObjectURL(media);
    });
    return buffer;
  }

  function take(item: StreamValue) {
    if (isCombinedVideo(item)) {
      const file = item.video;
      work.current = work.current.then(() => {
        const media = source.current?.media;
        if (media && media.readyState === "open") media.endOfStream();
        ended.current = true;
        setCombined(file);
      }).catch((e: unknown) => setError((e as Error).message));
      return;
    }
    const file = item.video;
    if (!supported) {
      setLatest(file);
      setSegments((n) => n + 1);
      return;
    }
    const url = fileUrl(file);
    work.current = work.current.then(async () => {
      if (ended.current) {
        // A new stream after a finished one: a fresh MediaSource.
        ended.current = false;
        source.current = null;
        setCombined(null);
        setSegments(0);
      }
      const [bytes, buffer] = await Promise.all([
        fetch(url).then((res) => {
          if (!res.ok) throw new Error(`Could not load a video chunk: HTTP ${res.status}`);
          return res.arrayBuffer();
        }),
        open(),
      ]);
      await appendTo(buffer, bytes);
      setSegments((n) => n + 1);
      const player = video.current;
      if (autoplay && player && player.paused && !player.ended) {
        // A browser may refuse to play before a click: the controls are there.
        try {
          void Promise.resolve(player.play()).catch(() => undefined);
        } catch {
          // no playback here
        }
      }
    }).catch((e: unknown) => setError((e as Error).message));
  }

  useEffect(() => {
    for (const item of queue.current.splice(0)) take(item);
  });

  useEffect(() => () => {
    setObjectUrl((old) => {
      if (old) URL.revokeObjectURL(old);
      return null;
    });
  }, []);

  const src = supported ? objectUrl : latest ? fileUrl(latest) : null;
  return (
    <div className="vt-video-frame vt-video-stream" style={height ? { height } : undefined} data-segments={segments} data-ended={combined ? "true" : "false"}>
      {combined ? (
        <div className="vt-video-tools">
          <a className="vt-video-tool" href={fileUrl(combined)} download={combined.orig_name ?? "video-stream.mp4"} aria-label={`Download ${label}`} title="Download">⤓</a>
        </div>
      ) : null}
      {src ? (
        <video ref={video} src={src} controls playsInline muted autoPlay={autoplay} aria-label={label} />
      ) : (
        <span>Waiting for video…</span>
      )}
      {error ? <span className="vt-video-error" role="alert">{error}</span> : null}
    </div>
  );
}
