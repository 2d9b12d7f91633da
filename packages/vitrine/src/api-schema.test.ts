import { describe, expect, it } from "@jest/globals";
import type { StandardSchema } from "@vitrine/core";
import { Blocks } from "./app.js";
import { api, SchemaValue } from "./api-schema.js";

/** A hand-made Standard Schema (what zod 4, valibot… implement): positive integers. */
const positive: StandardSchema<number> & { toJSONSchema(): Record<string, unknown> } = {
  "~standard": {
    version: 1,
    vendor: "test",
    validate: (v) => (Number.isInteger(v) && (v as number) > 0 ? { value: v as number } : { issues: [{ message: "must be a positive integer" }] }),
  },
  toJSONSchema: () => ({ type: "integer", minimum: 1, description: "a count" }),
};

describe("SchemaValue", () => {
  const value = new SchemaValue({ schema: { type: "string" }, label: "word", validate: null });

  it("describes its value by the schema, with Gradio's type name", () => {
    expect(value.api()).toEqual({ type: { type: "string" }, python_type: { type: "str", description: "" } });
    expect(value.exampleInput()).toBe("Hello!!");
    expect(value.type).toBe("json");
  });

  it("sends strings as strings (not parsed as JSON), and refuses what is not JSON", () => {
    expect(value.postprocess("[1]")).toBe("[1]");
    expect(value.postprocess(undefined)).toBeNull();
    expect(() => value.postprocess(10n)).toThrow(/word: the value is not JSON/);
  });

  it("takes its default as its initial value and example", () => {
    const withDefault = new SchemaValue({ schema: { type: "number", default: 2 }, label: "n", validate: null, default: { value: 2 } });
    expect(withDefault.initialPayload()).toBe(2);
    expect(withDefault.exampleInput()).toBe(2);
  });
});

describe("vitrine's api", () => {
  it("carries schema parameters as SchemaValues that validate each call", async () => {
    const app = Blocks(() => {
      api({ fn: (count: number) => count * 2, inputs: [positive], outputs: positive, api_name: "xs" });
    });
    const dep = app.dependencyByApiName("xs")!;
    const [count] = dep.inputs as SchemaValue[];
    expect(count).toBeInstanceOf(SchemaValue);
    expect(app.apiInfo().named_endpoints["/xs"]!.parameters[0]).toMatchObject({
      parameter_name: "count",
      type: { type: "integer", minimum: 1 },
      python_type: { type: "int", description: "a count" },
    });
    await expect(Promise.resolve(count!.preprocess(3))).resolves.toBe(3);
    await expect(Promise.resolve(count!.preprocess(0))).rejects.toThrow('Invalid "count": must be a positive integer');
  });
});
