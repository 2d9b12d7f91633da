import { VitrineError, isUserError, type AnyComponent, type Dependency, type EventContext } from "@vitrine/core";
import { isGenerator } from "@vitrine/queue";

/** Turns wire values into the function's arguments; a bad value becomes a user-visible error. */
export function preprocessInputs(dep: Dependency, data: unknown[]): unknown[] {
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

/** Turns the function's return value into one wire value per output, in order. */
export function postprocessOutputs(dep: Dependency, value: unknown): unknown[] {
  const outputs = dep.outputs;
  if (outputs.length === 0) return [];
  if (outputs.length === 1) return [outputs[0]!.postprocess(value)];
  if (!Array.isArray(value) || value.length !== outputs.length) {
    throw new Error(
      `The function for "${dep.apiName ?? dep.id}" has ${outputs.length} outputs and must return ` +
        `an array of ${outputs.length} values; it returned ${Array.isArray(value) ? `${value.length} values` : typeof value}`,
    );
  }
  return outputs.map((c, i) => c.postprocess(value[i]));
}

function describe(component: AnyComponent, index: number): string {
  return component.props.label ? `"${component.props.label}"` : `input ${index + 1} (${component.type})`;
}

/**
 * Calls a dependency's function with preprocessed inputs and the event context. Returns
 * postprocessed outputs: a promise of the final data, or an async generator of data per yield.
 */
export function invoke(dep: Dependency, data: unknown[], context: EventContext): unknown {
  const fn = dep.fn;
  if (!fn) return Promise.resolve(dep.outputs.map(() => null));
  const args = preprocessInputs(dep, data);
  const result = fn(...args, context);
  if (isGenerator(result)) return mapGenerator(result as Generator | AsyncGenerator, (v) => postprocessOutputs(dep, v));
  return Promise.resolve(result).then((v) => postprocessOutputs(dep, v));
}

/** Maps each yield (and a returned value) of a generator, forwarding early closes to it. */
async function* mapGenerator(
  source: Generator | AsyncGenerator,
  map: (value: unknown) => unknown,
): AsyncGenerator<unknown, unknown, unknown> {
  const gen = source as AsyncGenerator<unknown, unknown, unknown>;
  let finished = false;
  try {
    for (;;) {
      const step = await gen.next();
      if (step.done) {
        finished = true;
        return step.value === undefined ? undefined : map(step.value);
      }
      yield map(step.value);
    }
  } finally {
    if (!finished) await Promise.resolve(gen.return(undefined)).catch(() => undefined);
  }
}
