import type { FlaggedComponent } from "./component.js";

/**
 * What a flagging callback does (Gradio's `FlaggingCallback`): an Interface calls `setup` once
 * with the components it flags (its inputs, then its outputs) and its `flagging_dir`, then
 * `flag` each time a user flags. In Blocks, call both yourself.
 *
 * @example
 * // A callback of your own: print each flag.
 * class PrintLogger implements vt.FlaggingCallback {
 *   private count = 0;
 *   setup() {}
 *   flag(values: readonly unknown[], option?: string | null) {
 *     console.log(option, values);
 *     return ++this.count;
 *   }
 * }
 */
export interface FlaggingCallback {
  /**
   * Prepares for flagging: `components` provide the flagged values (in the order `flag` gets
   * them), `flaggingDir` is where the flags go. Called once, before the first flag.
   */
  setup(components: readonly FlaggedComponent[], flaggingDir: string): void | Promise<void>;
  /**
   * Saves one flagged sample: `values` are the components' wire values, in the order given to
   * `setup`; `option` is the flag option the user chose (`flagging_options`), if any;
   * `username` the logged-in user, if any. Returns how many samples have been flagged in all.
   */
  flag(values: readonly unknown[], option?: string | null, username?: string | null): number | Promise<number>;
}

/**
 * The values of a flag, and the username of the event that sent them: an event function such as
 * `(...values) => callback.flag(values)` passes its event context last, after its inputs; it
 * is dropped here, and its `request.username` used when no username is given.
 */
export function splitValues(
  values: readonly unknown[],
  components: number,
  username: string | null | undefined,
): { values: readonly unknown[]; username: string | null } {
  const last = values[values.length - 1];
  if (values.length === components + 1 && isEventContext(last)) {
    return { values: values.slice(0, -1), username: username ?? last.request?.username ?? null };
  }
  return { values, username: username ?? null };
}

function isEventContext(value: unknown): value is { request?: { username?: string | null } } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.signal instanceof AbortSignal && typeof v.progress === "function" && typeof v.request === "object";
}
