import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { StoreApi } from "zustand/vanilla";
import type { EventRunner } from "./events.js";
import type { PageFiles } from "./files.js";
import type { CallServer } from "./componentServer.js";
import type { ExampleView, View, ViewsState } from "./loadViews.js";
import { IDLE, type AppState, type BlockState } from "./store.js";

/** What every block of the page reads: the state, the event runner and the views. */
export interface PageContext {
  store: StoreApi<AppState>;
  runner: EventRunner;
  views: StoreApi<ViewsState>;
  /** Uploads and file URLs, handed to every view. */
  files: PageFiles;
  /** Calls components' server functions (each view gets it as `callServer`, bound to its id). */
  callServer?: CallServer;
}

/** Carries the {@link PageContext} down the layout tree. */
export const Page = createContext<PageContext | null>(null);

/** The page's context; throws outside of the page. */
export function usePage(): PageContext {
  const page = useContext(Page);
  if (!page) throw new Error("usePage() outside of <Page.Provider>");
  return page;
}

const MISSING: BlockState = { type: "", value: null, props: {}, status: IDLE };

/** One block's state; re-renders only when that block changes. */
export function useBlock(id: number): BlockState {
  const { store } = usePage();
  return useStore(store, (s) => s.blocks[id] ?? MISSING);
}

/**
 * The view of a block type: `undefined` while it loads, an Error if it could not, `null` when
 * the type has no view module (a layout, or an unknown type).
 */
export function useView(type: string): View | Error | null | undefined {
  const { views } = usePage();
  return useStore(views, (s) => (Object.hasOwn(s.modules, type) ? s.views[type] : null));
}

/** The example views loaded so far, by component type (re-renders when one more loads). */
export function useExampleViews(): Record<string, ExampleView> {
  const { views } = usePage();
  return useStore(views, (s) => s.examples);
}
