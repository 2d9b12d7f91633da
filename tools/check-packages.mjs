#!/usr/bin/env node
/**
 * Checks that every published package of the workspace is ready for npm: packs each one with
 * `pnpm pack` (as `changeset publish` would), then lints the tarball with publint, checks its
 * types with arethetypeswrong (profile `esm-only`: the packages are ESM-only), checks that the
 * packed manifest has no `workspace:` version left, and that the README has a ```ts example
 * importing the package. Prints a table; exits 1 when a package fails.
 *
 * Usage: `pnpm check:packages` (or `node tools/check-packages.mjs [name...]`).
 * The functions are exported for tests/packaging.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { checkPackage, createPackageFromTarballData } from "@arethetypeswrong/core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";

const run = promisify(execFile);

/** The workspace root (this file lives in `tools/`). */
export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Resolutions the `esm-only` profile of attw ignores: CommonJS consumers are not supported. */
const IGNORED_RESOLUTIONS = ["node10", "node16-cjs"];

/**
 * @typedef {object} WorkspacePackage
 * @property {string} name package name
 * @property {string} version package version
 * @property {string} dir absolute folder
 * @property {Record<string, any>} manifest its package.json
 */

/**
 * Lists the packages under `packages/*` that are not private, sorted by name.
 * @param {string} [root] workspace root
 * @returns {Promise<WorkspacePackage[]>}
 */
export async function listPublicPackages(root = workspaceRoot) {
  const base = path.join(root, "packages");
  const found = [];
  for (const entry of await readdir(base, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(base, entry.name);
    let manifest;
    try {
      manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    if (manifest.private) continue;
    found.push({ name: manifest.name, version: manifest.version, dir, manifest });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The file name `pnpm pack` gives a package's tarball.
 * @param {{ name: string, version: string }} pkg
 */
export function tarballName(pkg) {
  return `${pkg.name.replace(/^@/, "").replace("/", "-")}-${pkg.version}.tgz`;
}

/**
 * Packs packages with one recursive `pnpm pack` (pnpm rewrites their `workspace:` versions).
 * @param {WorkspacePackage[]} packages
 * @param {string} destination folder for the tarballs
 * @param {string} [root] workspace root
 * @returns {Promise<Map<string, string>>} package name → tarball path
 */
export async function packPackages(packages, destination, root = workspaceRoot) {
  if (packages.length === 0) return new Map();
  const filters = packages.flatMap((pkg) => ["--filter", pkg.name]);
  await run("pnpm", ["--recursive", ...filters, "pack", "--pack-destination", destination], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return new Map(packages.map((pkg) => [pkg.name, path.join(destination, tarballName(pkg))]));
}

/**
 * Names of the dependencies of a manifest whose version still uses the `workspace:` protocol.
 * @param {Record<string, any>} manifest
 */
export function workspaceProtocolLeft(manifest) {
  const fields = ["dependencies", "peerDependencies", "optionalDependencies"];
  return fields.flatMap((field) =>
    Object.entries(manifest[field] ?? {})
      .filter(([, version]) => String(version).startsWith("workspace:"))
      .map(([name, version]) => `${field}.${name}=${version}`),
  );
}

/**
 * Whether a README has a ```ts code block importing the package (or one of its subpaths).
 * @param {string} readme README text
 * @param {string} name package name
 */
export function readmeHasTsExample(readme, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const importsIt = new RegExp(`from\\s+["']${escaped}(/[^"']*)?["']`);
  return extractTsBlocks(readme).some((block) => importsIt.test(block));
}

/**
 * The ```ts / ```typescript / ```tsx code blocks of a Markdown text, with their language and
 * whether the fence marks them as a fragment (```ts fragment: a snippet that continues an
 * earlier one, not a module that compiles on its own).
 * @param {string} markdown
 * @returns {Array<{ language: string, body: string, fragment: boolean }>}
 */
export function extractCodeBlocks(markdown) {
  const blocks = [];
  const fence = /^```(tsx|typescript|ts)\b([^\n]*)\n([\s\S]*?)^```/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    blocks.push({ language: match[1], body: match[3], fragment: /\bfragment\b/.test(match[2]) });
  }
  return blocks;
}

/**
 * The bodies of the ```ts / ```typescript / ```tsx code blocks of a Markdown text.
 * @param {string} markdown
 * @returns {string[]}
 */
export function extractTsBlocks(markdown) {
  return extractCodeBlocks(markdown).map((block) => block.body);
}

/**
 * @typedef {object} PackageReport
 * @property {string} name
 * @property {string[]} publint publint messages (errors and warnings; suggestions are listed too)
 * @property {string[]} attw arethetypeswrong problems outside the ignored resolutions
 * @property {string[]} manifest problems of the packed package.json
 * @property {boolean} readme whether the README has a ```ts example importing the package
 * @property {boolean} ok
 */

/**
 * Runs publint and attw on a packed tarball, and checks the packed manifest and the README.
 * @param {WorkspacePackage} pkg
 * @param {string} tarball path of its tarball
 * @returns {Promise<PackageReport>}
 */
export async function checkTarball(pkg, tarball) {
  const data = await readFile(tarball);
  const lint = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    level: "suggestion",
    strict: true,
  });
  const publintMessages = lint.messages.map(
    (message) => `${message.type}: ${formatMessage(message, lint.pkg, { color: false }) ?? message.code}`,
  );
  const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(data)));
  const attwProblems = analysis.types
    ? analysis.problems
        .filter((problem) => !("resolutionKind" in problem) || !IGNORED_RESOLUTIONS.includes(problem.resolutionKind))
        .map((problem) =>
          [problem.kind, "entrypoint" in problem ? problem.entrypoint : "", "resolutionKind" in problem ? problem.resolutionKind : ""]
            .filter(Boolean)
            .join(" "),
        )
    : ["no types found"];
  const manifest = workspaceProtocolLeft(lint.pkg ?? {}).map((entry) => `workspace protocol left: ${entry}`);
  if (lint.pkg?.version !== pkg.version) manifest.push(`packed version ${lint.pkg?.version} != ${pkg.version}`);
  let readmeText = "";
  try {
    readmeText = await readFile(path.join(pkg.dir, "README.md"), "utf8");
  } catch {
    // missing README: reported below
  }
  const readme = readmeHasTsExample(readmeText, pkg.name);
  const errors = lint.messages.filter((message) => message.type !== "suggestion");
  return {
    name: pkg.name,
    publint: publintMessages,
    attw: attwProblems,
    manifest,
    readme,
    ok: errors.length === 0 && attwProblems.length === 0 && manifest.length === 0 && readme,
  };
}

