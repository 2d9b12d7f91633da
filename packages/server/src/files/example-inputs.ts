/**
 * The API page's example inputs: components describe theirs as FileData pointing at a file their
 * package ships (`@vitrine/image`'s example.png). A client that sends such an example back must be
 * able to (the server accepts only files it issued), and `/info` must not reveal where the server
 * is installed. So when the server starts, each such file is copied into the app's cache, and
 * `/info` and the config name the cached copy, with its URL under the request's root.
 */
import { API_PREFIX, Component, isFileData, type BlocksApp, type FileData } from "@vitrine/core";
import type { FileCache } from "./cache.js";

/** Cached copies of the components' example input files: the original path → the cached one. */
export type ExampleInputFiles = ReadonlyMap<string, { path: string; size: number }>;

/** Every FileData with a local path inside `value`. */
function localFiles(value: unknown, found: FileData[] = []): FileData[] {
  if (isFileData(value)) {
    if (typeof value.path === "string" && value.path !== "" && !/^https?:\/\//i.test(value.path)) found.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) localFiles(v, found);
  } else if (typeof value === "object" && value !== null) {
    for (const v of Object.values(value)) localFiles(v, found);
  }
  return found;
}

/** Copies the example input files of every component of `app` into the cache. */
export async function prepareExampleInputs(app: BlocksApp, cache: FileCache): Promise<ExampleInputFiles> {
  const files = new Map<string, { path: string; size: number }>();
  for (const block of app.blocks()) {
    if (!(block instanceof Component)) continue;
    for (const file of localFiles(block.exampleInput())) {
      if (files.has(file.path)) continue;
      try {
        files.set(file.path, await cache.adoptOwnAsset(file.path));
      } catch {
        // A missing example asset leaves that example as it is: the API page still lists it.
      }
    }
  }
  return files;
}

/** `value` (the `/info` document, or the config) with its example input files replaced by their cached copies, served under `root`. */
export function withExampleInputs<T>(value: T, files: ExampleInputFiles, root: string): T {
  if (files.size === 0) return value;
  const base = root.replace(/\/+$/, "");
  const walk = (v: unknown): unknown => {
    if (isFileData(v)) {
      const cached = typeof v.path === "string" ? files.get(v.path) : undefined;
      return cached ? { ...v, path: cached.path, url: `${base}${API_PREFIX}/file=${cached.path}`, size: v.size ?? cached.size } : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}
