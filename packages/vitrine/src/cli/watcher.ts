/**
 * Watches folders (recursively) and single files for changes, with `fs.watch`, and reports
 * them in debounced batches: an editor's save (often several writes and a rename) gives one
 * batch.
 *
 * Under the folders, only source files the app can import count (see {@link isSourcePath}):
 * `.ts`, `.tsx`, `.js`, … plus `.json` and `.css`. What an app writes next to itself — a log,
 * flagged samples (`flagged/`, `.gradio/`), a SQLite database, uploads — is ignored, so it does
 * not reload the app in a loop (as Gradio's reload mode reacts to source files only). The files
 * given by name (the app file) always count.
 */
import { watch, type FSWatcher } from "node:fs";
import { basename, dirname, extname, join, resolve, sep } from "node:path";

/** Extensions of the files whose changes count: code the app can import, `.json` and `.css`. */
export const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs", ".json", ".css"]);

/** Folder names whose contents never count: dependencies, build output, and what apps write (flagged samples). */
export const IGNORED_FOLDERS: ReadonlySet<string> = new Set([
  "node_modules",
  "dist",
  ".git",
  ".turbo",
  ".vitrine",
  "coverage",
  "flagged",
  ".gradio",
]);

/** Options of {@link watchPaths}. */
export interface WatchOptions {
  /** Quiet time, in milliseconds, that ends a batch of changes. Default 150. */
  debounceMs?: number;
  /** Whether a changed path (absolute) under the watched `folder` counts; default {@link isSourcePath}. */
  counts?: (path: string, folder: string) => boolean;
}

/** A running watch; `close()` stops it. */
export interface Watch {
  close(): void;
}

/**
 * Whether `path` is a source file whose change should reload the app: its extension is one of
 * {@link SOURCE_EXTENSIONS}, it is not under one of {@link IGNORED_FOLDERS}, and it is not an
 * editor's lock file (`.#app.ts`). Editors' swap and backup files (`.swp`, `~`, `4913`) have
 * other extensions, so they do not count either. With `folder` (the watched folder `path` is
 * under), only the folders below it are checked: a project inside a `dist` folder still counts.
 */
export function isSourcePath(path: string, folder?: string): boolean {
  const below = folder !== undefined && path.startsWith(folder + sep) ? path.slice(folder.length + 1) : path;
  const parts = below.split(sep);
  if (parts.some((part) => IGNORED_FOLDERS.has(part))) return false;
  const name = parts[parts.length - 1] ?? "";
  return SOURCE_EXTENSIONS.has(extname(name)) && !name.startsWith(".#");
}

/**
 * Calls `onChange` with the changed paths (absolute, sorted, no duplicates) once changes to
 * `files`, or to the paths under `folders` (recursively) that `options.counts` accepts, stop for
 * `debounceMs`.
 */
export function watchPaths(
  targets: { folders: readonly string[]; files?: readonly string[] },
  onChange: (paths: string[]) => void,
  options: WatchOptions = {},
): Watch {
  const debounceMs = options.debounceMs ?? 150;
  const counts = options.counts ?? isSourcePath;
  const files = new Set((targets.files ?? []).map((f) => resolve(f)));
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  const note = (path: string, folder: string) => {
    if (!files.has(path) && !counts(path, folder)) return;
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
    watchers.push(watch(folder, { recursive: true }, (_event, name) => note(name ? join(folder, name.toString()) : folder, folder)));
  }
  // A file outside the folders is watched through its own folder (editors often replace a
  // file on save, which ends a watch on the file itself).
  const byFolder = new Map<string, Set<string>>();
  for (const file of files) {
    if (folders.some((folder) => file.startsWith(folder + sep))) continue;
    const names = byFolder.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byFolder.set(dirname(file), names);
  }
  for (const [folder, names] of byFolder) {
    watchers.push(
      watch(folder, (_event, name) => {
        if (name && names.has(name.toString())) note(join(folder, name.toString()), folder);
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
