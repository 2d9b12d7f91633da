/**
 * The public API of every published package has TSDoc: each export of its entry points is
 * documented, and at least 90% of the members of its exported classes and interfaces are. The
 * same check runs by hand with `pnpm check:tsdoc`.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "@jest/globals";
import { listPublicPackages } from "../../../tools/check-packages.mjs";
import { MEMBER_THRESHOLD, checkTsdoc, documentedShare } from "../../../tools/check-tsdoc.mjs";

const publicPackages = await listPublicPackages();

const FIXTURE_INDEX = `
/** Adds one, for the documented case. */
export function documented(n: number): number {
  return n + 1;
}
export function bare(): void {}
/** A shape with one documented member. */
export interface Shape {
  /** Width in pixels. */
  width: number;
  height: number;
}
export { helper as renamed } from "./helper.js";
`;

describe("the checker itself", () => {
  test("reports undocumented exports (re-exports resolved to their declaration) and members", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-tsdoc-"));
    try {
      const manifest = { name: "undocumented", version: "1.0.0", type: "module", exports: { ".": "./dist/index.js" } };
      await writeFile(path.join(dir, "package.json"), JSON.stringify(manifest));
      await mkdir(path.join(dir, "src"));
      await writeFile(path.join(dir, "src", "index.ts"), FIXTURE_INDEX);
      await writeFile(path.join(dir, "src", "helper.ts"), "export const helper = 1;\n");
      const report = checkTsdoc(dir);
      expect(report.entries).toEqual([path.join("src", "index.ts")]);
      expect(report.topLevel.map((finding) => `${finding.kind} ${finding.name}`).sort()).toEqual(["function bare", "variable renamed"]);
      expect(report.undocumentedMembers.map((finding) => finding.name)).toEqual(["Shape.height"]);
      expect(report.ok).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("every public package", () => {
  test.each(publicPackages)("$name documents its public API", ({ dir }) => {
    const report = checkTsdoc(dir);
    expect(report.entries.length).toBeGreaterThan(0);
    expect(report.topLevel).toEqual([]);
    // Under the threshold, the undocumented members are the failure message.
    const membersBelowThreshold = documentedShare(report) < MEMBER_THRESHOLD ? report.undocumentedMembers : [];
    expect(membersBelowThreshold).toEqual([]);
  });
});
