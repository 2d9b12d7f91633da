/**
 * One folder's listing, as Gradio's FileExplorer `ls` answers it: folders first, then files,
 * each sorted by name; files the glob does not match, and anything the ignore glob matches, left
 * out; entries whose real path (through symlinks) leaves the root left out too. Node only.
 */
import type { Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import picomatch from "picomatch";
import { isInside, type ExplorerRoot } from "./safe-path.js";

/** One entry of a listing (Gradio's FileNode). */
export interface FileNode {
  /** The entry's name in its folder. */
  name: string;
  /** Whether it is a file or a folder. */
  type: "file" | "folder";
  /** Whether the glob matches it (always true for listed files; folders may be false). */
  valid: boolean;
}

/**
 * A glob test on paths relative to the root, joined with "/". As Gradio's (fnmatch on the full
 * path, where `*` crosses folders), a pattern without a "/" matches the name alone (`"*.png"`:
 * any PNG, in any folder); dot files match like any other.
 */
export function globMatcher(pattern: string): (relativePath: string) => boolean {
  const match = picomatch(pattern, { dot: true });
  if (pattern.includes("/")) return match;
  return (relativePath) => match(relativePath.slice(relativePath.lastIndexOf("/") + 1));
}

/** What a listing filters by. */
export interface ListingRules {
  glob: (relativePath: string) => boolean;
  ignore: ((relativePath: string) => boolean) | null;
}

/** Whether a file at `relativePath` may be listed and chosen by these rules. */
export function fileAllowed(relativePath: string, rules: ListingRules): boolean {
  return rules.glob(relativePath) && !(rules.ignore?.(relativePath) ?? false);
}

/** What an entry is, following a symlink; null when it leads out of the root or cannot be read. */
async function kindOf(entry: Dirent, path: string, root: ExplorerRoot): Promise<"file" | "folder" | null> {
  if (entry.isDirectory()) return "folder";
  if (!entry.isSymbolicLink()) return "file";
  try {
    const real = await realpath(path);
    if (!isInside(real, root.path)) return null;
    return (await stat(real)).isDirectory() ? "folder" : "file";
  } catch {
    return null;
  }
}

/**
 * Lists the folder at `dir` (a real path inside the root, whose segments from the root are
 * `segments`). A folder that cannot be read lists as empty, as Gradio's.
 */
export async function listFolder(root: ExplorerRoot, dir: string, segments: readonly string[], rules: ListingRules): Promise<FileNode[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const kinds = await Promise.all(entries.map((e) => kindOf(e, join(dir, e.name), root)));
  const folders: FileNode[] = [];
  const files: FileNode[] = [];
  entries.forEach((entry, i) => {
    const type = kinds[i];
    if (!type) return;
    const rel = [...segments, entry.name].join("/");
    const valid = rules.glob(rel);
    if (type === "file" && !valid) return;
    if (rules.ignore?.(rel)) return;
    (type === "file" ? files : folders).push({ name: entry.name, type, valid });
  });
  return [...folders, ...files];
}
