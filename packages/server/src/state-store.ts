import { isDeepStrictEqual } from "node:util";
import type { AnyComponent, AnyOutput, Dependency } from "@vitrine/core";

/**
 * What the server needs of a State component (`@vitrine/state`), found by its type: the server
 * does not depend on component packages.
 */
export interface StateLike {
  readonly id: number;
  readonly type: "state";
  initialValue(): unknown;
  readonly timeToLiveMs: number | null;
  deleted(value: unknown): Promise<void>;
}

/** Whether a block is a State, whose value the server keeps per session. */
export function isState(block: AnyOutput | AnyComponent): block is AnyComponent & StateLike {
  return block.type === "state" && typeof (block as Partial<StateLike>).initialValue === "function";
}

interface Slot {
  state: StateLike;
  value: unknown;
  timer: NodeJS.Timeout | null;
}

/**
 * Each session's State values. A session's value starts as the State's initial value the
 * first time an event reads it; an event's State output replaces it; a value with a time to
 * live is deleted that long after it was last set (its `delete_callback` runs). When the
 * session ends, every value it holds is deleted the same way.
 */
export class StateStore {
  private readonly sessions = new Map<string, Map<number, Slot>>();

  /** The session's value of a State (made from its initial value on first use). */
  get(hash: string, state: StateLike): unknown {
    let slots = this.sessions.get(hash);
    if (!slots) {
      slots = new Map();
      this.sessions.set(hash, slots);
    }
    let slot = slots.get(state.id);
    if (!slot) {
      slot = { state, value: state.initialValue(), timer: null };
      slots.set(state.id, slot);
      this.arm(hash, slot);
    }
    return slot.value;
  }

  /** Sets the session's value of a State; returns whether it changed. */
  set(hash: string, state: StateLike, value: unknown): boolean {
    const before = this.get(hash, state);
    const slot = this.sessions.get(hash)!.get(state.id)!;
    slot.value = value;
    this.arm(hash, slot);
    return !isDeepStrictEqual(before, value);
  }

  /** The values of a dependency's inputs with each State input's session value put in. */
  inputs(hash: string, dep: Dependency, data: readonly unknown[]): unknown[] {
    if (!dep.inputs.some(isState)) return data as unknown[];
    return dep.inputs.map((c, i) => (isState(c) ? this.get(hash, c) : data[i]));
  }

  /**
   * Keeps the State outputs of postprocessed output values: they are stored for the session
   * and sent as `null` (State never travels). Returns the values to send and the ids of the
   * States whose value changed.
   */
  outputs(hash: string, dep: Dependency, values: readonly unknown[]): { data: unknown[]; changed: number[] } {
    if (!dep.outputs.some(isState)) return { data: values as unknown[], changed: [] };
    const changed: number[] = [];
    const data = dep.outputs.map((c, i) => {
      if (!isState(c)) return values[i];
      const value = values[i];
      // An update object leaves the value as it is (props of a State mean nothing).
      const isUpdate = typeof value === "object" && value !== null && (value as { __type__?: unknown }).__type__ === "update";
      const next = isUpdate ? (value as { value?: unknown }).value : value;
      if (!(isUpdate && next === undefined) && this.set(hash, c, next)) changed.push(c.id);
      return null;
    });
    return { data, changed };
  }

  /** Deletes every value of a session (it ended). */
  end(hash: string): void {
    const slots = this.sessions.get(hash);
    if (!slots) return;
    this.sessions.delete(hash);
    for (const slot of slots.values()) this.drop(slot);
  }

  /** Sessions holding values. */
  get size(): number {
    return this.sessions.size;
  }

  /** Deletes every value without callbacks' side effects on later use (server shutdown runs them). */
  close(): void {
    for (const hash of [...this.sessions.keys()]) this.end(hash);
  }

  private arm(hash: string, slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const ttl = slot.state.timeToLiveMs;
    if (ttl === null) return;
    slot.timer = setTimeout(() => {
      const slots = this.sessions.get(hash);
      if (slots?.get(slot.state.id) !== slot) return;
      slots.delete(slot.state.id);
      if (slots.size === 0) this.sessions.delete(hash);
      this.drop(slot);
    }, ttl);
    slot.timer.unref();
  }

  private drop(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    void slot.state.deleted(slot.value);
  }
}
