/**
 * Vite plugin: once the page is written, writes a brotli (`.br`, quality 11) and a gzip
 * (`.gz`, level 9) sibling of every text file of the build worth compressing, so that the
 * server sends them as they are (`@vitrine/server`'s static-assets.ts) instead of compressing
 * on every request. A sibling is written only when the file is at least 1 kB and the sibling
 * saves at least 10 %; otherwise the plain file is served.
 */
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

/** Extensions that get compressed siblings (the server lists the same ones). */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map)$/;
const MIN_BYTES = 1024;
const MAX_RATIO = 0.9;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Writes (or removes, when not worth it) `file.br` and `file.gz`; returns the bytes of each. */
export async function precompressFile(file: string): Promise<{ raw: number; br: number | null; gz: number | null }> {
  const data = await readFile(file);
  const [b, g] =
    data.length < MIN_BYTES
      ? [null, null]
      : await Promise.all([
          brotli(data, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: 11,
              [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
              [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
          gz(data, { level: 9 }),
        ]);
  const keep = async (suffix: string, out: Buffer | null): Promise<number | null> => {
    if (out && out.length <= data.length * MAX_RATIO) {
      await writeFile(file + suffix, out);
      return out.length;
    }
    await rm(file + suffix, { force: true });
    return null;
  };
  return { raw: data.length, br: await keep(".br", b), gz: await keep(".gz", g) };
}

/** Compresses every matching file under `dir`, in parallel (zlib runs on libuv's thread pool). */
export async function precompressDir(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => join(e.parentPath, e.name));
  await Promise.all(files.map((f) => precompressFile(f)));
  return files.length;
}

/** The plugin (build only): compresses the output folder after it is written. */
export function precompress(): Plugin {
  let outDir = "dist";
  let root = process.cwd();
  return {
    name: "vitrine-precompress",
    apply: "build",
    configResolved(config) {
      root = config.root;
      outDir = config.build.outDir;
    },
    async writeBundle() {
      await precompressDir(resolve(root, outDir));
    },
  };
}