/**
 * Renders reports as a plain-text table with the details of each failure below it.
 * @param {PackageReport[]} reports
 */
export function formatTable(reports) {
  const rows = [["package", "publint", "attw (esm-only)", "manifest", "README ts example"]];
  for (const report of reports) {
    rows.push([
      report.name,
      report.publint.length === 0 ? "ok" : `${report.publint.length} message(s)`,
      report.attw.length === 0 ? "ok" : `${report.attw.length} problem(s)`,
      report.manifest.length === 0 ? "ok" : `${report.manifest.length} problem(s)`,
      report.readme ? "ok" : "missing",
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join(" | ");
  const out = [line(rows[0]), widths.map((width) => "-".repeat(width)).join("-|-"), ...rows.slice(1).map(line)];
  for (const report of reports) {
    const details = [...report.publint, ...report.attw.map((p) => `attw: ${p}`), ...report.manifest];
    if (!report.readme) details.push("README: no ```ts block importing the package");
    if (details.length > 0) out.push("", `${report.name}:`, ...details.map((detail) => `  - ${detail}`));
  }
  return out.join("\n");
}

/**
 * Packs and checks packages (all public ones by default).
 * @param {{ names?: string[], root?: string }} [options]
 * @returns {Promise<PackageReport[]>}
 */
export async function checkPackages({ names, root = workspaceRoot } = {}) {
  let packages = await listPublicPackages(root);
  if (names && names.length > 0) packages = packages.filter((pkg) => names.includes(pkg.name));
  const destination = await mkdtemp(path.join(tmpdir(), "vitrine-pack-"));
  try {
    const tarballs = await packPackages(packages, destination);
    const reports = [];
    for (const pkg of packages) reports.push(await checkTarball(pkg, /** @type {string} */ (tarballs.get(pkg.name))));
    return reports;
  } finally {
    await rm(destination, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const reports = await checkPackages({ names: process.argv.slice(2) });
  console.log(formatTable(reports));
  const failed = reports.filter((report) => !report.ok);
  console.log(`\n${reports.length - failed.length}/${reports.length} packages ok in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}
