/**
 * Issue 13, the consumer test: the tarballs `pnpm pack` made of `vitrine` and every `@vitrine/*`
 * package it depends on are installed with plain npm into a fresh folder outside the workspace
 * (third-party dependencies come from the registry); an `app.ts` written there runs with
 * `npx vitrine app.ts` and answers Gradio's client; the same file compiles with TypeScript under
 * `moduleResolution: "nodenext"` and `"bundler"`.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "@jest/globals";
import { Client } from "@gradio/client";
import { workspaceRoot } from "../../../tools/check-packages.mjs";
import { packedPackages } from "./pack-dir.js";

const run = promisify(execFile);
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const APP = `import * as vt from "vitrine";

const demo = new vt.Interface({
  fn: (name: string) => \`Hello \${name}!\`,
  inputs: vt.Textbox({ label: "name" }),
  outputs: vt.Textbox({ label: "greeting" }),
});
await demo.launch();
`;

let consumer = "";
let server: ChildProcess | undefined;
/** Package name → the version it was packed at. */
const versions = new Map<string, string>();

/** The names of `root` and of the workspace packages it depends on, transitively. */
function dependencyClosure(root: string, manifests: Map<string, Record<string, any>>): string[] {
  const seen = new Set<string>();
  const pending = [root];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    for (const dependency of Object.keys(manifests.get(name)?.dependencies ?? {})) {
      if (manifests.has(dependency)) pending.push(dependency);
    }
  }
  return [...seen];
}

/** A port free on 127.0.0.1 right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Runs a command in the consumer folder; on failure the error carries its output. */
async function inConsumer(command: string, args: string[]): Promise<{ stdout: string; seconds: number }> {
  const started = Date.now();
  try {
    const { stdout } = await run(command, args, { cwd: consumer, maxBuffer: 64 * 1024 * 1024 });
    return { stdout, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${failure.stdout ?? ""}\n${failure.stderr ?? failure.message}`);
  }
}

/** Writes a tsconfig for `app.ts` and runs the workspace's tsc on it. */
async function compile(name: string, compilerOptions: Record<string, unknown>) {
  const config = {
    compilerOptions: { strict: true, noEmit: true, target: "es2022", types: ["node"], ...compilerOptions },
    files: ["app.ts"],
  };
  await writeFile(path.join(consumer, `tsconfig.${name}.json`), JSON.stringify(config, null, 2));
  return inConsumer(process.execPath, [tsc, "-p", `tsconfig.${name}.json`]);
}

beforeAll(async () => {
  const packages = await packedPackages();
  const manifests = new Map(packages.map((pkg) => [pkg.name, pkg.manifest]));
  for (const pkg of packages) versions.set(pkg.name, pkg.version);
  const needed = new Set(dependencyClosure("vitrine", manifests));
  const tarballs = packages.filter((pkg) => needed.has(pkg.name)).map((pkg) => pkg.tarball);

  consumer = await mkdtemp(path.join(tmpdir(), "vitrine-consumer-"));
  expect(path.relative(workspaceRoot, consumer).startsWith("..")).toBe(true);
  await inConsumer("npm", ["init", "-y"]);
  await inConsumer("npm", ["pkg", "set", "type=module"]);
  const install = await inConsumer("npm", [
    "install",
    ...tarballs,
    "@types/node@^20.19.0",
    "--prefer-offline",
    "--no-audit",
    "--no-fund",
  ]);
  console.log(`npm install of ${tarballs.length} tarballs (+ registry dependencies): ${install.seconds.toFixed(1)}s`);
  await writeFile(path.join(consumer, "app.ts"), APP);
});

afterAll(async () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    process.kill(-server.pid, "SIGTERM");
    await exited;
  }
  if (consumer) await rm(consumer, { recursive: true, force: true });
});

describe("an app installed from the tarballs with npm", () => {
  test("the tarballs installed vitrine and its packages at their packed versions, without the workspace", async () => {
    const manifest = JSON.parse(await readFile(path.join(consumer, "node_modules/vitrine/package.json"), "utf8"));
    expect(manifest.version).toBe(versions.get("vitrine"));
    expect(JSON.stringify(manifest.dependencies)).not.toContain("workspace:");
    const { stdout } = await inConsumer("npm", ["ls", "@vitrine/core", "--json"]);
    expect(stdout).not.toContain("invalid");
    const core = await readFile(path.join(consumer, "node_modules/@vitrine/core/package.json"), "utf8");
    expect(JSON.parse(core).version).toBe(versions.get("@vitrine/core"));
  });

  test("`npx vitrine app.ts` serves the app and it answers Gradio's client", async () => {
    const port = await freePort();
    const started = Date.now();
    server = spawn("npx", ["vitrine", "app.ts", "--port", String(port)], {
      cwd: consumer,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const ready = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes(`http://127.0.0.1:${port}/`)) resolve();
      };
      server?.stdout?.on("data", onData);
      server?.stderr?.on("data", onData);
      server?.once("exit", (code) => reject(new Error(`vitrine exited with ${code}:\n${output}`)));
    });
    await ready;
    console.log(`npx vitrine app.ts: serving after ${((Date.now() - started) / 1000).toFixed(1)}s`);

    const client = await Client.connect(`http://127.0.0.1:${port}/`);
    const result = await client.predict("/predict", ["Ada"]);
    expect(result.data).toEqual(["Hello Ada!"]);
    const config = await (await fetch(`http://127.0.0.1:${port}/config`)).json();
    expect(config.components.some((component: { type: string }) => component.type === "textbox")).toBe(true);
  });

  test('app.ts compiles with moduleResolution "nodenext"', async () => {
    const result = await compile("nodenext", { module: "nodenext", moduleResolution: "nodenext", skipLibCheck: true });
    console.log(`tsc (nodenext): ${result.seconds.toFixed(1)}s`);
  });

  test('app.ts compiles with moduleResolution "bundler" (module esnext and preserve)', async () => {
    const esnext = await compile("bundler", { module: "esnext", moduleResolution: "bundler", skipLibCheck: true });
    const preserve = await compile("preserve", { module: "preserve", moduleResolution: "bundler", skipLibCheck: true });
    console.log(`tsc (bundler): ${esnext.seconds.toFixed(1)}s + ${preserve.seconds.toFixed(1)}s (preserve)`);
  });

  test("Vitrine's own declaration files type-check in the consumer (skipLibCheck: false)", async () => {
    // jimp (a dependency of @vitrine/image) ships declarations importing `pngjs` without its
    // types: that upstream error is the only one tolerated.
    const config = { compilerOptions: { strict: true, noEmit: true, target: "es2022", types: ["node"], module: "nodenext", moduleResolution: "nodenext", skipLibCheck: false }, files: ["app.ts"] };
    await writeFile(path.join(consumer, "tsconfig.libcheck.json"), JSON.stringify(config, null, 2));
    const failure = await run(process.execPath, [tsc, "-p", "tsconfig.libcheck.json"], { cwd: consumer, maxBuffer: 64 * 1024 * 1024 }).then(
      () => "",
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    const errors = failure.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors.filter((line) => !line.startsWith("node_modules/@jimp/"))).toEqual([]);
  });
});
