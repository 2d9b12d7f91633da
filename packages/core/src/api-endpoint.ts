/**
 * `api()`: an endpoint with no UI (Gradio's `gr.api`), declared inside a Blocks builder like a
 * listener with no trigger. TypeScript types vanish at run time, so the endpoint's schema comes
 * from components (`inputs: [vt.Number()]`) or from Standard Schemas (zod 4, valibot, arktype):
 * one object schema whose properties are the named parameters, or one schema per parameter.
 * Schemas also validate what callers send: a bad value fails the call with a message naming it.
 */
import { Container, type Block } from "./block.js";
import type { AnyComponent, JsonSchema } from "./component.js";
import { VitrineError } from "./errors.js";
import {
  listen,
  type AnyEventOptions,
  type AnyOutput,
  type ComponentList,
  type Dependency,
  type BatchFn,
  type EventFn,
  type FnResult,
  type OutputList,
} from "./events.js";
import type { EventContext } from "./context.js";
import { parameterNames, withParameterNames } from "./names.js";

/** The result of a Standard Schema's `validate`. */
export type StandardResult<T> =
  | { readonly value: T; readonly issues?: undefined }
  | { readonly issues: readonly { readonly message: string; readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] }[] };

/**
 * A Standard Schema (https://standardschema.dev): zod 4, valibot, arktype and others implement
 * it. With Standard JSON Schema (`~standard.jsonSchema`, zod 4.2+) or a `toJSONSchema()` method,
 * it also describes the value for the API page, `/info` and the OpenAPI document.
 */
export interface StandardSchema<Input = unknown, Output = Input> {
  /** The Standard Schema interface: its version, vendor and `validate`. */
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: string;
    validate(value: unknown): StandardResult<Output> | Promise<StandardResult<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
    readonly jsonSchema?: { input(options: { target: string }): Record<string, unknown> };
  };
}

/** Whether a value is a {@link StandardSchema}. */
export function isStandardSchema(value: unknown): value is StandardSchema {
  const std = (value as { "~standard"?: { validate?: unknown } } | null)?.["~standard"];
  return typeof value === "object" && value !== null && typeof std?.validate === "function";
}

/**
 * The JSON schema of a Standard Schema's input: from `~standard.jsonSchema` (draft 2020-12), else
 * its `toJSONSchema()`, else `{}` (any value). The `$schema` key is dropped.
 */
export function jsonSchemaOf(schema: StandardSchema): JsonSchema {
  const std = schema["~standard"];
  let json: Record<string, unknown> | undefined;
  try {
    json = std.jsonSchema?.input({ target: "draft-2020-12" });
  } catch {
    json = undefined;
  }
  const method = (schema as { toJSONSchema?: () => Record<string, unknown> }).toJSONSchema;
  if (!json && typeof method === "function") json = method.call(schema);
  const { $schema: _drop, ...rest } = json ?? {};
  return rest as JsonSchema;
}

/** Validates a value with a Standard Schema: the parsed value, or a {@link VitrineError} listing the issues. */
export async function validateWith<T>(schema: StandardSchema<unknown, T>, value: unknown, what: string): Promise<T> {
  const result = await schema["~standard"].validate(value);
  if (!result.issues) return result.value;
  const issues = result.issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p)).join(".");
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new VitrineError(`Invalid ${what}: ${issues.join("; ")}`);
}

/** What a schema parameter or return needs from the component that carries it. */
export interface SchemaSlot {
  /** The JSON schema of the value. */
  schema: JsonSchema;
  /** The parameter's name (or the return's label). */
  label: string;
  /** Checks and converts a caller's value (parameters only); throws a {@link VitrineError} naming what is wrong. */
  validate: ((value: unknown) => Promise<unknown>) | null;
  /** The parameter's default value, when it has one. */
  default?: { value: unknown };
}

/**
 * Makes the component that carries a schema parameter or return (its value travels as JSON).
 * The `vitrine` package gives one; a custom carrier may be given as `schema_component`.
 */
export type SchemaComponentFactory = (slot: SchemaSlot) => AnyComponent;

/** The output type of a schema (what the function gets). */
export type SchemaOutput<S> = S extends StandardSchema<unknown, infer O> ? O : unknown;
/** The input type of a schema (what the function returns for it). */
export type SchemaInput<S> = S extends StandardSchema<infer I, unknown> ? I : unknown;
/** A function's arguments from one schema per parameter. */
export type SchemaArgs<L> = { -readonly [K in keyof L]: SchemaOutput<L[K]> };
/** What a function returns for schema (or component) outputs. */
export type SchemaReturn<O> = O extends readonly StandardSchema[]
  ? { -readonly [K in keyof O]: SchemaInput<O[K]> }
  : O extends StandardSchema
    ? SchemaInput<O>
    : unknown;

