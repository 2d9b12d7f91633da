// Precompression of built files: a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9)
// sibling of a file, which @vitrine/server (packages/server/src/static-assets.ts) sends as
// they are to browsers that accept them. A sibling is written only for files of 1 kB or
// more, and only when it saves at least 10 %; otherwise it is removed and the plain file is
// served. Used by tools/build-ui.mjs (component views) and packages/app/build/precompress.mjs.
import { readFile, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/** Extensions that get compressed siblings (the server lists the same ones). */
export const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map)$/;
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
export async function precompress(file) {
  const data = await readFile(file);
  await Promise.all(
    Object.entries(compressors).map(async ([suffix, compress]) => {
      const out = data.length >= MIN_BYTES ? await compress(data) : null;
      if (out && out.length <= data.length * MAX_RATIO) await writeFile(file + suffix, out);
      else await rm(file + suffix, { force: true });
    }),
  );
}
