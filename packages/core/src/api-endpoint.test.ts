import { describe, expect, it } from "@jest/globals";
import { z } from "zod";
import { Blocks, Component, api, isStandardSchema, jsonSchemaOf, validateWith, type ApiDescription, type SchemaSlot } from "./index.js";
import { Field } from "../test/fixtures.js";

/** A carrier for schema slots in these tests: its API type is the slot's schema, its preprocess the slot's check. */
class Carrier extends Component<unknown, unknown, unknown> {
  readonly type = "carrier";
  readonly ui = { file: "/dev/null" };
  constructor(readonly slot: SchemaSlot) {
    super({ label: slot.label, render: false, ...(slot.default ? { value: slot.default.value } : {}) });
  }
  override preprocess(payload: unknown): unknown {
    return this.slot.validate ? this.slot.validate(payload) : payload;
  }
  api(): ApiDescription {
    return { type: this.slot.schema, python_type: { type: "Any", description: "" } };
  }
}
const schema_component = (slot: SchemaSlot) => new Carrier(slot);

describe("api()", () => {
  it("registers an endpoint with no trigger whose components are not laid out", () => {
    const app = Blocks(() => {
      Field({ label: "shown" });
      const a = Field({ label: "a" });
      api({ fn: (x: string) => x.toUpperCase(), inputs: [a], outputs: Field({ label: "out" }), api_name: "shout", api_description: "Upper case" });
    });
    expect(app.children.map((c) => (c as Component).props.label)).toEqual(["shown"]);
    const dep = app.dependencyByApiName("shout")!;
    expect(dep.targets).toEqual([]);
    expect(dep.fn!("hi")).toBe("HI");
    const info = app.apiInfo().named_endpoints["/shout"]!;
    expect(info.description).toBe("Upper case");
    expect(info.parameters.map((p) => p.parameter_name)).toEqual(["x"]);
    expect(app.config().dependencies[0]).toMatchObject({ targets: [], api_name: "shout", backend_fn: true });
  });

  it("defaults api_name to the function's name and passes queue options on", () => {
    const app = Blocks(() => {
      api({ fn: function reverse(s: string) { return [...s].reverse().join(""); }, inputs: Field(), outputs: Field(), concurrency_limit: 3, queue: false });
    });
    const dep = app.dependencyByApiName("reverse")!;
    expect(dep.options.concurrency_limit).toBe(3);
    expect(dep.queued).toBe(false);
  });

  it("refuses unknown options, a missing fn, and calls outside a builder, naming the problem", () => {
    expect(() => Blocks(() => api({ fn: () => 1, trigger_mode: "once" } as never))).toThrow(/unknown option "trigger_mode"/);
    expect(() => Blocks(() => api({} as never))).toThrow(/fn must be a function/);
    expect(() => api({ fn: () => 1 })).toThrow(/inside a Blocks builder/);
    expect(() => Blocks(() => api({ fn: () => 1, inputs: [42] as never }))).toThrow(/inputs must be components/);
  });

  it("takes an object schema: its properties are the named parameters, and fn gets the parsed object", async () => {
    const app = Blocks(() => {
      api({
        fn: ({ a, b }) => a * b,
        inputs: z.object({ a: z.number().describe("first"), b: z.number().default(2) }),
        outputs: z.number(),
        api_name: "times",
        schema_component,
      });
    });
    const info = app.apiInfo().named_endpoints["/times"]!;
    expect(info.parameters.map((p) => [p.parameter_name, p.parameter_has_default, p.parameter_default])).toEqual([
      ["a", false, null],
      ["b", true, 2],
    ]);
    expect(info.parameters[0]!.type).toMatchObject({ type: "number", description: "first" });
    expect(info.returns[0]!.type).toEqual({ type: "number" });
    const dep = app.dependencyByApiName("times")!;
    await expect(dep.fn!(3, null, {})).resolves.toBe(6);
    await expect(dep.fn!("three", 1, {})).rejects.toThrow(/Invalid arguments: a: .*expected number/);
  });

  it("takes one schema per parameter, each validating its value", async () => {
    const app = Blocks(() => {
      api({ fn: (name: string, times: number) => name.repeat(times), inputs: [z.string().min(1), z.number().int()], outputs: z.string(), api_name: "rep", schema_component });
    });
    const dep = app.dependencyByApiName("rep")!;
    expect(app.apiInfo().named_endpoints["/rep"]!.parameters.map((p) => p.parameter_name)).toEqual(["name", "times"]);
    const [name, times] = dep.inputs as Carrier[];
    await expect(name!.preprocess("ab")).resolves.toBe("ab");
    await expect(name!.preprocess("")).rejects.toThrow(/Invalid "name": .*>=1 characters/);
    await expect(times!.preprocess(1.5)).rejects.toThrow(/Invalid "times": .*expected int/);
  });

  it("asks for a carrier when schemas are given without one", () => {
    expect(() => Blocks(() => api({ fn: ({ a }) => a, inputs: z.object({ a: z.string() }) }))).toThrow(/schema_component/);
    expect(() => Blocks(() => api({ fn: (s) => s, inputs: z.string() as never, schema_component }))).toThrow(/must be an object schema/);
  });
});

describe("Standard Schema helpers", () => {
  it("recognise schemas, give their JSON schema without $schema, and list issues", async () => {
    expect(isStandardSchema(z.string())).toBe(true);
    expect(isStandardSchema({ validate: () => 1 })).toBe(false);
    expect(jsonSchemaOf(z.object({ x: z.boolean() }))).toEqual({ type: "object", properties: { x: { type: "boolean" } }, required: ["x"] });
    const custom = { "~standard": { version: 1 as const, vendor: "t", validate: (v: unknown) => ({ value: v }) }, toJSONSchema: () => ({ type: "integer" }) };
    expect(jsonSchemaOf(custom)).toEqual({ type: "integer" });
    await expect(validateWith(z.object({ x: z.boolean() }), { x: 1 }, "payload")).rejects.toThrow(/^Invalid payload: x: /);
  });
});
