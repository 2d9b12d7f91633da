import type { ComponentType } from "react";
import { createStore, type StoreApi } from "zustand/vanilla";
import type { ExampleProps, ViewProps } from "@vitrine/core";

/** A component's React view. */
export type View = ComponentType<ViewProps>;
/** A component's example view: one value's compact preview in an Examples table. */
export type ExampleView = ComponentType<ExampleProps>;

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
  /** The example views of the loaded modules that export one (as `Example`). */
  examples: Record<string, ExampleView>;
}

/** The absolute URL of a ui module (`ui_modules` entries are relative to the app's root). */
export function moduleUrl(root: string, path: string): string {
  return new URL(path, root.replace(/\/*$/, "/")).href;
}

const isComponent = (x: unknown): boolean => x != null && (typeof x === "function" || typeof x === "object");

/**
 * Imports one view module: an ES module whose default export is a React component taking
 * `ViewProps`, and which may export an example view as `Example`.
 */
export async function importViewModule(
  url: string,
  load: (url: string) => Promise<unknown> = (u) => import(/* @vite-ignore */ u),
): Promise<{ view: View | Error; example: ExampleView | null }> {
  try {
    const mod = (await load(url)) as { default?: unknown; Example?: unknown };
    const example = isComponent(mod.Example) ? (mod.Example as ExampleView) : null;
    if (!isComponent(mod.default)) return { view: new Error(`${url} has no default export`), example };
    return { view: mod.default as View, example };
  } catch (err) {
    return { view: new Error(`could not load ${url}: ${err instanceof Error ? err.message : String(err)}`), example: null };
  }
}

/** Imports one view module and returns its view, or why it could not be loaded. */
export async function importView(url: string, load?: (url: string) => Promise<unknown>): Promise<View | Error> {
  return (await importViewModule(url, load)).view;
}

/**
 * Loads component views as the page needs them, in parallel, each once. Each module imports
 * bare `react` / `react/jsx-runtime`, which the page's import map points at the page's React.
 */
export class ViewLoader {
  readonly store: StoreApi<ViewsState> = createStore<ViewsState>()(() => ({ modules: {}, views: {}, examples: {} }));

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
        const { view, example } = await importViewModule(url, this.load);
        this.store.setState((s) => ({ views: { ...s.views, [type]: view }, examples: example ? { ...s.examples, [type]: example } : s.examples }));
      }),
    ).then(() => undefined);
  }
}
