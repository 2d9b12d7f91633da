import type { ComponentType } from "react";
import type { AppConfig, ViewProps } from "@vitrine/core";

/** A component's React view. */
export type View = ComponentType<ViewProps>;

/** Each block type's view, or why it could not be loaded. Types without an entry have no ui module. */
export type ViewRegistry = Map<string, View | Error>;

/** Block types the page lays out itself. */
export const LAYOUT_TYPES: ReadonlySet<string> = new Set(["blocks", "row", "column"]);

/** The absolute URL of a ui module (`ui_modules` entries are relative to the app's root). */
export function moduleUrl(root: string, path: string): string {
  return new URL(path, root.replace(/\/*$/, "/")).href;
}

/**
 * Imports the view of every component type in the config, in parallel. Each module is an
 * ES module whose default export is a React component taking `ViewProps`; it imports bare
 * `react` / `react/jsx-runtime`, which the page's import map points at the page's React.
 */
export async function loadViews(config: Pick<AppConfig, "components" | "ui_modules">, root: string): Promise<ViewRegistry> {
  const modules = config.ui_modules ?? {};
  const types = [...new Set(config.components.map((c) => c.type))].filter((t) => Object.hasOwn(modules, t));
  const entries = await Promise.all(
    types.map(async (type): Promise<[string, View | Error]> => {
      const url = moduleUrl(root, modules[type]!);
      try {
        const mod = (await import(/* @vite-ignore */ url)) as { default?: unknown };
        if (mod.default == null || (typeof mod.default !== "function" && typeof mod.default !== "object")) {
          return [type, new Error(`${url} has no default export`)];
        }
        return [type, mod.default as View];
      } catch (err) {
        return [type, new Error(`could not load ${url}: ${err instanceof Error ? err.message : String(err)}`)];
      }
    }),
  );
  return new Map(entries);
}
