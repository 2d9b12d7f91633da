/**
 * Hot reload in the page, when the `vitrine` CLI serves the app: the CLI puts
 * `<meta name="vitrine-reload" content="<channel>" data-run="<n>">` in the page's head, and
 * sends the number of each new version of the app on that Server-Sent Events channel. On a new
 * number the page saves its input values in sessionStorage and reloads; the reloaded page puts
 * them back (by component id, else by label) before any event runs.
 */
import type { StoreApi } from "zustand/vanilla";
import type { AppState, BlockState } from "./store.js";

/** sessionStorage key of the values kept across a reload. */
export const KEPT_VALUES_KEY = "vitrine:reload-values";

/** A value kept across a reload, with what finds its block again. */
export interface KeptValue {
  id: number;
  type: string;
  label: string | null;
  value: unknown;
}

/** Block types whose value is not the user's input (a button's value is its label). */
function isInputBlock(block: BlockState): boolean {
  if (block.props.interactive !== true) return false;
  if (block.type.endsWith("button") || ["state", "browserstate", "timer"].includes(block.type)) return false;
  return block.value !== null && block.value !== undefined;
}

function labelOf(block: BlockState): string | null {
  return typeof block.props.label === "string" ? block.props.label : null;
}

/** The values of the page's input blocks. */
export function inputValues(state: Pick<AppState, "blocks">): KeptValue[] {
  return Object.entries(state.blocks)
    .filter(([, block]) => isInputBlock(block))
    .map(([id, block]) => ({ id: Number(id), type: block.type, label: labelOf(block), value: block.value }));
}

/**
 * Puts kept values back: into the block with the same id and type, else the only block of
 * that type with the same label. Returns how many were restored.
 */
export function restoreValues(store: StoreApi<AppState>, kept: readonly KeptValue[]): number {
  let restored = 0;
  const blocks = store.getState().blocks;
  for (const item of kept) {
    let id: number | undefined = blocks[item.id]?.type === item.type ? item.id : undefined;
    if (id === undefined && item.label !== null) {
      const same = Object.entries(blocks).filter(([, b]) => b.type === item.type && labelOf(b) === item.label);
      if (same.length === 1) id = Number(same[0]![0]);
    }
    if (id !== undefined && blocks[id]!.props.interactive === true && store.getState().setValue(id, item.value)) restored++;
  }
  return restored;
}

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * If the CLI serves this page, restores the values kept by the previous reload and listens for
 * new versions of the app. Returns a function that stops listening.
 */
export function listenForReload(store: StoreApi<AppState>): () => void {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="vitrine-reload"]');
  if (!meta) return () => undefined;
  const storage = session();
  const saved = storage?.getItem(KEPT_VALUES_KEY);
  if (saved) {
    storage!.removeItem(KEPT_VALUES_KEY);
    try {
      restoreValues(store, JSON.parse(saved) as KeptValue[]);
    } catch {
      // Unreadable: start from the app's own values.
    }
  }
  const run = meta.dataset.run;
  const source = new EventSource(new URL(meta.content, document.baseURI));
  source.onmessage = (event: MessageEvent<string>) => {
    if (event.data === run) return;
    source.close();
    try {
      storage?.setItem(KEPT_VALUES_KEY, JSON.stringify(inputValues(store.getState())));
    } catch {
      // Storage full or blocked: reload without the values.
    }
    window.location.reload();
  };
  return () => source.close();
}
