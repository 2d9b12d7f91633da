/**
 * `pnpm release` (changesets, independent versions) is checked without publishing: the pending
 * changesets are planned with `changeset status`, which writes nothing but its report.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "@jest/globals";
import { listPublicPackages, workspaceRoot } from "../../../tools/check-packages.mjs";

const run = promisify(execFile);

interface PlannedRelease {
  name: string;
  type: "major" | "minor" | "patch" | "none";
  oldVersion: string;
  newVersion: string;
}

describe("pnpm release", () => {
  test("versions with changesets, builds, then publishes", async () => {
    const manifest = JSON.parse(await readFile(path.join(workspaceRoot, "package.json"), "utf8"));
    expect(manifest.scripts.release).toMatch(/^changeset version && .*build.* && changeset publish$/);
    const config = JSON.parse(await readFile(path.join(workspaceRoot, ".changeset/config.json"), "utf8"));
    expect(config.fixed).toEqual([]);
    expect(config.linked).toEqual([]);
    expect(config.access).toBe("public");
  });

  test("the pending changesets bump only public packages, none of them to a new major", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-changesets-"));
    try {
      const output = path.join(dir, "status.json");
      await run("pnpm", ["exec", "changeset", "status", "--output", output], { cwd: workspaceRoot });
      const planned = JSON.parse(await readFile(output, "utf8")) as { releases: PlannedRelease[] };
      // Private packages are listed with type "none": they are never versioned nor published.
      const releases = planned.releases.filter((release) => release.type !== "none");
      const published = new Set((await listPublicPackages()).map((pkg) => pkg.name));
      expect(releases.filter((release) => !published.has(release.name)).map((release) => release.name)).toEqual([]);
      // A 0.x peer dependency bumped out of its range would make changesets bump its dependents
      // to a major: the peer ranges on @vitrine/queue-redis are `>=0.1.0 <1` for that reason.
      expect(releases.filter((release) => release.type === "major").map((release) => release.name)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
