/**
 * A custom component from `vitrine create-component`, end to end (issue 13's "Must show"):
 * scaffold it in a temp folder (linked to this checkout's packages), install, build it with
 * `vitrine build-component`, run its own tests as generated (the conformance suite), then use it
 * in an app served by `vitrine app.ts` and drive its view in headless chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser, waitForValue } from "./browser.js";
import { CliProcess, VITRINE_DIR, cliEnv, runCli } from "./cli-process.js";

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const env = cliEnv();
    delete env.CI; // the generated package's first test run writes its snapshot
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${output}`))));
  });
}

const APP = `import * as vt from "vitrine";
import { MyWidget } from "my-widget";

export default vt.Blocks({ title: "Custom component" }, () => {
  const text = MyWidget({ label: "Message", placeholder: "Type and press Enter" });
  const shout = MyWidget({ label: "Shouted", interactive: false });
  text.submit({
    fn: (s: string) => {
      console.log(\`function got: \${JSON.stringify(s)}\`);
      return s.toUpperCase();
    },
    inputs: [text],
    outputs: [shout],
  });
});
`;

describe("vitrine create-component → build-component → an app in chromium", () => {
  let dir: string;
  let component: string;
  let browser: Browser | undefined;
  let cli: CliProcess | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "vitrine-component-"));
    component = join(dir, "my-widget");
  });
  afterAll(async () => {
    await browser?.close();
    await cli?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("scaffolds a package of the common shape", async () => {
    const result = await runCli(["create-component", "my-widget", "--link-workspace"], dir);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const file of ["package.json", "tsconfig.json", "tsconfig.build.json", "README.md", ".gitignore", "app.ts", "jest.config.js"]) expect(existsSync(join(component, file))).toBe(true);
    for (const file of ["process.ts", "view.tsx", "events.ts", "example.tsx", "ui.tsx", "index.ts", "conformance.test.ts"]) expect(existsSync(join(component, "src", file))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(component, "package.json"), "utf8")) as { exports: Record<string, unknown>; dependencies: Record<string, string> };
    expect(Object.keys(pkg.exports)).toEqual([".", "./ui"]);
    expect(pkg.dependencies["@vitrine/core"]).toMatch(/^link:.*packages\/core$/);
    expect(readFileSync(join(component, "src", "process.ts"), "utf8")).toContain('readonly type = "my-widget";');
    expect(readFileSync(join(component, "README.md"), "utf8")).toContain('import { MyWidget } from "my-widget";');
    // The same name twice is refused.
    const again = await runCli(["create-component", "my-widget"], dir);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe("vitrine: my-widget already exists: choose another name or remove it.\n");
  });

  it("installs, builds with build-component, and passes its own tests as generated", async () => {
    await run("pnpm", ["install", "--prefer-offline", "--config.confirmModulesPurge=false"], component);
    const built = await runCli(["build-component"], component);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    expect(existsSync(join(component, "dist", "index.js"))).toBe(true);
    const view = readFileSync(join(component, "dist", "ui.js"), "utf8");
    expect(view).toMatch(/from\s*"react\/jsx-runtime"/); // React left to the page
    expect(view).not.toContain("react.production");
    const tests = await run("npm", ["test"], component);
    expect(tests).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(tests).not.toMatch(/failed/);
  }, 180_000);

  it("serves an app using the component, whose view the user drives in chromium", async () => {
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(VITRINE_DIR, join(dir, "node_modules", "vitrine"), "dir");
    // Installed as a package (what \`npm install ./my-widget\` does: a link in node_modules), and
    // imported by its name, through its package.json \`exports\`, as a published one would be.
    symlinkSync(component, join(dir, "node_modules", "my-widget"), "dir");
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "uses-my-widget", private: true, type: "module" }));
    writeFileSync(join(dir, "app.ts"), APP);
    cli = new CliProcess(["app.ts", "--port", "0"], dir);
    const url = (await cli.waitFor(/Running on local URL:\s+(\S+)/))[1]!;
    const config = (await (await fetch(`${url}config`)).json()) as { components: { type: string }[]; ui_modules: Record<string, string> };
    expect(config.components.filter((c) => c.type === "my-widget")).toHaveLength(2);
    expect(config.ui_modules["my-widget"]).toMatch(/^components\/my-widget\.js/);

    browser = await launchBrowser();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(err.message));
    await page.goto(url);
    const input = page.getByLabel("Message", { exact: true });
    await input.fill("hello there");
    await page.getByText("11 characters").waitFor(); // the custom view counts what was typed
    await input.press("Enter");
    expect(await waitForValue(page, "Shouted", "HELLO THERE")).toBe("HELLO THERE");
    await cli.waitFor(/function got: "hello there"/);
    expect(errors).toEqual([]);
  }, 60_000);
});
