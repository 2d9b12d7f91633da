import {
  VitrineError,
  isFileData,
  isUpdate,
  isUserError,
  type AnyComponent,
  type AnyOutput,
  type Dependency,
  type EventContext,
  type ProcessContext,
} from "@vitrine/core";
import { isGenerator } from "@vitrine/queue";

/** Whether a value is a promise (or any thenable): only then is it awaited, so synchronous components stay synchronous. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value instanceof Promise ||
    (typeof value === "object" && value !== null && typeof (value as PromiseLike<unknown>).then === "function")
  );
}

/** The values of a list, awaited only when one of them is a promise. */
function settle(values: unknown[]): unknown[] | Promise<unknown[]> {
  for (const v of values) if (isThenable(v)) return Promise.all(values);
  return values;
}

/**
 * Turns wire values into the function's arguments (unless the dependency has
 * `preprocess: false`); a bad value becomes a user-visible error. Components may answer with
 * promises (files): then the result is a promise, else the plain array.
 */
export function preprocessInputs(dep: Dependency, data: unknown[], context?: ProcessContext): unknown[] | Promise<unknown[]> {
  if (dep.options.preprocess === false) return data;
  const args = dep.inputs.map((component, i) => {
    try {
      const value = component.preprocess(data[i], context);
      return isThenable(value) ? Promise.resolve(value).catch((err: unknown) => invalid(component, i, err)) : value;
    } catch (err) {
      return invalid(component, i, err);
    }
  });
  return settle(args);
}

function invalid(component: AnyComponent, i: number, err: unknown): never {
  if (isUserError(err)) throw err;
  const reason = err instanceof Error ? err.message : String(err);
  throw new VitrineError(`Invalid value for ${describe(component, i)}: ${reason}`);
}

/**
 * Turns the function's return value into one wire value per output, in order. An
 * {@link update} keeps its props and has only its `value` postprocessed; with
 * `postprocess: false` values are sent as returned. A promise when a component's
 * postprocess answers with one (files), else the plain array. FileData in the outputs get
 * their `url` (through `context.fileUrl`) when they have none.
 */
export function postprocessOutputs(dep: Dependency, value: unknown, context?: OutputContext): unknown[] | Promise<unknown[]> {
  const outputs = dep.outputs;
  if (outputs.length === 0) return [];
  const values = outputs.length === 1 ? [value] : value;
  if (!Array.isArray(values) || values.length !== outputs.length) {
    throw new Error(
      `The function for "${dep.apiName ?? dep.id}" has ${outputs.length} outputs and must return ` +
        `an array of ${outputs.length} values; it returned ${Array.isArray(values) ? `${values.length} values` : typeof values}`,
    );
  }
  if (dep.options.postprocess === false) return outputs.length === 1 ? values : values.slice();
  const out = settle(outputs.map((c, i) => postprocessValue(c, values[i], context)));
  const fileUrl = context?.fileUrl;
  if (!fileUrl) return out;
  return isThenable(out) ? out.then((list) => fillUrls(list, fileUrl)) : fillUrls(out, fileUrl);
}

/** What postprocessing gets from the server: the components' file store, and how a file's URL is made. */
export interface OutputContext extends ProcessContext {
  /** The URL a browser loads a served path from (`<root>/gradio_api/file=<path>`). */
  fileUrl?: (path: string) => string;
}

/** Fills the missing `url` of FileData objects (a few levels deep) in postprocessed outputs. */
function fillUrls(values: unknown[], fileUrl: (path: string) => string): unknown[] {
  for (const v of values) if (typeof v === "object" && v !== null) fill(v, fileUrl, 0);
  return values;
}

function fill(value: object, fileUrl: (path: string) => string, depth: number): void {
  if (isFileData(value)) {
    if (!value.url) value.url = /^https?:\/\//i.test(value.path) ? value.path : fileUrl(value.path);
    return;
  }
  if (depth >= 6) return;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (const item of items) if (typeof item === "object" && item !== null) fill(item, fileUrl, depth + 1);
}

/**
 * Postprocesses one output value; an update keeps its props and has its `value` postprocessed.
 * A layout output (a Column, Tabs, …) takes only updates of its props, or nothing.
 */
export function postprocessValue(component: AnyOutput, value: unknown, context?: ProcessContext): unknown {
  if (typeof (component as Partial<AnyComponent>).postprocess !== "function") {
    if (value === null || value === undefined) return null;
    if (isUpdate(value) && value.value === undefined) return value;
    throw new Error(
      `An output is a ${component.type} (a layout): return vt.update({ ... }) with its props for it (visible, open, selected, …), not a value`,
    );
  }
  const c = component as AnyComponent;
  if (!isUpdate(value)) return c.postprocess(value, context);
  if (value.value === undefined) return value;
  const inner = c.postprocess(value.value, context);
  return isThenable(inner) ? Promise.resolve(inner).then((v) => ({ ...value, value: v })) : { ...value, value: inner };
}

function describe(component: AnyComponent, index: number): string {
  return component.props.label ? `"${component.props.label}"` : `input ${index + 1} (${component.type})`;
}

/**
 * Calls a dependency's function with preprocessed inputs and the event context. Returns a
 * promise of the postprocessed outputs, or, for a generator function, the generator itself
 * (its yields are postprocessed with {@link postprocessOutputs} by whoever drives it). When an
 * input's preprocess is asynchronous (files), a generator comes as the value of a promise.
 */
export function invoke(dep: Dependency, data: unknown[], context: EventContext, files?: OutputContext): unknown {
  const fn = dep.fn;
  if (!fn) return Promise.resolve(dep.outputs.map(() => null));
  const args = preprocessInputs(dep, data, files);
  if (isThenable(args)) return Promise.resolve(args).then((a) => call(dep, fn, a, context, files));
  const result = call(dep, fn, args, context, files);
  return isGenerator(result) ? result : Promise.resolve(result);
}

function call(dep: Dependency, fn: (...args: unknown[]) => unknown, args: unknown[], context: EventContext, files?: OutputContext): unknown {
  const result = fn(...args, context);
  if (isGenerator(result)) return result;
  if (isThenable(result)) return Promise.resolve(result).then((v) => postprocessOutputs(dep, v, files));
  return postprocessOutputs(dep, result, files);
}
