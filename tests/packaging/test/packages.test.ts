/**
 * Issue 13, "Packages ready to publish": every public package, packed by `pnpm pack` as
 * `changeset publish` packs it, passes publint (strict, warnings count) and arethetypeswrong
 * (profile esm-only), keeps no `workspace:` version in its packed manifest, and has a README with
 * a ```ts example importing it. The same checks run by hand with `pnpm check:packages`.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "@jest/globals";
import { checkTarball, formatTable, readmeHasTsExample, workspaceProtocolLeft, type PackageReport } from "../../../tools/check-packages.mjs";
import { packedPackages } from "./pack-dir.js";

describe("the checker itself", () => {
  test("finds a ```ts block importing the package, or a subpath of it, and nothing else", () => {
    const readme = "# x\n\n```ts\nimport { Textbox } from \"@vitrine/textbox/ui\";\n```\n";
    expect(readmeHasTsExample(readme, "@vitrine/textbox")).toBe(true);
    expect(readmeHasTsExample(readme, "@vitrine/text")).toBe(false);
    expect(readmeHasTsExample("```sh\nimport { a } from \"vitrine\";\n```\n", "vitrine")).toBe(false);
    expect(readmeHasTsExample("Use `import { a } from \"vitrine\"`.", "vitrine")).toBe(false);
  });

  test("flags a dependency left on the workspace protocol", () => {
    expect(workspaceProtocolLeft({ dependencies: { a: "^1.0.0", "@vitrine/core": "workspace:^" } })).toEqual([
      "dependencies.@vitrine/core=workspace:^",
    ]);
  });

  test("reports a package whose exports put types last, with a workspace: dependency and no README", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "vitrine-bad-package-"));
    try {
      const manifest = {
        name: "bad-package",
        version: "1.0.0",
        type: "module",
        exports: { ".": { default: "./index.js", types: "./index.d.ts" } },
        dependencies: { "@vitrine/core": "workspace:^" },
      };
      await writeFile(path.join(dir, "package.json"), JSON.stringify(manifest));
      await writeFile(path.join(dir, "index.js"), "export const answer = 42;\n");
      await writeFile(path.join(dir, "index.d.ts"), "export declare const answer: number;\n");
      await promisify(execFile)("npm", ["pack", "--pack-destination", dir], { cwd: dir });
      const report = await checkTarball(
        { name: "bad-package", version: "1.0.0", dir, manifest },
        path.join(dir, "bad-package-1.0.0.tgz"),
      );
      expect(report.ok).toBe(false);
      expect(report.publint.join("\n")).toMatch(/types/);
      expect(report.manifest).toEqual(["workspace protocol left: dependencies.@vitrine/core=workspace:^"]);
      expect(report.readme).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("every public package, packed", () => {
  test("passes publint and attw, has real versions and a README example", async () => {
    const reports: PackageReport[] = [];
    for (const pkg of await packedPackages()) reports.push(await checkTarball(pkg, pkg.tarball));
    const table = formatTable(reports);
    console.log(table);
    expect(reports.length).toBeGreaterThan(40);
    expect(reports.filter((report) => !report.ok).map((report) => report.name)).toEqual([]);
  });
});
