#!/usr/bin/env node
// Runs after `vite build` (see package.json): writes brotli and gzip siblings of every text
// file of the page's build (tools/precompress.mjs), so that @vitrine/server sends them as they
// are instead of compressing on every request. Usage: node build/precompress.mjs [dir]
import { readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPRESSIBLE, precompress } from "../../../tools/precompress.mjs";

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL("../dist", import.meta.url)));
const entries = await readdir(dir, { recursive: true, withFileTypes: true });
const files = entries.filter((e) => e.isFile() && COMPRESSIBLE.test(e.name)).map((e) => join(e.parentPath, e.name));
// In parallel: zlib compresses on libuv's thread pool.
await Promise.all(files.map(precompress));
