import { describe, expect, it } from "@jest/globals";
import { createApiRecorder, recordedSnippetCalls } from "./api-recorder.js";

const greet = { id: 0, api_name: "predict", api_visibility: "public" as const, inputs: [1, 2] };

describe("the API recorder", () => {
  it("records nothing until started, then each public named call with its data, in order", () => {
    const recorder = createApiRecorder();
    recorder.getState().record(greet, ["Ada", null]);
    expect(recorder.getState().calls).toEqual([]);
    recorder.getState().start();
    recorder.getState().record(greet, ["Ada", null]);
    recorder.getState().record({ ...greet, api_name: null }, ["unnamed", null]);
    recorder.getState().record({ ...greet, api_visibility: "private" }, ["private", null]);
    recorder.getState().record({ ...greet, id: 3, api_name: "again" }, ["Grace", 1]);
    recorder.getState().stop();
    recorder.getState().record(greet, ["after stop", null]);
    expect(recorder.getState().calls).toEqual([
      { fnIndex: 0, apiName: "/predict", inputs: [1, 2], data: ["Ada", null] },
      { fnIndex: 3, apiName: "/again", inputs: [1, 2], data: ["Grace", 1] },
    ]);
    recorder.getState().clear();
    expect(recorder.getState().calls).toEqual([]);
  });

  it("keeps the data as sent, not as later changed", () => {
    const recorder = createApiRecorder();
    recorder.getState().start();
    const data = ["Ada", null];
    recorder.getState().record(greet, data);
    data[0] = "changed";
    expect(recorder.getState().calls[0]!.data).toEqual(["Ada", null]);
  });

  it("names the values after the endpoint's parameters and leaves State inputs out", () => {
    const calls = [
      { fnIndex: 0, apiName: "/predict", inputs: [1, 2, 3], data: ["Ada", { history: [] }, 2] },
      { fnIndex: 1, apiName: "/unlisted", inputs: [1], data: ["x"] },
    ];
    const components = [
      { id: 1, skip_api: false },
      { id: 2, skip_api: true },
      { id: 3, skip_api: false },
    ];
    const param = (name: string) => ({ label: name, parameter_name: name, type: {}, python_type: { type: "str", description: "" }, component: "Textbox" });
    const info = { named_endpoints: { "/predict": { parameters: [param("name"), param("times")], returns: [], api_visibility: "public" as const, show_api: true as const, description: "" } } };
    expect(recordedSnippetCalls(calls, components, info)).toEqual([
      { apiName: "/predict", args: [{ name: "name", value: "Ada" }, { name: "times", value: 2 }] },
      { apiName: "/unlisted", args: [{ name: "input_0", value: "x" }] },
    ]);
  });
});
