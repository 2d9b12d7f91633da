/**
 * Which files a gallery takes (`file_types`): extensions (".png"), categories ("image",
 * "video") or MIME types ("image/png", "video/*").
 */

/** Extensions Gallery treats as videos (shown with a video player, passed to functions as paths). */
export const VIDEO_EXTENSIONS: readonly string[] = [".mp4", ".webm", ".ogv", ".ogg", ".mov", ".m4v", ".avi", ".mkv", ".mpeg", ".mpg", ".wmv", ".flv", ".3gp"];

const VIDEO_MIME: Record<string, string> = {
  ".mp4": "video/mp4", ".m4v": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg", ".ogg": "video/ogg", ".mov": "video/quicktime",
  ".avi": "video/x-msvideo", ".mkv": "video/x-matroska", ".mpeg": "video/mpeg", ".mpg": "video/mpeg", ".wmv": "video/x-ms-wmv",
  ".flv": "video/x-flv", ".3gp": "video/3gpp",
};

const IMAGE_EXTENSIONS: readonly string[] = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".svg", ".avif", ".ico"];

/** The lower-case extension of a path or URL (query and fragment dropped), with its dot; "" if none. */
export function extensionOf(name: string): string {
  const clean = name.split(/[?#]/)[0]!;
  const last = clean.slice(clean.lastIndexOf("/") + 1);
  const dot = last.lastIndexOf(".");
  return dot > 0 ? last.slice(dot).toLowerCase() : "";
}

/** The video MIME type of a name by its extension, or null when it is not a video. */
export function videoMime(name: string): string | null {
  return VIDEO_MIME[extensionOf(name)] ?? null;
}

/** Whether a file (by name and MIME type) is one of `types`; no list (or an empty one) takes any image or video. */
export function matchesFileTypes(name: string, mime: string | null | undefined, types: readonly string[] | null | undefined): boolean {
  const ext = extensionOf(name);
  const kind = mime?.split("/")[0] ?? (VIDEO_EXTENSIONS.includes(ext) ? "video" : IMAGE_EXTENSIONS.includes(ext) ? "image" : null);
  if (!types || types.length === 0) return kind === "image" || kind === "video";
  return types.some((raw) => {
    const t = raw.trim().toLowerCase();
    if (t === "file") return true;
    if (t === "image" || t === "video") return kind === t;
    if (t.startsWith(".")) return ext === t;
    if (t.endsWith("/*")) return (mime ?? "").toLowerCase().startsWith(t.slice(0, -1));
    if (t.includes("/")) return (mime ?? "").toLowerCase() === t;
    return ext === `.${t}`;
  });
}

/** The `accept` attribute of a file chooser for `types` (any image or video when none). */
export function acceptOf(types: readonly string[] | null | undefined): string {
  if (!types || types.length === 0) return "image/*,video/*";
  return types.map((t) => (t === "image" || t === "video" ? `${t}/*` : t === "file" ? "*/*" : t)).join(",");
}
