/**
 * `vitrine create-component <name>`: scaffolds `./<name>/`, a custom component package of the
 * shape every Vitrine component has (server side, React view, events, example view, browser
 * entry, conformance test, README), from the templates shipped in this package's `templates/`.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CreateComponentCommand } from "./args.js";
import { CliError } from "./errors.js";

/** Where the component template lives (`templates/component/` of the vitrine package). */
export const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/component/", import.meta.url));

/** The names a template's placeholders take for one component. */
export interface ComponentNames {
  /** `__NAME__`: the package and folder name (`my-widget`). */
  name: string;
  /** `__TYPE__`: the component type in the config (`my-widget`). */
  type: string;
  /** `__CLASS__`: the factory and class prefix (`MyWidget`). */
  className: string;
  /** `__CAMEL__`: the events list's prefix (`myWidget`). */
  camel: string;
}

/** `my-widget` → `{ className: "MyWidget", camel: "myWidget", … }`. */
export function componentNames(name: string): ComponentNames {
  const words = name.split("-").filter(Boolean);
  const className = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
  return { name, type: name, className, camel: className[0]!.toLowerCase() + className.slice(1) };
}

/** Replaces a template's placeholders. */
export function fillTemplate(text: string, names: ComponentNames): string {
  return text.replaceAll("__NAME__", names.name).replaceAll("__TYPE__", names.type).replaceAll("__CLASS__", names.className).replaceAll("__CAMEL__", names.camel);
}

/** Vitrine packages the component uses, as dependencies or devDependencies. */
const VITRINE_DEPS = { dependencies: ["@vitrine/core"], devDependencies: ["vitrine", "@vitrine/component-test"] };

/** The generated package's tools (versions Vitrine itself is tested with). */
const TOOL_DEPS: Record<string, string> = {
  "@jest/globals": "30.5.2",
  "@swc/core": "1.16.22",
  "@swc/jest": "0.2.39",
  "@types/node": "^20.19.0",
  "@types/react": "^19.2.0",
  jest: "30.5.2",
  react: "19.3.1",
  typescript: "~5.9.3",
};

/**
 * How the package depends on Vitrine: the published versions (`^<version>`), or with
 * `linkWorkspace` this checkout's packages (`link:<path>`, for testing Vitrine itself).
 */
export function vitrineDependency(pkg: string, version: string, workspace: string | null): string {
  if (!workspace) return `^${version}`;
  const folder = pkg === "vitrine" ? "vitrine" : pkg.replace("@vitrine/", "");
  return `link:${join(workspace, "packages", folder)}`;
}

/** The generated package.json. */
export function componentPackageJson(names: ComponentNames, version: string, workspace: string | null): Record<string, unknown> {
  const dep = (list: string[]) => Object.fromEntries(list.map((p) => [p, vitrineDependency(p, version, workspace)]));
  return {
    name: names.name,
    version: "0.1.0",
    description: `${names.className}: a custom Vitrine component.`,
    license: "MIT",
    type: "module",
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    exports: {
      ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./ui": { types: "./dist/ui.d.ts", default: "./dist/ui.js" },
    },
    files: ["dist", "src", "!src/**/*.test.ts"],
    keywords: ["vitrine", "vitrine-component"],
    scripts: {
      build: "vitrine build-component",
      typecheck: "tsc -p tsconfig.json --noEmit",
      test: "node --experimental-vm-modules --disable-warning=ExperimentalWarning node_modules/jest/bin/jest.js",
    },
    dependencies: dep(VITRINE_DEPS.dependencies),
    peerDependencies: { react: "^18.3.0 || ^19.0.0" },
    peerDependenciesMeta: { react: { optional: true } },
    devDependencies: { ...dep(VITRINE_DEPS.devDependencies), ...TOOL_DEPS },
  };
}

/** The Vitrine checkout this CLI runs from (for `--link-workspace`). */
function workspaceRoot(): string {
  const root = fileURLToPath(new URL("../../../../", import.meta.url));
  if (!existsSync(join(root, "packages", "core", "package.json")) || !existsSync(join(root, "pnpm-workspace.yaml"))) {
    throw new CliError("--link-workspace works only with the vitrine CLI of a Vitrine checkout (packages/vitrine).");
  }
  return root.replace(/\/$/, "");
}

/** Copies the template into `dir`, filling in the names (file names too). */
async function copyTemplate(from: string, dir: string, names: ComponentNames): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    // npm drops .gitignore files from published packages, so the template ships it as "gitignore".
    const target = join(dir, entry.name === "gitignore" ? ".gitignore" : fillTemplate(entry.name, names));
    if (entry.isDirectory()) await copyTemplate(source, target, names);
    else await writeFile(target, fillTemplate(await readFile(source, "utf8"), names));
  }
}

/** Scaffolds `./<name>/` in the current folder. */
export async function createComponent(command: CreateComponentCommand, version: string, cwd = process.cwd()): Promise<void> {
  const dir = resolve(cwd, command.name);
  if (existsSync(dir)) throw new CliError(`${relative(cwd, dir)} already exists: choose another name or remove it.`);
  const names = componentNames(command.name);
  const workspace = command.linkWorkspace ? workspaceRoot() : null;
  const staging = `${dir}.partial-${process.pid}`;
  await copyTemplate(TEMPLATE_DIR, staging, names);
  await writeFile(join(staging, "package.json"), `${JSON.stringify(componentPackageJson(names, version, workspace), null, 2)}\n`);
  await rename(staging, dir);
  console.log(`* Created ${command.name}/ (component "${names.type}", factory ${names.className}())

Next:
  cd ${command.name}
  ${workspace ? "pnpm install" : "npm install"}
  npm run build
  npm test
  npx vitrine app.ts`);
}

