import { isDeepStrictEqual } from "node:util";
import { deserialize, serialize } from "node:v8";
import type { BlocksApp, Dependency } from "@vitrine/core";
import type { SharedQueueBackend } from "@vitrine/queue";
import type { StateAccess } from "../run-event.js";
import { isState, type StateLike } from "../state-store.js";

/**
 * Session State kept in a shared queue's store, so that a value one process writes is read by
 * the next event of the session in any process. Values are copied with V8's structured
 * serializer (plain data, Maps, Sets, Dates, typed arrays: not functions or class prototypes).
 * An event's State inputs are loaded before it runs; its State outputs are written as it ends,
 * ahead of its completion message on the same connection, so the session's next event sees them.
 * A value is deleted when its session's page closes, or `idleMs` after it was last set.
 */
export class SharedState {
  private readonly states: (StateLike & { id: number })[];

  constructor(
    app: BlocksApp,
    private readonly backend: SharedQueueBackend,
    /** How long a value without a time to live of its own is kept after it was last set (the session's idle timeout). */
    private readonly idleMs: number,
  ) {
    this.states = app.blocks().filter((b) => isState(b as never)) as unknown as (StateLike & { id: number })[];
  }

  /** The State inputs and outputs of each dependency (found on first use; rendered ones come and go). */
  private readonly used = new WeakMap<Dependency, StateLike[]>();

  private usedBy(dep: Dependency): StateLike[] {
    let used = this.used.get(dep);
    if (!used) {
      used = [...dep.inputs, ...dep.outputs].filter(isState) as unknown as StateLike[];
      this.used.set(dep, used);
    }
    return used;
  }

  /** Whether the dependency has State inputs or outputs (without, its events need no {@link access}). */
  uses(dep: Dependency): boolean {
    return this.usedBy(dep).length > 0;
  }

  /** Loads a session's values of the dependency's State inputs and outputs; the access reads and writes them. */
  async access(session: string, dep: Dependency): Promise<StateAccess | undefined> {
    const used = this.usedBy(dep);
    if (used.length === 0) return undefined;
    const ids = [...new Set(used.map((s) => s.id))];
    const stored = await this.backend.loadState(session, ids);
    const values = new Map<number, unknown>();
    for (const state of used) {
      const bytes = stored.get(state.id);
      values.set(state.id, bytes ? deserialize(bytes) : state.initialValue());
    }
    const backend = this.backend;
    const idleMs = this.idleMs;
    return {
      inputs: (d, data) => d.inputs.map((c, i) => (isState(c) ? values.get(c.id) : data[i])),
      outputs: (d, out) => {
        const changed: number[] = [];
        const data = d.outputs.map((c, i) => {
          if (!isState(c)) return out[i];
          const value = out[i];
          const isUpdate = typeof value === "object" && value !== null && (value as { __type__?: unknown }).__type__ === "update";
          const next = isUpdate ? (value as { value?: unknown }).value : value;
          if (isUpdate && next === undefined) return null;
          const before = values.get(c.id);
          values.set(c.id, next);
          backend.saveState(session, c.id, serialize(next), c.timeToLiveMs ?? idleMs);
          if (!isDeepStrictEqual(before, next)) changed.push(c.id);
          return null;
        });
        return { data, changed };
      },
    };
  }

  /** A session ended: its values are deleted, and each State's `delete_callback` runs. */
  async end(session: string): Promise<void> {
    const ended = await this.backend.endState(session, this.states.map((s) => s.id));
    for (const state of this.states) {
      const bytes = ended.get(state.id);
      if (bytes) await state.deleted(deserialize(bytes));
    }
  }
}
