/** Jest global teardown: deletes the tarballs of the global setup. */
import { rm } from "node:fs/promises";

export default async function removeTarballs() {
  if (process.env.VITRINE_PACK_DIR) await rm(process.env.VITRINE_PACK_DIR, { recursive: true, force: true });
}
