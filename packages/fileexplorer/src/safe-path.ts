/**
 * Where a FileExplorer may look: paths given as segments from its root (`["docs", "a.txt"]`, the
 * wire form) are checked segment by segment, then resolved on disk, symlinks included, and
 * refused unless what they really name lies inside the root. Node only.
 */
import { realpathSync } from "node:fs";
import { realpath } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { VitrineError } from "@vitrine/core";

/** Whether the absolute path `path` is `folder` or lies inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** A path the explorer refuses, with why: a {@link VitrineError}, so that its message reaches the user. */
export class PathRefused extends VitrineError {
  constructor(path: string, why: string) {
    super(`FileExplorer: ${JSON.stringify(path)} is refused: ${why}. Only files inside the explorer's root_dir can be listed or chosen.`);
    this.name = "PathRefused";
  }
}

/** Why one segment of a path is refused, or null. */
export function segmentProblem(segment: string): string | null {
  if (segment === "") return "an empty segment";
  if (segment === "." || segment === "..") return "a relative segment (. or ..)";
  if (segment.includes("\0")) return "a null byte";
  if (segment.includes("/") || segment.includes("\\")) return "a path separator inside a segment (absolute or nested paths are not segments)";
  if (/%(?:2e|2f|5c|00)/i.test(segment)) return "an encoded dot, separator or null byte";
  return null;
}

/**
 * Checks a path given as segments (from a browser or a client): an array of strings, each one
 * name (no `..`, `.`, separators, null bytes or encoded ones). `null` or `undefined` is the
 * root (`[]`). Throws a {@link PathRefused} otherwise.
 */
export function checkSegments(segments: unknown): string[] {
  if (segments === null || segments === undefined) return [];
  if (!Array.isArray(segments)) throw new PathRefused(String(segments), "a path is a list of names from the root, like [\"docs\", \"a.txt\"]");
  if (segments.length > 256) throw new PathRefused(segments.slice(0, 4).join("/") + "/…", "too many segments");
  for (const s of segments) {
    if (typeof s !== "string") throw new PathRefused(segments.join("/"), "every segment must be a string");
    const problem = segmentProblem(s);
    if (problem) throw new PathRefused(segments.join("/"), problem);
  }
  return segments as string[];
}

/**
 * Splits a path a developer gave (a value, or what a function returned) into segments from the
 * root: an absolute path must lie inside the root; a relative one is taken from the root. The
 * check is lexical here; {@link ExplorerRoot.resolve} checks the real path.
 */
export function toSegments(path: string, root: string): string[] {
  if (typeof path !== "string" || path === "") throw new PathRefused(String(path), "not a path");
  if (path.includes("\0")) throw new PathRefused(path, "a null byte");
  const abs = isAbsolute(path) ? resolve(path) : resolve(root, path);
  if (!isInside(abs, root)) throw new PathRefused(path, `it is outside root_dir (${root})`);
  const rel = relative(root, abs);
  return rel === "" ? [] : rel.split(sep);
}

/** The root folder of an explorer, as its real path. */
export class ExplorerRoot {
  /** The real, absolute path of the root. */
  readonly path: string;

  /** Throws when `dir` does not exist or is not a folder (as Gradio's ValueError). */
  constructor(dir: string) {
    const abs = resolve(dir);
    let real: string;
    try {
      real = realpathSync.native(abs);
    } catch {
      throw new Error(`FileExplorer: the specified root_dir does not exist: ${dir}`);
    }
    this.path = real;
  }

  /**
   * The real path that `segments` name, checked: inside the root once symlinks are resolved.
   * Resolves null when nothing is there (or it cannot be read); throws a {@link PathRefused}
   * when it leads out of the root.
   */
  async resolve(segments: readonly string[]): Promise<string | null> {
    const joined = join(this.path, ...segments);
    if (!isInside(joined, this.path)) throw new PathRefused(segments.join("/"), "it leads outside root_dir");
    let real: string;
    try {
      real = await realpath(joined);
    } catch {
      return null;
    }
    if (!isInside(real, this.path)) throw new PathRefused(segments.join("/"), "a symbolic link out of root_dir");
    return real;
  }

  /** The segments of a real path inside the root (`[]` for the root). */
  segmentsOf(real: string): string[] {
    const rel = relative(this.path, real);
    return rel === "" ? [] : rel.split(sep);
  }
}
