/**
 * Flagging in an Interface (Gradio's `flagging_mode`, `flagging_options`, `flagging_dir`,
 * `flagging_callback`): the Flag buttons and their events. The callbacks themselves live in
 * `@vitrine/flagging`.
 */
import { Row, VitrineError, listen, update, type AnyComponent, type Dependency, type EventContext } from "@vitrine/core";
import { Button } from "@vitrine/button";
import { CSVLogger, type FlaggingCallback } from "@vitrine/flagging";

/** When an Interface flags: never, when the user clicks a Flag button, or after every successful run. */
export type FlaggingMode = "never" | "manual" | "auto";

/**
 * A flag option: its value (the button reads "Flag as <value>"), or `[label, value]` (the
 * button reads `label`; `value` goes to the CSV).
 */
export type FlaggingOption = string | readonly [label: string, value: string];

/** Where flagged samples go unless `flagging_dir` says otherwise (relative to the working directory). */
export const DEFAULT_FLAGGING_DIR = ".vitrine/flagged";

/** The environment variable giving the default `flagging_mode` (as Gradio's `GRADIO_FLAGGING_MODE`). */
export const FLAGGING_MODE_ENV = "VITRINE_FLAGGING_MODE";

/** The API name of flag events (undocumented on the API page, callable by clients as in Gradio). */
export const FLAG_API_NAME = "Flag";

const MODES: readonly FlaggingMode[] = ["never", "manual", "auto"];

/** An Interface's flagging options, as the Interface takes them. */
export interface FlaggingOptions {
  flagging_mode?: FlaggingMode;
  flagging_options?: readonly FlaggingOption[] | null;
  flagging_dir?: string;
  flagging_callback?: FlaggingCallback | null;
}

/** How an Interface flags, decided once when it is made: its callback is set up then. */
export interface FlaggingSetup {
  mode: "manual" | "auto";
  /** One `[button label, value]` per Flag button (`value` null for a plain "Flag"). */
  buttons: readonly (readonly [label: string, value: string | null])[];
  callback: FlaggingCallback;
  dir: string;
  /** Settles when the callback's `setup` has (flags wait for it). */
  ready: Promise<void>;
}

/** Rejects bad flagging options (for JavaScript callers) with messages naming them. */
export function checkFlaggingOptions(o: Record<string, unknown>): void {
  if (o.flagging_mode !== undefined && !MODES.includes(o.flagging_mode as FlaggingMode)) {
    throw new TypeError(`Interface: flagging_mode must be "never", "manual" or "auto", got ${JSON.stringify(o.flagging_mode)}`);
  }
  flagButtons(o.flagging_options);
  if (o.flagging_dir !== undefined && (typeof o.flagging_dir !== "string" || o.flagging_dir === "")) {
    throw new TypeError(`Interface: flagging_dir must be a folder path, got ${JSON.stringify(o.flagging_dir)}`);
  }
  const cb = o.flagging_callback as Partial<FlaggingCallback> | null | undefined;
  if (cb != null && (typeof cb.setup !== "function" || typeof cb.flag !== "function")) {
    throw new TypeError("Interface: flagging_callback must be a FlaggingCallback (an object with setup() and flag()), such as new vt.CSVLogger()");
  }
}

/**
 * Sets up flagging for an Interface (its callback's `setup` runs here, with the components it
 * flags): null when it does not flag — `flagging_mode: "never"`, or an Interface without
 * outputs, as Gradio. The mode defaults to `VITRINE_FLAGGING_MODE`, else "manual".
 */
export function setupFlagging(options: FlaggingOptions, inputs: readonly AnyComponent[], outputs: readonly AnyComponent[]): FlaggingSetup | null {
  const fromEnv = process.env[FLAGGING_MODE_ENV];
  if (options.flagging_mode === undefined && fromEnv !== undefined && !MODES.includes(fromEnv as FlaggingMode)) {
    throw new TypeError(`${FLAGGING_MODE_ENV} must be "never", "manual" or "auto", got ${JSON.stringify(fromEnv)}`);
  }
  const mode = options.flagging_mode ?? (fromEnv as FlaggingMode | undefined) ?? "manual";
  if (mode === "never" || outputs.length === 0) return null;
  const callback = options.flagging_callback ?? new CSVLogger();
  const dir = options.flagging_dir ?? DEFAULT_FLAGGING_DIR;
  const ready = Promise.resolve(callback.setup(flaggedComponents(inputs, outputs), dir));
  // A failed asynchronous setup is reported by each flag (below); keep it from going unhandled.
  ready.catch(() => undefined);
  return { mode, buttons: flagButtons(options.flagging_options), callback, dir, ready };
}

