import path from "node:path";
import { listPublicPackages, tarballName, type WorkspacePackage } from "../../../tools/check-packages.mjs";

/** The folder holding the tarballs packed by the global setup. */
export function packDir(): string {
  const dir = process.env.VITRINE_PACK_DIR;
  if (!dir) throw new Error("VITRINE_PACK_DIR is not set: run through jest (test/pack-setup.js packs the packages)");
  return dir;
}

/** Each public package with the path of its tarball. */
export async function packedPackages(): Promise<Array<WorkspacePackage & { tarball: string }>> {
  return (await listPublicPackages()).map((pkg) => ({ ...pkg, tarball: path.join(packDir(), tarballName(pkg)) }));
}