/** Options of an API endpoint besides its function, inputs and outputs (Gradio's `gr.api` parameters). */
export interface ApiEndpointOptions {
  /** The endpoint's name (`/name`); defaults to the function's name. */
  api_name?: string | null;
  /** What the endpoint does, shown on the API page, in `/info` and in the OpenAPI document. */
  api_description?: string | null;
  /** Whether the endpoint is listed on the API page and in `/info` (default true); hidden ones can still be called. */
  show_api?: boolean;
  /** Whether calls go through the queue (default true). */
  queue?: boolean;
  /** How many calls may run at once: a number, `null` for unlimited, `"default"` for the app's default. */
  concurrency_limit?: number | null | "default";
  /** Endpoints and events sharing a concurrency id share one limit. */
  concurrency_id?: string | null;
  /** Makes the carriers of schema parameters and returns (the `vitrine` package's `api` gives one). */
  schema_component?: SchemaComponentFactory;
}

/** The option names {@link api} takes (anything else is refused, naming it). */
const API_OPTION_NAMES = [
  "fn",
  "inputs",
  "outputs",
  "api_name",
  "api_description",
  "show_api",
  "queue",
  "concurrency_limit",
  "concurrency_id",
  "batch",
  "max_batch_size",
  "schema_component",
] as const;

/** An API endpoint whose parameters and returns are components, typed from them as a listener's. */
export type ApiComponentOptions<
  I extends ComponentList | undefined,
  O extends OutputList | undefined,
  B extends boolean = false,
> = ApiEndpointOptions & {
  /** Components whose values are the endpoint's parameters, in order. */
  inputs?: I;
  /** Components that describe (and postprocess) what `fn` returns. */
  outputs?: O;
  /** Whether `fn` takes lists of inputs gathered from waiting calls (default false). */
  batch?: B;
  /** Most calls gathered into one batch (with `batch: true`). Default 4. */
  max_batch_size?: number;
} & (B extends true ? { fn: NoInfer<BatchFn<I, O>> } : { fn: NoInfer<EventFn<I, O>> });

/** An API endpoint whose named parameters are the properties of one object schema: `fn` gets the parsed object. */
export interface ApiObjectSchemaOptions<S extends StandardSchema, O> extends ApiEndpointOptions {
  /** The endpoint's function: it gets the parsed object and the event context. */
  fn: (args: SchemaOutput<S>, context: EventContext) => FnResult<SchemaReturn<O>>;
  /** The object schema that parses the call's named parameters. */
  inputs: S;
  /** The schema of the result, for the API description. */
  outputs?: O;
}

/** An API endpoint with one schema per parameter: `fn` gets one parsed value each. */
export interface ApiSchemaListOptions<L extends readonly StandardSchema[], O> extends ApiEndpointOptions {
  /** The endpoint's function: one parsed value per schema, then the event context. */
  fn: (...args: [...SchemaArgs<L>, EventContext]) => FnResult<SchemaReturn<O>>;
  /** One schema per parameter, in argument order. */
  inputs: L;
  /** The schema of the result, for the API description. */
  outputs?: O;
}

/** Outputs of a schema endpoint: schemas or components. */
type SchemaOutputs = StandardSchema | readonly StandardSchema[] | OutputList | undefined;

/**
 * Declares an API-only endpoint (Gradio's `gr.api`): no UI, called by clients, the curl API and
 * the OpenAPI document like any other endpoint, through the queue. Call it inside a Blocks
 * builder. Components given as inputs or outputs are not laid out on the page.
 *
 * @example
 * vt.Blocks(() => {
 *   vt.api({ fn: (a: number, b: number) => a + b, inputs: [vt.Number(), vt.Number()], outputs: vt.Number(), api_name: "add" });
 *   vt.api({ fn: ({ city }) => forecast(city), inputs: z.object({ city: z.string() }), outputs: z.array(z.number()), api_name: "forecast" });
 * });
 */
export function api<
  const I extends ComponentList | undefined = undefined,
  const O extends OutputList | undefined = undefined,
  const B extends boolean = false,
