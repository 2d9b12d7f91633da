/**
 * Issue 13, "a README with a runnable example": the ```ts blocks of every public package's README
 * that import a Vitrine package are extracted, one module each, and type-checked together by tsc
 * against the built packages (their published `.d.ts`, as a consumer sees them). A block whose
 * fence says ```ts fragment (a snippet continuing an earlier one) is left out.
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, test } from "@jest/globals";
import { extractCodeBlocks, listPublicPackages } from "../../../tools/check-packages.mjs";

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const here = path.dirname(fileURLToPath(import.meta.url));
/** Inside this package, so that its node_modules resolve the workspace packages. */
const outDir = path.join(here, "..", "test-output", "readme-examples");

const importsVitrine = /from\s+["'](vitrine|@vitrine\/[^"']+)["']/;

describe("README examples", () => {
  test("every ```ts block importing Vitrine compiles against the built packages", async () => {
    await rm(outDir, { recursive: true, force: true });
    await mkdir(outDir, { recursive: true });
    const files: string[] = [];
    for (const pkg of await listPublicPackages()) {
      const readme = await readFile(path.join(pkg.dir, "README.md"), "utf8").catch(() => "");
      const blocks = extractCodeBlocks(readme).filter(
        (block: { body: string; fragment: boolean }) => !block.fragment && importsVitrine.test(block.body),
      );
      for (const [index, block] of blocks.entries()) {
        const name = `${pkg.name.replace(/^@vitrine\//, "")}-${index + 1}.${block.language === "tsx" ? "tsx" : "ts"}`;
        // `export {}` makes a block without imports of its own a module too (top-level await).
        await writeFile(path.join(outDir, name), `${block.body}\nexport {};\n`);
        files.push(name);
      }
    }
    const config = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        skipLibCheck: true,
        types: ["node"],
        lib: ["es2023", "dom", "dom.iterable"],
        jsx: "react-jsx",
      },
      include: ["*.ts", "*.tsx"],
    };
    await writeFile(path.join(outDir, "tsconfig.json"), JSON.stringify(config, null, 2));
    const output = await run(process.execPath, [tsc, "-p", path.join(outDir, "tsconfig.json")], { cwd: outDir }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(output.split("\n").filter((line) => /error TS\d+/.test(line))).toEqual([]);
  });
});
