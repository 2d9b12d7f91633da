/**
 * Config props that are files given as paths: initial values (`vt.Image({ value: "cat.png" })`,
 * `vt.File({ value: "/abs/report.pdf" })`) and examples (a Dataset's samples). When the server
 * starts, each is copied into the app's cache through the component's own `postprocess` (only from
 * the working directory, the OS temp folder or `allowed_paths`, as for returned files; anything
 * else fails the launch with a clear error), and the config carries the FileData, whose URL the
 * config gives per request, under the public root of the request, as Gradio's does.
 */
import { API_PREFIX, Component, componentDisplayName, isFileData, type AppConfig, type BlocksApp } from "@vitrine/core";
import { EventFileStore, type FileCache } from "./cache.js";

/** The config props made with the file store (initial values, samples), by component id. */
export type InitialValues = ReadonlyMap<number, Record<string, unknown>>;

/**
 * Makes the config props that need the file store (`Component.configPropsWithFiles`) of every
 * component; rejects with an error naming the component otherwise. File URLs are left relative
 * to the app's root (`/gradio_api/file=…`): see {@link withInitialValues}.
 */
export async function prepareInitialValues(app: BlocksApp, cache: FileCache): Promise<InitialValues> {
  const values = new Map<number, Record<string, unknown>>();
  const store = new EventFileStore(cache, () => "");
  for (const block of app.blocks()) {
    if (!(block instanceof Component)) continue;
    try {
      const props = await block.configPropsWithFiles({ files: store });
      if (props) values.set(block.id, props);
    } catch (err) {
      const label = block.props.label ? ` "${block.props.label}"` : "";
      const what = block.initialValueNeedsFiles() ? "The initial value" : "A file";
      throw new Error(
        `${what} of ${componentDisplayName(block)}${label} (id ${block.id}) cannot be served: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
  }
  return values;
}

/** A payload with the root-relative URLs of its FileData made absolute under `root`. */
function rooted(value: unknown, root: string): unknown {
  if (Array.isArray(value)) return value.map((v) => rooted(v, root));
  if (isFileData(value)) return typeof value.url === "string" && value.url.startsWith(`${API_PREFIX}/`) ? { ...value, url: `${root}${value.url}` } : value;
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rooted(v, root)]));
  return value;
}

/** The config with the prepared props in its components, their file URLs under `root` (no trailing slash). */
export function withInitialValues(config: AppConfig, values: InitialValues, root: string): AppConfig {
  if (values.size === 0) return config;
  const base = root.replace(/\/+$/, "");
  return {
    ...config,
    components: config.components.map((c) =>
      values.has(c.id) ? { ...c, props: { ...c.props, ...(rooted(values.get(c.id), base) as Record<string, unknown>) } } : c,
    ),
  };
}
