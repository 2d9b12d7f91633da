#!/usr/bin/env node
/**
 * Checks that the public API of every published package has TSDoc: each exported function,
 * class, interface, type alias, enum and variable of a package's entry points (the `src/` files
 * behind its `exports` map) must carry a doc comment. Members of exported classes and interfaces
 * are checked too, but a package passes when at least 90% of them are documented (the rest are
 * listed). Prints a table; exits 1 when a package fails.
 *
 * Usage: `pnpm check:tsdoc` (or `node tools/check-tsdoc.mjs [name...]`).
 * The functions are exported for tests/packaging.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { listPublicPackages } from "./check-packages.mjs";

/** Share of documented class and interface members a package needs to pass. */
export const MEMBER_THRESHOLD = 0.9;

/**
 * @typedef {object} TsdocFinding
 * @property {string} name exported name, or `Owner.member` for a member
 * @property {string} kind function, class, interface, type, enum, variable, default, or member
 * @property {string} file path relative to the package folder
 * @property {number} line 1-based line of the declaration
 */

/**
 * @typedef {object} TsdocReport
 * @property {string} name package name
 * @property {string[]} entries entry files checked, relative to the package folder
 * @property {number} exports top-level exports checked
 * @property {TsdocFinding[]} topLevel undocumented top-level exports
 * @property {number} members class and interface members checked
 * @property {TsdocFinding[]} undocumentedMembers
 * @property {boolean} ok
 */

/**
 * The `src/` file a built export target comes from: `./dist/ui.js` → `src/ui.tsx` (whichever of
 * .ts / .tsx exists), or `undefined` when there is none (CSS, package.json, …).
 * @param {string} pkgDir package folder
 * @param {string} target export target such as `./dist/index.js`
 */
export function sourceOfTarget(pkgDir, target) {
  if (/\.tsx?$/.test(target) && !target.endsWith(".d.ts")) {
    const direct = path.join(pkgDir, target);
    return existsSync(direct) ? direct : undefined;
  }
  const built = /^\.\/[^/]+\/(.+)\.(?:m?js|d\.ts)$/.exec(target);
  if (!built) return undefined;
  for (const extension of [".ts", ".tsx"]) {
    const candidate = path.join(pkgDir, "src", built[1] + extension);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Every string target of an `exports` value, conditions included.
 * @param {unknown} value
 * @returns {string[]}
 */
function exportTargets(value) {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(exportTargets);
  return [];
}

/**
 * The TypeScript entry files of a package, from its `exports` map (or `main` without one).
 * @param {string} pkgDir package folder
 * @param {Record<string, any>} manifest its package.json
 * @returns {string[]} absolute paths, without duplicates
 */
export function entryFiles(pkgDir, manifest) {
  const targets = manifest.exports === undefined ? [manifest.main ?? "./dist/index.js"] : exportTargets(manifest.exports);
  const files = targets.map((target) => sourceOfTarget(pkgDir, target)).filter((file) => file !== undefined);
  return [...new Set(files)];
}

/**
 * Compiler options from a package's tsconfig.json (the base defaults when it has none).
 * @param {string} pkgDir
 * @returns {ts.CompilerOptions}
 */
function compilerOptionsOf(pkgDir) {
  const configPath = path.join(pkgDir, "tsconfig.json");
  if (!existsSync(configPath)) return { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, jsx: ts.JsxEmit.ReactJSX };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  });
  return { ...parsed?.options, noEmit: true };
}

/** Parsed files shared by the programs of all packages (parsing @types/react and the like once). */
const parsedFiles = new Map();

/**
 * A compiler host whose parsed source files are reused across programs that parse them alike.
 * @param {ts.CompilerOptions} options
 */
function cachingHost(options) {
  const host = ts.createCompilerHost(options);
  const parse = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, parsing, onError, shouldCreate) => {
    const { languageVersion, impliedNodeFormat } = typeof parsing === "object" ? parsing : { languageVersion: parsing };
    const key = `${fileName}\0${languageVersion}\0${impliedNodeFormat}`;
    if (!parsedFiles.has(key)) parsedFiles.set(key, parse(fileName, parsing, onError, shouldCreate));
    return parsedFiles.get(key);
  };
  return host;
}

/**
 * Whether a symbol has a doc comment with text (inherited docs of overridden members count).
 * @param {ts.Symbol} symbol
 * @param {ts.TypeChecker} checker
 */
function isDocumented(symbol, checker) {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "";
}

/**
 * The kind this check reports a top-level declaration under, or `undefined` for the kinds it skips.
 * @param {ts.Declaration} declaration
 */
function kindOf(declaration) {
  if (ts.isFunctionDeclaration(declaration)) return "function";
  if (ts.isClassDeclaration(declaration)) return "class";
  if (ts.isInterfaceDeclaration(declaration)) return "interface";
  if (ts.isTypeAliasDeclaration(declaration)) return "type";
  if (ts.isEnumDeclaration(declaration)) return "enum";
  if (ts.isVariableDeclaration(declaration)) return "variable";
  if (ts.isExportAssignment(declaration)) return "default";
  return undefined;
}

