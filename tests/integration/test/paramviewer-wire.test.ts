/**
 * ParamViewer over the wire with Gradio's official client (the gallery's `buttons-extra` demo):
 * a tool's JSON definition comes back documented as ParamViewer parameters (Gradio's
 * `{ name: { type, description, default } }`), a ParamViewer value sent as an input reaches the
 * function unchanged, a malformed one is refused with a message, and `view_api()` describes the
 * ParamViewer as Gradio does ("any valid json"). The ClearButton's browser-only listeners are
 * not endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { buttonsExtra } from "@vitrine/demo-gallery";
import { servings, type Served } from "./harness.js";

const TOOL = JSON.stringify({
  name: "search",
  parameters: {
    type: "object",
    properties: {
      query: { type: "string", description: "What to look for, in *plain words*." },
      limit: { type: "integer", description: "Most results.", default: 10 },
      sort: { type: "string", enum: ["date", "score"], description: "Order of the results." },
      tags: { type: "array", items: { type: "string" }, default: ["news"] },
    },
    required: ["query"],
  },
});

const DOCUMENTED = {
  query: { type: "str", description: "What to look for, in *plain words*.", default: null },
  limit: { type: "int", description: "Most results.", default: "10" },
  sort: { type: "Literal['date', 'score']", description: "Order of the results.", default: "None" },
  tags: { type: "list[str]", description: "", default: '["news"]' },
};

type Endpoint = {
  parameters: { parameter_name: string; component: string; type: unknown; python_type: { type: string; description: string } }[];
  returns: { component: string; type: unknown; python_type: { type: string; description: string } }[];
};

describe.each(servings)("ParamViewer through @gradio/client, %s", (_name, serve) => {
  let served: Served;
  let client: Client;
  beforeAll(async () => {
    served = await serve(buttonsExtra());
    client = await Client.connect(served.url);
  });
  afterAll(async () => {
    await served.close();
  });

  it("a tool's JSON comes back as documented parameters, in Gradio's format and order", async () => {
    const result = await client.predict("/document_tool", [TOOL]);
    expect(result.data).toEqual([DOCUMENTED]);
    expect(Object.keys((result.data as [Record<string, unknown>])[0]!)).toEqual(["query", "limit", "sort", "tags"]);
  });

  it("a ParamViewer value sent as an input reaches the function unchanged (by position and by name)", async () => {
    const [docs] = (await client.predict("/document_tool", [TOOL])).data as [typeof DOCUMENTED];
    expect((await client.predict("/summarize_parameters", [docs])).data).toEqual(["4 parameters: query, limit, sort, tags; required: query"]);
    expect((await client.predict("/summarize_parameters", { docs })).data).toEqual(["4 parameters: query, limit, sort, tags; required: query"]);
    // Missing fields are filled in on the way in (a parameter with no default is required).
    expect((await client.predict("/summarize_parameters", [{ a: { type: "str" }, b: { default: "1" } }])).data).toEqual([
      "2 parameters: a, b; required: a",
    ]);
  });

  it("a malformed value is refused with a message naming the parameter", async () => {
    await expect(client.predict("/summarize_parameters", [{ a: { type: "str", default: 3 } }])).rejects.toMatchObject({
      message: expect.stringContaining('parameter "a": default must be a string or null, got number'),
    });
    await expect(client.predict("/summarize_parameters", [["not", "an", "object"]])).rejects.toMatchObject({
      message: expect.stringContaining("expected an object of parameters"),
    });
    // A bad tool definition is the demo's own vt.Error.
    await expect(client.predict("/document_tool", ["{ not json"])).rejects.toMatchObject({
      message: expect.stringContaining("The tool definition is not JSON"),
    });
  });

  it("view_api() describes the ParamViewer as Gradio does, and lists no ClearButton endpoint", async () => {
    const api = (await client.view_api()) as { named_endpoints: Record<string, Endpoint> };
    expect(Object.keys(api.named_endpoints).sort()).toEqual(["/document_tool", "/summarize", "/summarize_parameters"]);
    const [out] = api.named_endpoints["/document_tool"]!.returns;
    expect(out).toMatchObject({
      component: "Paramviewer",
      python_type: { type: "str | float | bool | list | dict", description: "any valid json" },
    });
    // The server's own description carries Gradio's schema for it (the client turns it into a TS type).
    const info = (await (await fetch(new URL("gradio_api/info", served.url))).json()) as { named_endpoints: Record<string, Endpoint> };
    expect(info.named_endpoints["/document_tool"]!.returns[0]!.type).toEqual({ type: {}, description: "any valid json" });
    expect(info.named_endpoints["/summarize_parameters"]!.parameters[0]!.type).toEqual({ type: {}, description: "any valid json" });
    const [input] = api.named_endpoints["/summarize_parameters"]!.parameters;
    expect(input).toMatchObject({
      parameter_name: "docs",
      component: "Paramviewer",
      python_type: { type: "str | float | bool | list | dict", description: "any valid json" },
    });
    // The tool definition is a plain string parameter.
    expect(api.named_endpoints["/document_tool"]!.parameters[0]).toMatchObject({ parameter_name: "json", python_type: { type: "str" } });
  });
});
