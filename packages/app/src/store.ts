import { createStore, type StoreApi } from "zustand/vanilla";
import type { ComponentConfig, LayoutNode, RenderConfig, ViewStatus } from "@vitrine/core";
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
  /** The children of each `vt.render` region, by render id, as its latest rebuild made them. */
  renders: Record<number, LayoutNode[]>;
  /**
   * Puts a rebuilt region in place: its new blocks join the store (a block whose `key` matches
   * one of the previous run keeps that block's value, and the other props its `preserved_by_key`
   * names, where the user or an event changed them since) and the previous run's blocks leave it.
   */
  applyRender(region: RenderConfig): void;
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

/**
 * A keyed block rebuilt by its render region: what it was given by the rebuild (`fresh`), except
 * for the props its `preserved_by_key` names (default "value") that the user or an event changed
 * since the last rebuild (`now` against what that rebuild gave, `given`): those keep what the page shows.
 */
function keepChanged(fresh: BlockState, now: BlockState, given: BlockState, key: unknown): BlockState {
  const listed = fresh.props.preserved_by_key;
  const preserved: readonly unknown[] = Array.isArray(listed) ? listed : ["value"];
  const props: Record<string, unknown> = { ...fresh.props, key };
  let value = fresh.value;
  for (const name of preserved) {
    if (typeof name !== "string") continue;
    if (name === "value") {
      if (!sameValue(now.value, given.value)) value = now.value;
    } else if (!sameValue(now.props[name], given.props[name])) {
      props[name] = now.props[name];
    }
  }
  return { ...fresh, value, props };
}

/** Creates the page's store from the config's components: each value starts as `props.value`. */
export function createAppStore(components: readonly ComponentConfig[]): StoreApi<AppState> {

  const blockState = (c: ComponentConfig): BlockState => {
    const { value = null, ...props } = c.props as Record<string, unknown>;
    return { type: c.type, value, props, status: IDLE };
  };
  /** Block ids of each region's current run. */
  const regionBlocks = new Map<number, number[]>();
  /** The state each keyed block of a region's current run was given by that run (to tell what changed since). */
  const givenByRender = new Map<number, BlockState>();

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
      blocks: Object.fromEntries(components.map((c) => [c.id, blockState(c)])),
      renders: {},
      applyRender(region) {
        const current = { ...get().blocks };
        const previous = regionBlocks.get(region.render_id) ?? [];
        // The previous run's keyed blocks: what the page shows now, and what that run gave them.
        const byKey = new Map<string, { now: BlockState; given: BlockState }>();
        for (const id of previous) {
          const key = current[id]?.props.key;
          const given = givenByRender.get(id);
          if (key !== undefined && key !== null && given) byKey.set(`${current[id]!.type}:${String(key)}`, { now: current[id]!, given });
          givenByRender.delete(id);
          delete current[id];
        }
        for (const c of region.components) {
          const fresh = blockState(c);
          if (c.key !== null && c.key !== undefined) givenByRender.set(c.id, fresh);
          const kept = c.key === null || c.key === undefined ? undefined : byKey.get(`${c.type}:${String(c.key)}`);
          current[c.id] = kept ? keepChanged(fresh, kept.now, kept.given, c.key) : { ...fresh, props: { ...fresh.props, key: c.key } };
        }
        regionBlocks.set(region.render_id, region.components.map((c) => c.id));
        set({ blocks: current, renders: { ...get().renders, [region.render_id]: region.layout.children ?? [] } });
      },
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
