/**
 * `vt.api` with schemas: the component that carries a schema parameter or return of an
 * API-only endpoint (a JSON value described by the schema, checked by it), and `api` itself
 * with that carrier built in. See `api` in @vitrine/core.
 */
import { api as coreApi, VitrineError, type ApiDescription, type JsonSchema, type SchemaSlot } from "@vitrine/core";
import { JsonComponent, type JsonValue } from "@vitrine/json";

/**
 * A parameter or return of an API endpoint given by a schema (zod 4, valibot, …): its value
 * travels as JSON, the schema describes it in `/info` and the OpenAPI document, and a parameter's
 * value is validated (and parsed) by it before the function runs. Never laid out on a page.
 */
export class SchemaValue extends JsonComponent {
  constructor(private readonly slot: SchemaSlot) {
    super({ label: slot.label, render: false, ...(slot.default ? { value: slot.default.value } : {}) });
  }

  /** The caller's value, checked and parsed by the parameter's schema. */
  override preprocess(payload: JsonValue | undefined): JsonValue {
    const value = payload === undefined ? null : payload;
    // The server awaits a promise from preprocess; the declared type is the JSON component's.
    return (this.slot.validate ? this.slot.validate(value) : value) as JsonValue;
  }

  /** The function's value, sent as JSON as it is (a string stays a string). */
  override postprocess(value: unknown): JsonValue {
    if (value === undefined || value === null) return null;
    try {
      return globalThis.JSON.parse(globalThis.JSON.stringify(value)) as JsonValue;
    } catch (err) {
      throw new VitrineError(`${this.slot.label}: the value is not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  }

  override api(): ApiDescription {
    const schema = this.slot.schema;
    return { type: schema, python_type: { type: pythonType(schema), description: typeof schema.description === "string" ? schema.description : "" } };
  }

  override exampleInput(): JsonValue {
    return (this.slot.default ? this.slot.default.value : exampleOf(this.slot.schema)) as JsonValue;
  }
}

/**
 * Declares an API-only endpoint (Gradio's `gr.api`); see `api` in @vitrine/core. Schema inputs
 * and outputs (zod 4, valibot, …) are carried as JSON values ({@link SchemaValue}).
 *
 * @example
 * import { z } from "zod";
 * vt.Blocks(() => {
 *   vt.api({ fn: ({ a, b }) => a + b, inputs: z.object({ a: z.number(), b: z.number().default(1) }), outputs: z.number(), api_name: "add" });
 * });
 */
export const api: typeof coreApi = ((options: Parameters<typeof coreApi>[0]) =>
  coreApi({ schema_component: (slot: SchemaSlot) => new SchemaValue(slot), ...options } as Parameters<typeof coreApi>[0])) as typeof coreApi;

/** The type name Gradio's clients print for a JSON schema. */
function pythonType(schema: JsonSchema): string {
  switch (schema.type) {
    case "string":
      return "str";
    case "number":
      return "float";
    case "integer":
      return "int";
    case "boolean":
      return "bool";
    case "array":
      return "list";
    case "object":
      return "dict";
    default:
      return "Any";
  }
}

/** A plausible value for a JSON schema (the API page's example). */
function exampleOf(schema: JsonSchema, depth = 0): unknown {
  if (depth > 4) return null;
  if ("default" in schema) return schema.default;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(alternatives) && alternatives.length) return exampleOf(alternatives[0]!, depth + 1);
  switch (schema.type) {
    case "string":
      return "Hello!!";
    case "number":
      return 3.5;
    case "integer":
      return 3;
    case "boolean":
      return true;
    case "array":
      return schema.items && typeof schema.items === "object" ? [exampleOf(schema.items as JsonSchema, depth + 1)] : [];
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, exampleOf(v, depth + 1)]));
    }
    default:
      return null;
  }
}
