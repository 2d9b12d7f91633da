/**
 * Path rules of the file routes: which names a file may have in the cache, whether a path lies
 * inside a folder, and how the value after `file=` in a URL is checked before it is used.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";

/** Longest file name kept in the cache (in characters). */
const MAX_NAME = 200;

/**
 * A file name safe to store: the last segment of `name` (by `/` or `\`), without control
 * characters, characters Windows forbids, or leading dots; `file` when nothing is left.
 */
export function sanitizeName(name: string | null | undefined): string {
  const last = (name ?? "").split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  let clean = last.replace(/[\u0000-\u001f\u007f<>:"|?*%]/g, "_").replace(/^[.\s]+/, "").trim();
  if (clean.length > MAX_NAME) {
    const dot = clean.lastIndexOf(".");
    const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : "";
    clean = clean.slice(0, MAX_NAME - ext.length) + ext;
  }
  return clean || "file";
}

/** Whether the absolute path `path` is `folder` or lies inside it (lexically: resolve real paths first). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** Whether `path` lies inside one of `folders`. */
export function insideAny(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => isInside(path, folder));
}

/** Why a requested path is refused, or null. */
export type PathProblem = string | null;

/**
 * Checks the raw (still percent-encoded) value after `file=` and decodes it. Refused: a null
 * byte, a backslash, a `..` or `.` segment, and encoded separators, dots or null bytes that
 * are still there after one decoding (double encoding: `%252e%252e`). Returns the decoded
 * absolute path, or `{ problem }`.
 */
export function decodeRequestedPath(raw: string): { path: string } | { problem: string } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { problem: "malformed percent-encoding" };
  }
  const problem = pathProblem(decoded);
  if (problem) return { problem };
  if (/%(?:2e|2f|5c|00)/i.test(decoded)) return { problem: "encoded characters after decoding (double encoding)" };
  return { path: resolve(decoded) };
}

/** What is wrong with a (decoded) path given by a client, or null. */
export function pathProblem(path: string): PathProblem {
  if (path === "") return "an empty path";
  if (path.includes("\0")) return "a null byte";
  if (path.includes("\\")) return "a backslash";
  if (path.split("/").some((s) => s === ".." || s === ".")) return "a relative segment (.. or .)";
  return null;
}
