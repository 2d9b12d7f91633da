/**
 * Jest global setup: packs every public package once with `pnpm pack` into a fresh folder of the
 * OS temp dir, and passes the folder to the tests in `VITRINE_PACK_DIR`.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { listPublicPackages, packPackages } from "../../../tools/check-packages.mjs";

export default async function packAll() {
  const started = Date.now();
  const destination = await mkdtemp(path.join(tmpdir(), "vitrine-pack-"));
  await packPackages(await listPublicPackages(), destination);
  process.env.VITRINE_PACK_DIR = destination;
  console.log(`\npacked the public packages into ${destination} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
}
