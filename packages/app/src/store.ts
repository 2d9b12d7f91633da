import { createStore, type StoreApi } from "zustand/vanilla";
import type { ComponentConfig, ViewStatus } from "@vitrine/core";
import type { ProgressUnit } from "./messages.js";

/** How an event shows its progress over its outputs (`show_progress`). */
export type ProgressMode = "full" | "minimal" | "hidden";

/** A block's status: what the view sees, plus what the overlay needs to draw it. */
export interface BlockStatus extends ViewStatus {
  /** When the event started (ms since epoch). */
  startedAt?: number;
  /** Estimated seconds from the start to completion, if the server gave one. */
  eta?: number | null;
  /** Progress bars reported by the function. */
  progress?: ProgressUnit[] | null;
  /** How the overlay is drawn. */
  showProgress?: ProgressMode;
  /** The run that set this status; only that run clears it. */
  runId?: number;
}

/** One block's state. */
export interface BlockState {
  type: string;
  value: unknown;
  /** Config props, without `value`. */
  props: Record<string, unknown>;
  status: BlockStatus;
}

/** The page's state: every block by id, and the actions that change it. */
export interface AppState {
  blocks: Record<number, BlockState>;
  /** Sets a block's value; returns whether it changed. */
  setValue(id: number, value: unknown): boolean;
  /** Merges props into a block's props. */
  setProps(id: number, props: Record<string, unknown>): void;
  /**
   * Applies an event's output to a block: a plain value, or an update object
   * (`{ __type__: "update", value?, ...props }`). Returns whether the value changed.
   */
  applyOutput(id: number, output: unknown): boolean;
  /** Replaces a block's status. */
  setStatus(id: number, status: BlockStatus): void;
  /** Merges into a block's status, if run `runId` still owns it. */
  patchStatus(id: number, runId: number, patch: Partial<BlockStatus>): void;
  /** The values of `ids`, in order (`null` for unknown blocks). */
  values(ids: readonly number[]): unknown[];
}

/** The status of a block no event is updating. */
export const IDLE: BlockStatus = Object.freeze({ stage: "idle" }) as BlockStatus;

/** An update object, as event functions return to change props (`vt.update(...)`). */
export function isUpdate(output: unknown): output is Record<string, unknown> & { __type__: "update" } {
  return typeof output === "object" && output !== null && (output as { __type__?: unknown }).__type__ === "update";
}

/** Structural equality of JSON-like values (wire values). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as never)[k], (b as never)[k]));
}

/** Creates the page's store from the config's components: each value starts as `props.value`. */
export function createAppStore(components: readonly ComponentConfig[]): StoreApi<AppState> {
  const blocks: Record<number, BlockState> = {};
  for (const c of components) {
    const { value = null, ...props } = c.props as Record<string, unknown>;
    blocks[c.id] = { type: c.type, value, props, status: IDLE };
  }

  return createStore<AppState>()((set, get) => {
    const update = (id: number, change: (block: BlockState) => BlockState): void => {
      const block = get().blocks[id];
      if (block) set({ blocks: { ...get().blocks, [id]: change(block) } });
    };
    const setValue = (id: number, value: unknown): boolean => {
      const block = get().blocks[id];
      if (!block || sameValue(block.value, value)) return false;
      update(id, (b) => ({ ...b, value }));
      return true;
    };
    return {
      blocks,
      setValue,
      setProps: (id, props) => update(id, (b) => ({ ...b, props: { ...b.props, ...props } })),
      applyOutput(id, output) {
        if (!isUpdate(output)) return setValue(id, output);
        const { __type__: _type, value, ...props } = output;
        if (Object.keys(props).length) get().setProps(id, props);
        return "value" in output ? setValue(id, value) : false;
      },
      setStatus: (id, status) => update(id, (b) => ({ ...b, status })),
      patchStatus: (id, runId, patch) =>
        update(id, (b) => (b.status.runId === runId ? { ...b, status: { ...b.status, ...patch } } : b)),
      values: (ids) => ids.map((id) => get().blocks[id]?.value ?? null),
    };
  });
}