/**
 * Whether a class member is part of the public API (not private, protected or `#private`).
 * @param {ts.ClassElement} member
 */
function isPublicClassMember(member) {
  const inspected = ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member) || ts.isAccessor(member);
  if (!inspected || (member.name && ts.isPrivateIdentifier(member.name))) return false;
  const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected;
  return (ts.getCombinedModifierFlags(member) & hidden) === 0;
}

/**
 * The named members of a class or interface declaration that the member check covers.
 * @param {ts.Declaration} declaration
 * @returns {ts.NamedDeclaration[]}
 */
function checkedMembers(declaration) {
  if (ts.isClassDeclaration(declaration)) return declaration.members.filter(isPublicClassMember);
  if (ts.isInterfaceDeclaration(declaration)) {
    return declaration.members.filter((member) => ts.isPropertySignature(member) || ts.isMethodSignature(member));
  }
  return [];
}

/**
 * A finding for a declaration, located relative to the package folder.
 * @param {string} pkgDir
 * @param {string} name
 * @param {string} kind
 * @param {ts.Node} node
 * @returns {TsdocFinding}
 */
function findingAt(pkgDir, name, kind, node) {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return { name, kind, file: path.relative(pkgDir, source.fileName), line: line + 1 };
}

/**
 * Checks the TSDoc of one package's public API.
 * @param {string} pkgDir package folder (with a package.json)
 * @returns {TsdocReport}
 */
export function checkTsdoc(pkgDir) {
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8"));
  const entries = entryFiles(pkgDir, manifest);
  const options = compilerOptionsOf(pkgDir);
  const program = ts.createProgram({ rootNames: entries, options, host: cachingHost(options) });
  const checker = program.getTypeChecker();
  const ownFolder = path.resolve(pkgDir) + path.sep;
  const seen = new Set();
  const report = {
    name: manifest.name,
    entries: entries.map((file) => path.relative(pkgDir, file)),
    exports: 0,
    /** @type {TsdocFinding[]} */ topLevel: [],
    members: 0,
    /** @type {TsdocFinding[]} */ undocumentedMembers: [],
  };

  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (symbol.declarations ?? []).filter(
        (declaration) => path.resolve(declaration.getSourceFile().fileName).startsWith(ownFolder) && kindOf(declaration),
      );
      if (declarations.length === 0 || seen.has(symbol)) continue;
      seen.add(symbol);
      report.exports += 1;
      if (!isDocumented(symbol, checker)) {
        report.topLevel.push(findingAt(pkgDir, exported.name, /** @type {string} */ (kindOf(declarations[0])), declarations[0]));
      }
      for (const declaration of declarations) {
        for (const member of checkedMembers(declaration)) {
          const memberSymbol = member.name && checker.getSymbolAtLocation(member.name);
          if (!memberSymbol || seen.has(memberSymbol)) continue;
          seen.add(memberSymbol);
          report.members += 1;
          if (!isDocumented(memberSymbol, checker)) {
            report.undocumentedMembers.push(findingAt(pkgDir, `${exported.name}.${memberSymbol.name}`, "member", member));
          }
        }
      }
    }
  }
  return { ...report, ok: report.topLevel.length === 0 && documentedShare(report) >= MEMBER_THRESHOLD };
}

/**
 * The share of a report's class and interface members that are documented (1 when it has none).
 * @param {Pick<TsdocReport, "members" | "undocumentedMembers">} report
 */
export function documentedShare(report) {
  return report.members === 0 ? 1 : 1 - report.undocumentedMembers.length / report.members;
}

/**
 * Renders reports as a plain-text table with the undocumented declarations of each package below it.
 * @param {TsdocReport[]} reports
 */
export function formatTsdocTable(reports) {
  const rows = [["package", "entries", "exports", "undocumented exports", "members documented", "result"]];
  for (const report of reports) {
    const documented = report.members - report.undocumentedMembers.length;
    const share = report.members === 0 ? "-" : `${documented}/${report.members} (${Math.floor(100 * documentedShare(report))}%)`;
    rows.push([report.name, String(report.entries.length), String(report.exports), String(report.topLevel.length), share, report.ok ? "ok" : "FAIL"]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => cell.padEnd(widths[column])).join(" | ");
  const out = [line(rows[0]), widths.map((width) => "-".repeat(width)).join("-|-"), ...rows.slice(1).map(line)];
  for (const report of reports) {
    const findings = [...report.topLevel, ...report.undocumentedMembers];
    if (findings.length === 0) continue;
    out.push("", `${report.name}:`, ...findings.map((f) => `  - ${f.kind} ${f.name} (${f.file}:${f.line})`));
  }
  return out.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const names = process.argv.slice(2);
  const packages = (await listPublicPackages()).filter((pkg) => names.length === 0 || names.includes(pkg.name));
  const reports = packages.map((pkg) => checkTsdoc(pkg.dir));
  console.log(formatTsdocTable(reports));
  const failed = reports.filter((report) => !report.ok);
  console.log(`\n${reports.length - failed.length}/${reports.length} packages ok in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exitCode = failed.length > 0 ? 1 : 0;
}
