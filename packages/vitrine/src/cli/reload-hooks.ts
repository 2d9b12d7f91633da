/**
 * Node module hooks (registered by the `vitrine` CLI with `module.register`) that make every
 * run of the app file import the user's own modules afresh while packages load once.
 *
 * The CLI imports the app file as `file:///…/app.ts?vitrine-run=<n>`. Each module it imports
 * that lives under a watched folder (and not under `node_modules`) gets the same `vitrine-run`
 * query, so Node evaluates it again for run `n`; anything else (vitrine itself, other packages)
 * is shared by all runs, as Gradio re-runs only the user's file.
 */
import { sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The query parameter naming the run a module belongs to. */
export const RUN_PARAM = "vitrine-run";

/** What the CLI passes to {@link initialize}. */
export interface ReloadHookData {
  /** Absolute folders whose modules are re-imported on each run. */
  roots: string[];
}

let roots: string[] = [];

/** Receives the watched folders (Node calls this on `module.register`). */
export function initialize(data: ReloadHookData): void {
  roots = data.roots.map((r) => (r.endsWith(sep) ? r : r + sep));
}

/** The run number carried by a specifier or URL, if any. */
export function runOf(url: string | undefined): string | undefined {
  return url ? /[?&]vitrine-run=(\d+)/.exec(url)?.[1] : undefined;
}

/** Whether a file is the user's code (under a watched folder, not in `node_modules`). */
export function isUserFile(path: string, folders: readonly string[] = roots): boolean {
  if (path.includes(`${sep}node_modules${sep}`)) return false;
  return folders.some((root) => path.startsWith(root.endsWith(sep) ? root : root + sep));
}

interface ResolveContext {
  parentURL?: string;
  conditions?: readonly string[];
  importAttributes?: Record<string, string>;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
  importAttributes?: Record<string, string>;
}

/** Node's resolve hook: tags the user's modules with the run of the module importing them. */
export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: (specifier: string, context: ResolveContext) => Promise<ResolveResult>,
): Promise<ResolveResult> {
  const result = await nextResolve(specifier, context);
  const run = runOf(specifier) ?? runOf(context.parentURL);
  if (run === undefined || !result.url.startsWith("file:")) return result;
  const url = new URL(result.url);
  if (!isUserFile(fileURLToPath(url))) return result;
  if (url.searchParams.get(RUN_PARAM) === run) return result;
  url.searchParams.set(RUN_PARAM, run);
  return { ...result, url: url.href };
}
