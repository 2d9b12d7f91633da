import type { ComponentType } from "react";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ViewProps } from "@vitrine/core";

/** A component's React view. */
export type View = ComponentType<ViewProps>;

/** Block types the page lays out itself. */
export const LAYOUT_TYPES: ReadonlySet<string> = new Set([
  "blocks",
  "row",
  "column",
  "group",
  "tabs",
  "tabitem",
  "accordion",
  "sidebar",
  "render",
]);

/**
 * The views the page knows of: each block type's module URL (known from the config at once),
 * and its view once loaded, or why it could not be. A type with a module but no view yet is
 * still loading: the page shows its block's skeleton meanwhile.
 */
export interface ViewsState {
  /** Module URL of each component type's view (absolute). */
  modules: Record<string, string>;
  /** Loaded views, or the error that kept one from loading. */
  views: Record<string, View | Error>;
}

/** The absolute URL of a ui module (`ui_modules` entries are relative to the app's root). */
export function moduleUrl(root: string, path: string): string {
  return new URL(path, root.replace(/\/*$/, "/")).href;
}

/** Imports one view module: an ES module whose default export is a React component taking `ViewProps`. */
export async function importView(url: string, load: (url: string) => Promise<unknown> = (u) => import(/* @vite-ignore */ u)): Promise<View | Error> {
  try {
    const mod = (await load(url)) as { default?: unknown };
    if (mod.default == null || (typeof mod.default !== "function" && typeof mod.default !== "object")) {
      return new Error(`${url} has no default export`);
    }
    return mod.default as View;
  } catch (err) {
    return new Error(`could not load ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * Loads component views as the page needs them, in parallel, each once. Each module imports
 * bare `react` / `react/jsx-runtime`, which the page's import map points at the page's React.
 */
export class ViewLoader {
  readonly store: StoreApi<ViewsState> = createStore<ViewsState>()(() => ({ modules: {}, views: {} }));

  constructor(
    private readonly root: string,
    private readonly load?: (url: string) => Promise<unknown>,
  ) {}

  /** Starts loading the views of `modules` (type → path relative to the root) not yet known; resolves when they are loaded. */
  ensure(modules: Record<string, string> | undefined): Promise<void> {
    const state = this.store.getState();
    const fresh = Object.entries(modules ?? {}).filter(([type]) => !Object.hasOwn(state.modules, type));
    if (fresh.length === 0) return Promise.resolve();
    const urls = Object.fromEntries(fresh.map(([type, path]) => [type, moduleUrl(this.root, path)]));
    this.store.setState({ modules: { ...state.modules, ...urls } });
    return Promise.all(
      Object.entries(urls).map(async ([type, url]) => {
        const view = await importView(url, this.load);
        this.store.setState((s) => ({ views: { ...s.views, [type]: view } }));
      }),
    ).then(() => undefined);
  }
}
