/**
 * The `vitrine` CLI's plain commands, run as a child process: `--version`, `--help`, a bad
 * command line, a missing app file, an app file that throws, an app that is a default export
 * chosen with --demo-name (and one it cannot find), and what does and does not reload an app.
 */
import { afterAll, describe, expect, it } from "@jest/globals";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CliProcess, VITRINE_DIR, runCli, tempProject } from "./cli-process.js";

const version = (JSON.parse(readFileSync(join(VITRINE_DIR, "package.json"), "utf8")) as { version: string }).version;

describe("vitrine CLI", () => {
  const dirs: string[] = [];
  const project = (files: Record<string, string> = {}) => {
    const dir = tempProject(files);
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("prints its version", async () => {
    const result = await runCli(["--version"], project());
    expect(result).toEqual({ code: 0, stdout: `vitrine ${version}\n`, stderr: "" });
  });

  it("prints its usage", async () => {
    const result = await runCli(["--help"], project());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\n {2}vitrine <app\.ts\|app\.js> \[options\]/);
    for (const option of ["--watch-dirs", "--demo-name", "--port", "create-component", "build-component"]) expect(result.stdout).toContain(option);
  });

  it("rejects an unknown option with the usage, exit code 2", async () => {
    const result = await runCli(["app.ts", "--bogus"], project());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vitrine: Unknown option '--bogus'/);
    expect(result.stderr).toContain("Usage:");
  });

  it("says which app file it cannot find, exit code 1", async () => {
    const dir = project();
    const result = await runCli(["missing.ts"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`vitrine: Cannot find the app file "missing.ts" (looked for ${join(dir, "missing.ts")}).\n`);
  });

  it("reports an app file that throws, naming the file and the error, and waits for a fix", async () => {
    const cli = new CliProcess(["broken.ts", "--port", "0"], project({ "broken.ts": `const n: number = 1;\nthrow new Error("cannot start " + n);\n` }));
    try {
      await cli.waitFor(/Watching for changes/);
      expect(cli.stderr).toMatch(/^vitrine: broken\.ts failed to run\. Fix it and save to try again\.\nError: cannot start 1\n\s+at .*broken\.ts/);
    } finally {
      await cli.stop();
    }
  });

  it("serves the export named by --demo-name, and says when there is none", async () => {
    const source = `import * as vt from "vitrine";
export const hello = vt.Blocks({ title: "Named export" }, () => { vt.Textbox({ label: "x" }); });
export default vt.Blocks({ title: "Default export" }, () => { vt.Textbox({ label: "y" }); });
`;
    const dir = project({ "app.ts": source });
    const named = new CliProcess(["app.ts", "--port", "0", "--demo-name", "hello"], dir);
    try {
      const url = (await named.waitFor(/Running on local URL:\s+(\S+)/))[1]!;
      expect(((await (await fetch(`${url}config`)).json()) as { title: string }).title).toBe("Named export");
    } finally {
      await named.stop();
    }
    const byDefault = new CliProcess(["app.ts", "--port", "0"], dir);
    try {
      const url = (await byDefault.waitFor(/Running on local URL:\s+(\S+)/))[1]!;
      expect(((await (await fetch(`${url}config`)).json()) as { title: string }).title).toBe("Default export");
    } finally {
      await byDefault.stop();
    }
    const missing = new CliProcess(["app.ts", "--port", "0", "--demo-name", "nope"], dir);
    try {
      await missing.waitFor(/Watching for changes/);
      expect(missing.stderr).toContain(`vitrine: app.ts failed to run. Fix it and save to try again.\napp.ts has no export "nope" that is a Vitrine app. Its apps are exported as: default, hello.`);
      expect(missing.stderr).not.toContain("    at ");
    } finally {
      await missing.stop();
    }
  });

  it("runs a JavaScript app file whose export is named demo", async () => {
    const source = `import * as vt from "vitrine";\nexport const demo = vt.Blocks({ title: "Plain JS" }, () => { vt.Textbox({ label: "x" }); });\n`;
    const cli = new CliProcess(["app.js", "--port", "0"], project({ "app.js": source }));
    try {
      const url = (await cli.waitFor(/Running on local URL:\s+(\S+)/))[1]!;
      expect(((await (await fetch(`${url}config`)).json()) as { title: string }).title).toBe("Plain JS");
    } finally {
      await cli.stop();
    }
  });

  it("reloads when a file under --watch-dirs changes, importing it afresh, on the same port", async () => {
    const dir = project({
      "app.ts": `import * as vt from "vitrine";\nimport { title } from "./lib/title.js";\nexport default vt.Blocks({ title }, () => { vt.Textbox({ label: "x" }); });\n`,
    });
    mkdirSync(join(dir, "lib"));
    writeFileSync(join(dir, "lib", "title.ts"), `export const title: string = "First";\n`);
    const cli = new CliProcess(["app.ts", "--port", "0", "--watch-dirs", "lib"], dir);
    try {
      const url = (await cli.waitFor(/Running on local URL:\s+(\S+)/))[1]!;
      await cli.waitFor(/Watching for changes in lib\n/);
      expect(((await (await fetch(`${url}config`)).json()) as { title: string }).title).toBe("First");
      writeFileSync(join(dir, "lib", "title.ts"), `export const title: string = "Second";\n`);
      await cli.waitFor(/Reloaded: (\S+)/);
      expect(cli.stdout).toContain("Reloading app.ts (changed: lib/title.ts)");
      expect(cli.stdout).toContain(`Reloaded: ${url}`);
      expect(((await (await fetch(`${url}config`)).json()) as { title: string }).title).toBe("Second");
    } finally {
      await cli.stop();
    }
  });

  it("does not reload an app that writes a log file into its folder, but reloads when its .ts file is edited", async () => {
    const source = (title: string) => `import * as vt from "vitrine";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
mkdirSync("flagged", { recursive: true });
vt.NO_RELOAD(() => setInterval(() => {
  appendFileSync("app.log", new Date().toISOString() + "\\n");
  writeFileSync("flagged/log.csv", "a,b\\n");
}, 100));
export default vt.Blocks({ title: ${JSON.stringify(title)} }, () => { vt.Textbox({ label: "x" }); });
`;
    const dir = project({ "app.ts": source("First") });
    const cli = new CliProcess(["app.ts", "--port", "0"], dir);
    try {
      const url = (await cli.waitFor(/Running on local URL:\s+(\S+)/))[1]!;
      await cli.waitFor(/Watching for changes/);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(readFileSync(join(dir, "app.log"), "utf8").split("\n").length).toBeGreaterThan(5); // it did write
      expect(cli.stdout).not.toContain("Reloading");
      writeFileSync(join(dir, "app.ts"), source("Second"));
      await cli.waitFor(/Reloaded: /);
      expect(cli.stdout).toContain("Reloading app.ts (changed: app.ts)");
      expect(((await (await fetch(`${url}config`)).json()) as { title: string }).title).toBe("Second");
    } finally {
      await cli.stop();
    }
  });
});
