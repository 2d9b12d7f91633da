import type { StoreApi } from "zustand/vanilla";
import type { AppState } from "./store.js";

/** localStorage, or null where it is unavailable (private mode, blocked, not a browser). */
function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Blocks whose config props carry a `storage_key` (a BrowserState) keep their value in the
 * browser: it is restored from localStorage before any event runs (so `load` reads it), and
 * stored again whenever it changes. The value is whatever the server sent (BrowserState's is
 * sealed by the server); the page never interprets it.
 */
export function persistBrowserValues(store: StoreApi<AppState>, local: Storage | null = storage()): () => void {
  if (!local) return () => undefined;
  const keys = new Map<number, string>();
  for (const [id, block] of Object.entries(store.getState().blocks)) {
    const key = block.props.storage_key;
    if (typeof key === "string" && key) keys.set(Number(id), key);
  }
  if (keys.size === 0) return () => undefined;
  for (const [id, key] of keys) {
    const saved = local.getItem(key);
    if (saved !== null) store.getState().setValue(id, saved);
  }
  return store.subscribe((state, previous) => {
    for (const [id, key] of keys) {
      const value = state.blocks[id]?.value;
      if (value === previous.blocks[id]?.value || value === null || value === undefined) continue;
      try {
        local.setItem(key, typeof value === "string" ? value : JSON.stringify(value));
      } catch {
        // Storage full or blocked: the value lives until the page closes.
      }
    }
  });
}
