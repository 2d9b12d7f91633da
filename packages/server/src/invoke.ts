import { VitrineError, isUpdate, isUserError, type AnyComponent, type AnyOutput, type Dependency, type EventContext } from "@vitrine/core";
import { isGenerator } from "@vitrine/queue";

/**
 * Turns wire values into the function's arguments (unless the dependency has
 * `preprocess: false`); a bad value becomes a user-visible error.
 */
export function preprocessInputs(dep: Dependency, data: unknown[]): unknown[] {
  if (dep.options.preprocess === false) return data;
  return dep.inputs.map((component, i) => {
    try {
      return component.preprocess(data[i]);
    } catch (err) {
      if (isUserError(err)) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      throw new VitrineError(`Invalid value for ${describe(component, i)}: ${reason}`);
    }
  });
}

/**
 * Turns the function's return value into one wire value per output, in order. An
 * {@link update} keeps its props and has only its `value` postprocessed; with
 * `postprocess: false` values are sent as returned.
 */
export function postprocessOutputs(dep: Dependency, value: unknown): unknown[] {
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
  return outputs.map((c, i) => postprocessValue(c, values[i]));
}

/**
 * Postprocesses one output value; an update keeps its props and has its `value` postprocessed.
 * A layout output (a Column, Tabs, …) takes only updates of its props, or nothing.
 */
export function postprocessValue(component: AnyOutput, value: unknown): unknown {
  if (typeof (component as Partial<AnyComponent>).postprocess !== "function") {
    if (value === null || value === undefined) return null;
    if (isUpdate(value) && value.value === undefined) return value;
    throw new Error(
      `An output is a ${component.type} (a layout): return vt.update({ ... }) with its props for it (visible, open, selected, …), not a value`,
    );
  }
  const c = component as AnyComponent;
  if (!isUpdate(value)) return c.postprocess(value);
  if (value.value === undefined) return value;
  return { ...value, value: c.postprocess(value.value) };
}

function describe(component: AnyComponent, index: number): string {
  return component.props.label ? `"${component.props.label}"` : `input ${index + 1} (${component.type})`;
}

/**
 * Calls a dependency's function with preprocessed inputs and the event context. Returns a
 * promise of the postprocessed outputs, or, for a generator function, the generator itself
 * (its yields are postprocessed with {@link postprocessOutputs} by whoever drives it).
 */
export function invoke(dep: Dependency, data: unknown[], context: EventContext): unknown {
  const fn = dep.fn;
  if (!fn) return Promise.resolve(dep.outputs.map(() => null));
  const args = preprocessInputs(dep, data);
  const result = fn(...args, context);
  if (isGenerator(result)) return result;
  if (typeof (result as PromiseLike<unknown> | null)?.then === "function") {
    return Promise.resolve(result).then((v) => postprocessOutputs(dep, v));
  }
  return Promise.resolve(postprocessOutputs(dep, result));
}
