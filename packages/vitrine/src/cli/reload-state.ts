/**
 * What an app file sees of the `vitrine` CLI's reload mode: whether this run is a re-run
 * (`vt.reloading`), and `vt.NO_RELOAD` for work done once per process. Kept on a global so
 * that every copy of this module agrees. No Node API: safe in any runtime.
 */

interface ReloadState {
  /** How many times the CLI has run the app file (0 outside the CLI). */
  runs: number;
  /** Results of `NO_RELOAD` callbacks, by key. */
  kept: Map<string, unknown>;
}

const STATE_KEY = Symbol.for("vitrine.reload-state");

function state(): ReloadState {
  const holder = globalThis as { [STATE_KEY]?: ReloadState };
  return (holder[STATE_KEY] ??= { runs: 0, kept: new Map() });
}

/**
 * True while the `vitrine` CLI re-runs the app file after a change (every run but the first),
 * false otherwise: guard one-time setup with `if (!vt.reloading) { … }`, as Gradio's
 * `if gr.NO_RELOAD:`. Read it at the top level of the app file.
 */
export let reloading: boolean = state().runs > 1;

/**
 * Runs `setup` once per process and returns its result; when the `vitrine` CLI re-runs the app
 * file after a change, the result of the first run is returned again without calling `setup`
 * (as Gradio's `if gr.NO_RELOAD:` block). Use it for slow one-time work: loading a model,
 * opening a database. A `setup` that throws is tried again on the next run.
 *
 * @param key Which setup this is; default the callback's source text, so two calls with the
 *   same code share one result. Give a key when the code changes but the result should stay.
 * @example
 * const model = vt.NO_RELOAD(() => loadModel("small.onnx"));
 */
export function NO_RELOAD<T>(setup: () => T, key?: string): T {
  const kept = state().kept;
  const name = key ?? setup.toString();
  if (kept.has(name)) return kept.get(name) as T;
  const value = setup();
  kept.set(name, value);
  return value;
}

/** Marks the start of a run of the app file by the CLI; returns the run's number (1 for the first). @internal */
export function beginRun(): number {
  const s = state();
  s.runs += 1;
  reloading = s.runs > 1;
  return s.runs;
}
