import { describe, expect, it } from "@jest/globals";
import type { ApiInfo, AppConfig } from "@vitrine/core";
import { resolveData, resolveEndpoint, stripStateOutputs } from "./resolve.js";

/** A Gradio-shaped config: ids are arbitrary, one State, one unnamed and one private dependency. */
const config = {
  protocol: "sse_v3",
  api_prefix: "/gradio_api",
  enable_queue: true,
  components: [
    { id: 1, type: "textbox", props: {} },
    { id: 2, type: "number", props: {} },
    { id: 3, type: "textbox", props: {} },
    { id: 4, type: "state", props: {} },
  ],
  dependencies: [
    { id: 0, api_name: "greet", inputs: [1, 2], outputs: [3], queue: true },
    { id: 5, api_name: "remember", inputs: [1, 4], outputs: [3, 4], queue: null },
    { id: 7, api_name: null, inputs: [1], outputs: [3], queue: false },
    { id: 8, api_name: false, inputs: [], outputs: [3], queue: null },
    { id: 9, api_name: "fast", inputs: [], outputs: [3], queue: false },
  ],
} as unknown as AppConfig;

const param = (name: string, def?: unknown) => ({
  label: name,
  parameter_name: name,
  parameter_has_default: def !== undefined,
  parameter_default: def ?? null,
  type: { type: "string" },
  python_type: { type: "str", description: "" },
  component: "Textbox",
});

const info = {
  named_endpoints: {
    "/greet": { parameters: [param("name"), param("times", 1)], returns: [] },
    "/remember": { parameters: [param("text")], returns: [] },
    "/fast": { parameters: [], returns: [] },
  },
  unnamed_endpoints: {},
} as unknown as ApiInfo;

describe("resolveEndpoint", () => {
  it("finds a dependency by api_name, with or without the leading slash", () => {
    for (const name of ["/greet", "greet"]) {
      const r = resolveEndpoint(config, name);
      expect(r).toMatchObject({ fn_index: 0, api_name: "greet", endpoint: "/greet", queued: true });
    }
  });

  it("finds a dependency by its id (fn_index), not its position", () => {
    expect(resolveEndpoint(config, 5)).toMatchObject({ api_name: "remember", fn_index: 5 });
    expect(resolveEndpoint(config, 7)).toMatchObject({ api_name: null, endpoint: "/predict", queued: false });
  });

  it("decides queueing from `queue`, falling back to enable_queue when it is null", () => {
    expect(resolveEndpoint(config, "/remember").queued).toBe(true);
    expect(resolveEndpoint(config, "/fast").queued).toBe(false);
    const noQueue = { ...config, enable_queue: undefined } as unknown as AppConfig;
    expect(resolveEndpoint(noQueue, "/remember").queued).toBe(false);
    expect(resolveEndpoint(noQueue, "/greet").queued).toBe(true);
  });

  it("falls back to array positions when the config has no ids", () => {
    const legacy = { ...config, dependencies: [{ api_name: "a" }, { api_name: "b" }] } as unknown as AppConfig;
    expect(resolveEndpoint(legacy, "/b").fn_index).toBe(1);
    expect(resolveEndpoint(legacy, 0).api_name).toBe("a");
  });

  it("throws a clear error listing the named endpoints", () => {
    expect(() => resolveEndpoint(config, "/nope")).toThrow(
      'There is no endpoint named "/nope". Available endpoints: /greet, /remember, /fast.',
    );
    expect(() => resolveEndpoint(config, 42)).toThrow("No dependency has fn_index 42. Available endpoints: /greet, /remember, /fast.");
    expect(() => resolveEndpoint(config, "/")).toThrow(/There is no endpoint named "\/"/);
    expect(() => resolveEndpoint(config, 1.5)).toThrow(/must be an integer/);
    const none = { ...config, dependencies: [] } as unknown as AppConfig;
    expect(() => resolveEndpoint(none, "/x")).toThrow(/no named endpoints/);
  });

  it("never matches a private (api_name false) dependency by name", () => {
    expect(() => resolveEndpoint(config, "false")).toThrow(/no endpoint named/);
    expect(resolveEndpoint(config, 8).api_name).toBeNull();
  });
});

describe("resolveData", () => {
  const greet = resolveEndpoint(config, "/greet");
  const remember = resolveEndpoint(config, "/remember");

  it("passes positional arrays through", () => {
    expect(resolveData(config, info, greet, ["Ada", 3])).toEqual(["Ada", 3]);
    expect(resolveData(config, info, resolveEndpoint(config, "/fast"), undefined)).toEqual([]);
  });

  it("maps keyword arguments by parameter_name and fills defaults", () => {
    expect(resolveData(config, info, greet, { times: 2, name: "Ada" })).toEqual(["Ada", 2]);
    expect(resolveData(config, info, greet, { name: "Ada" })).toEqual(["Ada", 1]);
  });

  it("fills trailing defaults of a short positional array", () => {
    expect(resolveData(config, info, greet, ["Ada"])).toEqual(["Ada", 1]);
  });

  it("throws for missing required and unknown keyword arguments", () => {
    expect(() => resolveData(config, info, greet, { times: 2 })).toThrow(
      'Missing required argument "name" for /greet; it expects name, times?.',
    );
    expect(() => resolveData(config, info, greet, { name: "x", nmae: "y" })).toThrow(
      'Unknown argument "nmae" for /greet; it expects name, times?.',
    );
    expect(() => resolveData(config, info, greet, [])).toThrow(/Missing required argument 0 \("name"\) for \/greet/);
  });

  it("needs /info parameters for keyword arguments", () => {
    expect(() => resolveData(config, info, resolveEndpoint(config, 7), { x: 1 })).toThrow(/pass a positional array/);
  });

  it("inserts null for State inputs left out, and leaves full arrays alone", () => {
    expect(resolveData(config, info, remember, ["hi"])).toEqual(["hi", null]);
    expect(resolveData(config, info, remember, { text: "hi" })).toEqual(["hi", null]);
    expect(resolveData(config, info, remember, ["hi", null])).toEqual(["hi", null]);
  });

  it("rejects data that is neither an array nor an object", () => {
    expect(() => resolveData(config, info, greet, "Ada" as unknown as unknown[])).toThrow(/pass an array of values/);
  });
});

describe("stripStateOutputs", () => {
  it("removes State outputs and keeps the rest in order", () => {
    const remember = resolveEndpoint(config, "/remember");
    expect(stripStateOutputs(config, remember.dependency, ["out", null])).toEqual(["out"]);
    expect(stripStateOutputs(config, resolveEndpoint(config, "/greet").dependency, ["x"])).toEqual(["x"]);
  });
});