/** The Flag buttons, in a row (manual mode; none otherwise). Call it where they go, in the builder. */
export function renderFlagButtons(setup: FlaggingSetup | null): AnyComponent[] {
  if (setup?.mode !== "manual") return [];
  const buttons: AnyComponent[] = [];
  Row(() => {
    for (const [label] of setup.buttons) buttons.push(Button({ value: label, variant: "secondary" }));
  });
  return buttons;
}

/**
 * The flag events. Manual: each button's click shows "Saving...", flags the inputs' and
 * outputs' values (wire values: `preprocess: false`) with its option and the user's name, shows
 * "Saved!", and a moment later its label again. Auto: every successful run of `predict` flags
 * them. The events are named `Flag`, `Flag_1`, … and left off the API page, as in Gradio.
 */
export function attachFlagging(
  setup: FlaggingSetup | null,
  buttons: readonly AnyComponent[],
  predict: Dependency,
  inputs: readonly AnyComponent[],
  outputs: readonly AnyComponent[],
): void {
  if (!setup) return;
  const flagged = flaggedComponents(inputs, outputs);
  const hidden = { api_name: FLAG_API_NAME, show_api: false, queue: false, preprocess: false } as const;
  if (setup.mode === "auto") {
    predict.success({ ...hidden, fn: flagFunction(setup, null, false) as never, inputs: flagged, outputs: [], show_progress: "hidden" });
    return;
  }
  buttons.forEach((button, i) => {
    const [label, value] = setup.buttons[i]!;
    const inPage = { fn: null, outputs: [button], queue: false, api_name: false, show_api: false } as const;
    listen([[button, "click"]], { ...inPage, js: `() => (${JSON.stringify(update({ value: "Saving...", interactive: false }))})` });
    const flag = listen([[button, "click"]], { ...hidden, fn: flagFunction(setup, value, true) as never, inputs: flagged, outputs: [button], show_progress: "hidden" });
    flag.then({ ...inPage, js: `async () => { await new Promise((r) => setTimeout(r, 1000)); return ${JSON.stringify(update({ value: label, interactive: true }))}; }` });
  });
}

/**
 * The components an Interface flags: its inputs, then its outputs — only the inputs when the
 * outputs are the inputs (Gradio's "unified" Interface).
 */
function flaggedComponents(inputs: readonly AnyComponent[], outputs: readonly AnyComponent[]): AnyComponent[] {
  const unified = inputs.length === outputs.length && inputs.every((c, i) => c === outputs[i]);
  return unified ? [...inputs] : [...inputs, ...outputs];
}

/** The function of a flag event: the values, then the event context (for the username). */
function flagFunction(setup: FlaggingSetup, value: string | null, feedback: boolean) {
  return async (...args: unknown[]) => {
    const ctx = args.pop() as EventContext;
    try {
      await setup.ready;
      await setup.callback.flag(args, value, ctx.request.username ?? null);
    } catch (err) {
      console.error("[vitrine] flagging failed:", err);
      throw new VitrineError("Flagging failed: the sample was not saved (the server's log says why).");
    }
    return feedback ? update({ value: "Saved!", interactive: true }) : undefined;
  };
}

/** `[label, value]` per Flag button, from `flagging_options` (Gradio's rules and labels). */
function flagButtons(options: unknown): [string, string | null][] {
  if (options === undefined || options === null) return [["Flag", null]];
  const bad = () =>
    new TypeError(`Interface: flagging_options must be a list of strings or of [label, value] pairs of strings, got ${JSON.stringify(options)}`);
  // An empty list gives no buttons, as in Gradio.
  if (!Array.isArray(options)) throw bad();
  if (options.every((o) => typeof o === "string")) return options.map((o: string) => [`Flag as ${o}`, o]);
  if (options.every((o) => Array.isArray(o) && o.length === 2 && typeof o[0] === "string" && typeof o[1] === "string")) {
    return options.map((o: [string, string]) => [o[0], o[1]]);
  }
  throw bad();
}
