import { afterEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { isIgnoredPath, watchPaths, type Watch } from "./watcher.js";

/** Resolves with the next batch the watch reports. */
function nextBatch(start: (onChange: (paths: string[]) => void) => Watch): { batch: Promise<string[]>; watch: Watch } {
  let watch!: Watch;
  const batch = new Promise<string[]>((resolve) => {
    watch = start(resolve);
  });
  return { batch, watch };
}

describe("isIgnoredPath", () => {
  it("ignores node_modules, dist, .git and editor swap files", () => {
    expect(isIgnoredPath(`${sep}p${sep}node_modules${sep}x.js`)).toBe(true);
    expect(isIgnoredPath(`${sep}p${sep}dist${sep}ui.js`)).toBe(true);
    expect(isIgnoredPath(`${sep}p${sep}.git${sep}index`)).toBe(true);
    expect(isIgnoredPath(`${sep}p${sep}.app.ts.swp`)).toBe(true);
    expect(isIgnoredPath(`${sep}p${sep}app.ts~`)).toBe(true);
    expect(isIgnoredPath(`${sep}p${sep}app.ts`)).toBe(false);
    expect(isIgnoredPath(`${sep}p${sep}lib${sep}distance.ts`)).toBe(false);
  });
});

describe("watchPaths", () => {
  let dir: string;
  let watch: Watch | undefined;
  afterEach(() => {
    watch?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reports changes in nested folders as one debounced batch, skipping ignored folders", async () => {
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
});
