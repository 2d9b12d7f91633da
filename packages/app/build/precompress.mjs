#!/usr/bin/env node
// Runs after `vite build` (see package.json): writes a brotli (`.br`, quality 11) and a gzip
// (`.gz`, level 9) sibling of every text file of the page's build, so that @vitrine/server
// sends them as they are (packages/server/src/static-assets.ts) instead of compressing on
// every request. A sibling is written only for files of 1 kB or more, and only when it saves
// at least 10 %; otherwise the plain file is served. Usage: node build/precompress.mjs [dir]
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/** Extensions that get compressed siblings (the server lists the same ones). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map)$/;
const MIN_BYTES = 1024;
const MAX_RATIO = 0.9;

const compressors = {
  ".br": (data) =>
    promisify(brotliCompress)(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }),
  ".gz": (data) => promisify(gzip)(data, { level: 9 }),
};

/** Writes `file.br` and `file.gz`, or removes them when not worth it. */
async function precompress(file) {
  const data = await readFile(file);
  await Promise.all(
    Object.entries(compressors).map(async ([suffix, compress]) => {
      const out = data.length >= MIN_BYTES ? await compress(data) : null;
      if (out && out.length <= data.length * MAX_RATIO) await writeFile(file + suffix, out);
      else await rm(file + suffix, { force: true });
    }),
  );
}

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL("../dist", import.meta.url)));
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => join(e.parentPath, e.name));
// In parallel: zlib compresses on libuv's thread pool.
await Promise.all(files.map(precompress));
