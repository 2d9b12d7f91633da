/**
 * `file_types` as Gradio reads them, shared by the server side and the views (no Node imports):
 * an extension (".png"), a category ("image", "audio", "video", "text"; "file" allows anything)
 * or a MIME type ("text/plain", "image/*").
 */

/** MIME types of common extensions, to check categories against a file's name. */
export const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
  ".svg": "image/svg+xml", ".bmp": "image/bmp", ".tif": "image/tiff", ".tiff": "image/tiff", ".avif": "image/avif",
  ".ico": "image/x-icon", ".heic": "image/heic",
  ".wav": "audio/wav", ".mp3": "audio/mpeg", ".ogg": "audio/ogg", ".oga": "audio/ogg", ".flac": "audio/flac",
  ".m4a": "audio/mp4", ".aac": "audio/aac", ".opus": "audio/opus", ".weba": "audio/webm",
  ".mp4": "video/mp4", ".webm": "video/webm", ".mov": "video/quicktime", ".mkv": "video/x-matroska",
  ".avi": "video/x-msvideo", ".ogv": "video/ogg", ".m4v": "video/mp4",
  ".txt": "text/plain", ".md": "text/markdown", ".csv": "text/csv", ".tsv": "text/tab-separated-values",
  ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".xml": "text/xml",
  ".js": "text/javascript", ".mjs": "text/javascript", ".ts": "text/plain", ".py": "text/x-python",
  ".json": "application/json", ".pdf": "application/pdf", ".zip": "application/zip",
  ".gz": "application/gzip", ".tar": "application/x-tar", ".wasm": "application/wasm",
  ".doc": "application/msword", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xls": "application/vnd.ms-excel", ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".glb": "model/gltf-binary", ".gltf": "model/gltf+json", ".obj": "model/obj", ".stl": "model/stl",
};

const CATEGORIES = ["image", "audio", "video", "text"] as const;

/** The extension of a file name, lower-cased with its dot (`.png`), or "". */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** The MIME type a file name suggests, or null. */
export function mimeFromName(name: string): string | null {
  return MIME_BY_EXTENSION[extensionOf(name)] ?? null;
}

/** Whether `file_types` lets everything through (none given, or "file" among them). */
export function allowsAnyFile(types: readonly string[] | null | undefined): boolean {
  return !types || types.length === 0 || types.includes("file");
}

/**
 * Whether a file (its name, and its MIME type when known) is one of `types`. An extension
 * matches the name's end (case-insensitive); a category or a MIME type matches the given MIME
 * type, or the one the name's extension suggests.
 */
export function matchesFileTypes(name: string, mime: string | null | undefined, types: readonly string[] | null | undefined): boolean {
  if (allowsAnyFile(types)) return true;
  const lower = name.toLowerCase();
  const mimes = [mime, mimeFromName(name)].filter((m): m is string => !!m).map((m) => m.toLowerCase().split(";")[0]!.trim());
  return types!.some((raw) => {
    const t = raw.trim().toLowerCase();
    if (t.startsWith(".")) return lower.endsWith(t);
    if ((CATEGORIES as readonly string[]).includes(t)) return mimes.some((m) => m.startsWith(`${t}/`));
    if (t.endsWith("/*")) return mimes.some((m) => m.startsWith(t.slice(0, -1)));
    if (t.includes("/")) return mimes.includes(t);
    return lower.endsWith(`.${t}`); // "png" given without its dot
  });
}

/** The `accept` attribute of a file chooser for `types` (undefined: anything). */
export function acceptAttribute(types: readonly string[] | null | undefined): string | undefined {
  if (allowsAnyFile(types)) return undefined;
  return types!
    .map((raw) => {
      const t = raw.trim();
      if ((CATEGORIES as readonly string[]).includes(t.toLowerCase())) return `${t.toLowerCase()}/*`;
      if (t.startsWith(".") || t.includes("/")) return t;
      return `.${t}`;
    })
    .join(",");
}

/** A human list of `types`, for messages: `".png", "image" or "text/plain"`. */
export function describeFileTypes(types: readonly string[]): string {
  const quoted = types.map((t) => JSON.stringify(t));
  return quoted.length <= 1 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

/** A byte count for people: `912 B`, `1.2 KB`, `3.4 MB`. */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let n = bytes, i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return i === 0 ? `${n} B` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
