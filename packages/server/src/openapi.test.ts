/** The OpenAPI document made from an app's API description. */
import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { directEndpoints, openApiDocument, schemaOf } from "./openapi.js";

describe("openApiDocument", () => {
  const app = Blocks({ title: "Joiner" }, () => {
    const a = Textbox({ label: "first" });
    const b = Textbox({ label: "second" });
    a.submit({ fn: (x: string, y: string) => x + y, inputs: [a, b], outputs: [a], api_name: "join", api_description: "Joins two texts" });
    a.change({ fn: (x: string) => x, inputs: [a], outputs: [b], api_name: "copy", queue: false });
    a.blur({ fn: (x: string) => x, inputs: [a], outputs: [b], api_name: false });
  });
  app.queue({ api_open: false });
  const doc = openApiDocument({ title: app.title, info: app.apiInfo(), root: "http://127.0.0.1:7860/apps/x/", direct: directEndpoints(app) }) as any;

  it("is OpenAPI 3.1 with the app's root, mount path included, as its server", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Joiner");
    expect(doc.servers).toEqual([{ url: "http://127.0.0.1:7860/apps/x" }]);
  });

  it("describes each visible endpoint's call routes, and /run only where the app answers it", () => {
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/gradio_api/upload",
        "/gradio_api/call/join",
        "/gradio_api/call/v2/join",
        "/gradio_api/call/join/{event_id}",
        "/gradio_api/call/copy",
        "/gradio_api/call/v2/copy",
        "/gradio_api/call/copy/{event_id}",
        "/gradio_api/run/copy",
      ].sort(),
    );
    const call = doc.paths["/gradio_api/call/join"].post;
    expect(call.description).toMatch(/^Joins two texts/);
    const body = call.requestBody.content["application/json"];
    expect(body.schema.properties.data.prefixItems).toHaveLength(2);
    expect(body.schema.properties.data.minItems).toBe(2);
    expect(body.example).toEqual({ data: [expect.anything(), expect.anything()] });
    const named = doc.paths["/gradio_api/call/v2/join"].post.requestBody.content["application/json"];
    expect(Object.keys(named.schema.properties)).toEqual(["x", "y"]);
    expect(named.schema.additionalProperties).toBe(false);
    const ids = Object.values(doc.paths).flatMap((p: any) => Object.values(p).map((op: any) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("schemaOf", () => {
  it("drops Gradio's extra keys, turns filepath into a string format and types object schemas", () => {
    expect(schemaOf({ type: "filepath", additional_description: "x" })).toEqual({ type: "string", format: "filepath" });
    expect(schemaOf({ properties: { a: { type: "filepath" } } })).toEqual({ type: "object", properties: { a: { type: "string", format: "filepath" } } });
    expect(schemaOf(undefined)).toEqual({});
  });
});
