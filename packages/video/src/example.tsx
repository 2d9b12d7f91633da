import type { ExampleProps, FileData } from "@vitrine/core";
import type { VideoValue, VideoViewProps } from "./view.js";

const STYLE = {
  display: "block",
  width: "100%",
  maxWidth: "160px",
  maxHeight: "90px",
  objectFit: "contain",
  background: "var(--background-fill-secondary)",
  borderRadius: "var(--radius-sm)",
} as const;

/** The file of an example's value: VideoData, a lone FileData, or null (a path not yet stored). */
function videoOf(value: unknown): FileData | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Partial<VideoValue> & Partial<FileData>;
  if (v.video && typeof v.video.path === "string") return v.video;
  return typeof v.path === "string" ? (v as FileData) : null;
}

/**
 * A Video's example in an Examples table: its first frame, silent, without controls (the
 * browser loads only the metadata and the first frame); a name when there is no file.
 */
export function VideoExample({ value, fileUrl }: ExampleProps<VideoValue | string | null, VideoViewProps>) {
  const file = videoOf(value);
  if (!file) {
    const name = typeof value === "string" ? value.split(/[\\/]/).pop() : null;
    return <span className="vt-video-example">{name ?? ""}</span>;
  }
  return (
    <video className="vt-video-example" src={`${fileUrl(file)}#t=0.1`} muted playsInline preload="metadata" style={STYLE}
      aria-label={file.orig_name ?? "video"} />
  );
}