>(options: ApiComponentOptions<I, O, B>): Dependency;
export function api<const S extends StandardSchema, const O extends SchemaOutputs = undefined>(options: ApiObjectSchemaOptions<S, O>): Dependency;
export function api<const L extends readonly StandardSchema[], const O extends SchemaOutputs = undefined>(
  options: ApiSchemaListOptions<L, O>,
): Dependency;
export function api(options: ApiEndpointOptions & { fn?: unknown; inputs?: unknown; outputs?: unknown; batch?: boolean; max_batch_size?: number }): Dependency {
  if (typeof options !== "object" || options === null) throw new TypeError("vt.api takes an options object: { fn, inputs, outputs, api_name }");
  for (const key of Object.keys(options)) {
    if (!(API_OPTION_NAMES as readonly string[]).includes(key)) {
      throw new TypeError(`vt.api: unknown option "${key}"; it takes ${API_OPTION_NAMES.join(", ")}`);
    }
  }
  if (typeof options.fn !== "function") throw new TypeError("vt.api: fn must be a function");
  const { schema_component: factory, fn, inputs, outputs, ...rest } = options;
  const userFn = fn as (...args: unknown[]) => unknown;
  const carrier = (slot: SchemaSlot): AnyComponent => {
    if (!factory) {
      throw new TypeError(
        "vt.api: schema inputs and outputs need a component to carry their JSON values: use `api` from the vitrine package, or pass schema_component",
      );
    }
    return factory(slot);
  };
  let endpointFn = userFn;
  let inputList: readonly AnyComponent[] | undefined;
  if (isStandardSchema(inputs)) {
    // One object schema: its properties are the named parameters; fn gets the whole object, parsed.
    const objectSchema = inputs;
    const json = jsonSchemaOf(objectSchema);
    const properties = (json.properties ?? null) as Record<string, JsonSchema> | null;
    if (json.type !== "object" || !properties) {
      throw new TypeError("vt.api: a single input schema must be an object schema (its properties are the parameters); give a list for positional parameters");
    }
    const names = Object.keys(properties);
    inputList = names.map((name) => carrier(propertySlot(name, properties[name]!)));
    endpointFn = withParameterNames(async (...args: unknown[]) => {
      const given: Record<string, unknown> = {};
      names.forEach((name, i) => {
        if (args[i] !== null && args[i] !== undefined) given[name] = args[i];
      });
      const parsed = await validateWith(objectSchema, given, "arguments");
      return userFn(parsed, args[names.length]);
    }, names);
  } else if (Array.isArray(inputs) && inputs.length > 0 && inputs.every(isStandardSchema)) {
    const names = parameterNames(userFn);
    inputList = inputs.map((schema: StandardSchema, i) => {
      const label = names[i] ?? `param_${i}`;
      const json = jsonSchemaOf(schema);
      return carrier({
        schema: json,
        label,
        validate: (value) => validateWith(schema, value === null ? undefined : value, `"${label}"`),
        ...("default" in json ? { default: { value: json.default } } : {}),
      });
    });
  } else if (inputs !== undefined && !isComponentList(inputs)) {
    throw new TypeError("vt.api: inputs must be components, one object schema, or a list of schemas (zod 4, valibot, …)");
  } else {
    inputList = inputs === undefined ? undefined : listOf(inputs as AnyComponent | readonly AnyComponent[]);
  }
  let outputList: AnyOutput | readonly AnyOutput[] | undefined;
  if (isStandardSchema(outputs)) outputList = carrier({ schema: jsonSchemaOf(outputs), label: "output", validate: null });
  else if (Array.isArray(outputs) && outputs.length > 0 && outputs.every(isStandardSchema)) {
    outputList = outputs.map((schema: StandardSchema, i) => carrier({ schema: jsonSchemaOf(schema), label: `output ${i}`, validate: null }));
  } else if (outputs !== undefined && !isComponentList(outputs)) {
    throw new TypeError("vt.api: outputs must be components, a schema, or a list of schemas");
  } else outputList = outputs as AnyOutput | readonly AnyOutput[] | undefined;

  for (const block of [...listOf(inputList), ...listOf(outputList)]) unplace(block);
  return listen([], { ...rest, fn: endpointFn, inputs: inputList, outputs: outputList } as AnyEventOptions);
}

/** The slot of one property of an object schema: its JSON schema, and its default when it has one. */
function propertySlot(name: string, schema: JsonSchema): SchemaSlot {
  return { schema, label: name, validate: null, ...("default" in schema ? { default: { value: schema.default } } : {}) };
}

function isComponentList(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  return items.every((item) => typeof item === "object" && item !== null && typeof (item as AnyComponent).api === "function" && "ui" in item);
}

function listOf<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/**
 * Takes a component out of the layout it was placed in when made inside the builder (an API
 * endpoint's components have no place on the page).
 */
function unplace(block: Block): void {
  const parent = block.parent;
  if (!parent || !(parent instanceof Container)) return;
  const siblings = parent.children;
  const i = siblings.indexOf(block);
  if (i >= 0) siblings.splice(i, 1);
  block.parent = null;
}
