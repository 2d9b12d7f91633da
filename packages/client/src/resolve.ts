import type { ApiInfo, AppConfig, DependencyConfig } from "@vitrine/core";

/**
 * A dependency as a client may meet it: Vitrine's config is strict, but Gradio's may leave out
 * `id` or `queue`, send `queue: null`, or mark private endpoints with `api_name: false`.
 */
type WireDependency = Omit<Partial<DependencyConfig>, "api_name" | "queue" | "inputs" | "outputs"> & {
  api_name?: string | false | null;
  queue?: boolean | null;
  inputs?: number[];
  outputs?: number[];
};

/** The dependency a call goes to, and what the wire needs to know about it. */
export interface ResolvedEndpoint {
  dependency: DependencyConfig;
  /** The dependency's `id` (or its position when the config has no ids). */
  fn_index: number;
  /** The config's `api_name`, or `null` for an unnamed (or private) dependency. */
  api_name: string | null;
  /** `"/" + api_name`, or `"/predict"` for an unnamed dependency (what messages report). */
  endpoint: string;
  /** Whether the call goes through `/queue/join` rather than `/run/…`. */
  queued: boolean;
}

/**
 * Finds the dependency for an endpoint: `"/greet"` or `"greet"` matches the config's `api_name`
 * `"greet"`; a number matches the dependency whose `id` (fn_index) it is.
 *
 * @throws Error naming the available endpoints when nothing matches.
 */
export function resolveEndpoint(config: AppConfig, endpoint: string | number): ResolvedEndpoint {
  const deps = (Array.isArray(config.dependencies) ? config.dependencies : []) as WireDependency[];
  let index = -1;
  if (typeof endpoint === "number") {
    if (!Number.isInteger(endpoint)) throw new Error(`Invalid fn_index ${endpoint}: it must be an integer.`);
    index = deps.findIndex((d, i) => (typeof d.id === "number" ? d.id : i) === endpoint);
    if (index === -1) {
      throw new Error(`No dependency has fn_index ${endpoint}. ${availableEndpoints(deps)}`);
    }
  } else if (typeof endpoint === "string") {
    const name = endpoint.replace(/^\/+/, "");
    if (name !== "") index = deps.findIndex((d) => typeof d.api_name === "string" && d.api_name === name);
    if (index === -1) {
      throw new Error(`There is no endpoint named "/${name}". ${availableEndpoints(deps)}`);
    }
  } else {
    throw new Error(`Invalid endpoint ${String(endpoint)}: pass "/api_name" or a numeric fn_index.`);
  }
  const dep = deps[index]!;
  const api_name = typeof dep.api_name === "string" && dep.api_name !== "" ? dep.api_name : null;
  const fn_index = typeof dep.id === "number" ? dep.id : index;
  const queued = dep.queue === true || (dep.queue == null && (config as { enable_queue?: unknown }).enable_queue === true);
  return {
    dependency: dep as DependencyConfig,
    fn_index,
    api_name,
    endpoint: api_name === null ? "/predict" : `/${api_name}`,
    queued,
  };
}

function availableEndpoints(deps: WireDependency[]): string {
  const names = deps.flatMap((d) => (typeof d.api_name === "string" && d.api_name !== "" ? [`/${d.api_name}`] : []));
  return names.length === 0
    ? "This app has no named endpoints; call a dependency by its numeric fn_index."
    : `Available endpoints: ${names.join(", ")}.`;
}

/** Component ids of the app whose type is `state`. */
function stateIds(config: AppConfig): Set<number> {
  const ids = new Set<number>();
  for (const c of Array.isArray(config.components) ? config.components : []) {
    if (c && typeof c.id === "number" && c.type === "state") ids.add(c.id);
  }
  return ids;
}

