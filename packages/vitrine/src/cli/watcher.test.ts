import { afterEach, describe, expect, it } from "@jest/globals";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { isSourcePath, watchPaths, type Watch } from "./watcher.js";

/** Resolves with the next batch the watch reports. */
function nextBatch(start: (onChange: (paths: string[]) => void) => Watch): { batch: Promise<string[]>; watch: Watch } {
  let watch!: Watch;
  const batch = new Promise<string[]>((resolve) => {
    watch = start(resolve);
  });
  return { batch, watch };
}

describe("isSourcePath", () => {
  const path = (...parts: string[]) => [`${sep}p`, ...parts].join(sep);

  it("accepts code, .json and .css files", () => {
    for (const name of ["app.ts", "view.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs", "data.json", "style.css"]) {
      expect(isSourcePath(path(name))).toBe(true);
    }
    expect(isSourcePath(path("lib", "distance.ts"))).toBe(true);
  });

  it("rejects what an app writes: logs, CSVs, databases, images, text", () => {
    for (const name of ["app.log", "flags.csv", "app.db", "app.sqlite", "upload.png", "notes.txt", "Makefile"]) {
      expect(isSourcePath(path(name))).toBe(false);
    }
  });

  it("rejects files under dependency, build and output folders", () => {
    expect(isSourcePath(path("node_modules", "x.js"))).toBe(false);
    expect(isSourcePath(path("dist", "ui.js"))).toBe(false);
    expect(isSourcePath(path(".git", "index"))).toBe(false);
    expect(isSourcePath(path("flagged", "log.json"))).toBe(false);
    expect(isSourcePath(path(".gradio", "flagged", "dataset1.json"))).toBe(false);
  });

  it("rejects editors' swap, backup and lock files", () => {
    for (const name of [".app.ts.swp", "app.ts~", "4913", ".#app.ts"]) expect(isSourcePath(path(name))).toBe(false);
  });

  it("checks only the folders below the watched one when given it", () => {
    const folder = path("dist", "project");
    expect(isSourcePath(join(folder, "app.ts"), folder)).toBe(true);
    expect(isSourcePath(join(folder, "dist", "app.js"), folder)).toBe(false);
  });
});

describe("watchPaths", () => {
  let dir: string;
  let watch: Watch | undefined;
  afterEach(() => {
    watch?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports source changes in nested folders as one debounced batch, skipping ignored folders", async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-watch-"));
    mkdirSync(join(dir, "lib"));
    mkdirSync(join(dir, "node_modules"));
    const started = nextBatch((onChange) => watchPaths({ folders: [dir] }, onChange, { debounceMs: 200 }));
    watch = started.watch;
    writeFileSync(join(dir, "node_modules", "pkg.js"), "ignored");
    writeFileSync(join(dir, "app.ts"), "one");
    writeFileSync(join(dir, "lib", "helper.ts"), "two");
    writeFileSync(join(dir, "app.ts"), "three");
    expect(await started.batch).toEqual([join(dir, "app.ts"), join(dir, "lib", "helper.ts")]);
  });

  it("watches a single file outside the folders through its own folder", async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-watch-"));
    mkdirSync(join(dir, "src"));
    const started = nextBatch((onChange) => watchPaths({ folders: [join(dir, "src")], files: [join(dir, "app.ts")] }, onChange, { debounceMs: 50 }));
    watch = started.watch;
    writeFileSync(join(dir, "other.ts"), "not watched");
    writeFileSync(join(dir, "app.ts"), "watched");
    expect(await started.batch).toEqual([join(dir, "app.ts")]);
  });

  it("ignores a log file written repeatedly, and still reports a .ts edit", async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-watch-"));
    const batches: string[][] = [];
    watch = watchPaths({ folders: [dir] }, (paths) => batches.push(paths), { debounceMs: 50 });
    for (let i = 0; i < 5; i++) {
      appendFileSync(join(dir, "app.log"), `line ${i}\n`);
      writeFileSync(join(dir, "flags.csv"), `row ${i}\n`);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toEqual([]);
    writeFileSync(join(dir, "app.ts"), "edited");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(batches).toEqual([[join(dir, "app.ts")]]);
  });

  it("always reports the files given by name, whatever their extension", async () => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-watch-"));
    const started = nextBatch((onChange) => watchPaths({ folders: [dir], files: [join(dir, "app")] }, onChange, { debounceMs: 50 }));
    watch = started.watch;
    writeFileSync(join(dir, "app.log"), "ignored");
    writeFileSync(join(dir, "app"), "watched");
    expect(await started.batch).toEqual([join(dir, "app")]);
  });
});
