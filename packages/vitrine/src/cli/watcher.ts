/**
 * Watches folders (recursively) and single files for changes, with `fs.watch`, and reports
 * them in debounced batches: an editor's save (often several writes and a rename) gives one
 * batch. Paths under `node_modules`, `dist`, `.git` and the like are ignored.
 */
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";

/** Folder names whose contents never trigger a reload. */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set(["node_modules", "dist", ".git", ".turbo", ".vitrine", "coverage"]);

/** Options of {@link watchPaths}. */
export interface WatchOptions {
  /** Quiet time, in milliseconds, that ends a batch of changes. Default 150. */
  debounceMs?: number;
  /** Whether a changed path (absolute) is ignored; default: one under {@link IGNORED_FOLDERS}, or an editor's swap file. */
  ignore?: (path: string) => boolean;
}

/** A running watch; `close()` stops it. */
export interface Watch {
  close(): void;
}

/** Whether `path` is under an ignored folder, or is an editor's temporary file (`.swp`, `~`, `4913`). */
export function isIgnoredPath(path: string): boolean {
  const parts = path.split(sep);
  if (parts.some((part) => IGNORED_FOLDERS.has(part))) return true;
  const name = parts[parts.length - 1] ?? "";
  return /\.sw[a-p]x?$|~$|^4913$|^\.#/.test(name);
}

/**
 * Calls `onChange` with the changed paths (absolute, sorted, no duplicates) once changes under
 * `folders` (recursively) or to `files` stop for `debounceMs`.
 */
export function watchPaths(
  targets: { folders: readonly string[]; files?: readonly string[] },
  onChange: (paths: string[]) => void,
  options: WatchOptions = {},
): Watch {
  const debounceMs = options.debounceMs ?? 150;
  const ignore = options.ignore ?? isIgnoredPath;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const note = (path: string) => {
    if (ignore(path)) return;
    pending.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = [...pending].sort();
      pending.clear();
      onChange(paths);
    }, debounceMs);
  };
  const folders = targets.folders.map((f) => resolve(f));
  for (const folder of folders) {
    watchers.push(watch(folder, { recursive: true }, (_event, name) => note(name ? join(folder, name.toString()) : folder)));
  }
  // A file outside the folders is watched through its own folder (editors often replace a
  // file on save, which ends a watch on the file itself).
  const byFolder = new Map<string, Set<string>>();
  for (const file of (targets.files ?? []).map((f) => resolve(f))) {
    if (folders.some((folder) => file.startsWith(folder + sep))) continue;
    const names = byFolder.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byFolder.set(dirname(file), names);
  }
  for (const [folder, names] of byFolder) {
    watchers.push(
      watch(folder, (_event, name) => {
        if (name && names.has(name.toString())) note(join(folder, name.toString()));
      }),
    );
  }
  for (const w of watchers) w.on("error", () => undefined);
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