/**
 * Turns what the caller passed into the positional `data` array the server expects.
 *
 * - A record of keyword arguments is mapped by `/info`'s `parameter_name`s; parameters left out
 *   take their `parameter_default` when `parameter_has_default`, and a missing required one or
 *   an unknown name throws.
 * - A positional array shorter than the endpoint's `/info` parameters is completed the same way
 *   (so trailing parameters with defaults may be left out).
 * - State inputs get `null` inserted at their positions when the array leaves them out (its
 *   length equals the number of non-State inputs); an array already as long as the
 *   dependency's `inputs` is sent as is.
 *
 * @throws Error for a missing required argument or an unknown keyword argument.
 */
export function resolveData(
  config: AppConfig,
  apiInfo: ApiInfo | null,
  resolved: ResolvedEndpoint,
  data: unknown[] | Record<string, unknown> | undefined,
): unknown[] {
  const parameters =
    resolved.api_name === null ? undefined : apiInfo?.named_endpoints?.[`/${resolved.api_name}`]?.parameters;
  let args: unknown[];
  if (data === undefined || data === null) {
    args = [];
  } else if (Array.isArray(data)) {
    args = data.slice();
  } else if (typeof data === "object") {
    if (!parameters) {
      throw new Error(
        `Keyword arguments need the API description of ${resolved.endpoint}, which the app does not list; pass a positional array instead.`,
      );
    }
    args = keywordArgs(resolved.endpoint, parameters, data);
  } else {
    throw new Error(`Invalid data for ${resolved.endpoint}: pass an array of values or an object of named arguments.`);
  }

  if (parameters && args.length < parameters.length) {
    for (let i = args.length; i < parameters.length; i++) {
      const p = parameters[i]!;
      if (!p.parameter_has_default) {
        throw new Error(
          `Missing required argument ${i} ("${p.parameter_name ?? p.label}") for ${resolved.endpoint}; it expects ${describeParams(parameters)}.`,
        );
      }
      args.push(p.parameter_default);
    }
  }

  const inputs = Array.isArray(resolved.dependency.inputs) ? resolved.dependency.inputs : [];
  const states = stateIds(config);
  const stateSlots = inputs.filter((id) => states.has(id)).length;
  if (stateSlots > 0 && args.length === inputs.length - stateSlots) {
    const full: unknown[] = [];
    let next = 0;
    for (const id of inputs) full.push(states.has(id) ? null : args[next++]);
    return full;
  }
  return args;
}

function keywordArgs(
  endpoint: string,
  parameters: NonNullable<ApiInfo["named_endpoints"][string]>["parameters"],
  kwargs: Record<string, unknown>,
): unknown[] {
  const known = new Set(parameters.map((p) => p.parameter_name ?? p.label));
  const unknown = Object.keys(kwargs).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown argument${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} for ${endpoint}; it expects ${describeParams(parameters)}.`,
    );
  }
  const args: unknown[] = [];
  const missing: string[] = [];
  for (const p of parameters) {
    const name = p.parameter_name ?? p.label;
    if (Object.prototype.hasOwnProperty.call(kwargs, name)) args.push(kwargs[name]);
    else if (p.parameter_has_default) args.push(p.parameter_default);
    else {
      missing.push(name);
      args.push(undefined);
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `Missing required argument${missing.length > 1 ? "s" : ""} ${missing.map((k) => `"${k}"`).join(", ")} for ${endpoint}; it expects ${describeParams(parameters)}.`,
    );
  }
  return args;
}

function describeParams(parameters: { parameter_name?: string; label: string; parameter_has_default?: boolean }[]): string {
  if (parameters.length === 0) return "no arguments";
  return parameters.map((p) => `${p.parameter_name ?? p.label}${p.parameter_has_default ? "?" : ""}`).join(", ");
}

/**
 * Removes the values of State outputs (which the server sends as `null`) from an output array
 * that lines up with the dependency's `outputs`.
 */
export function stripStateOutputs(config: AppConfig, dependency: DependencyConfig, data: unknown[]): unknown[] {
  const outputs = Array.isArray(dependency.outputs) ? dependency.outputs : [];
  const states = stateIds(config);
  if (states.size === 0 || !outputs.some((id) => states.has(id))) return data.slice();
  return data.filter((_, i) => i >= outputs.length || !states.has(outputs[i]!));
}
