/**
 * `GET /gradio_api/openapi.json` (issue 11): a valid OpenAPI 3.1 document (checked by
 * @readme/openapi-parser) whose documented calls work as documented: for each endpoint of
 * real apps (the gallery's hello and calculator demos, and an app with `vt.api` endpoints), the
 * request is made from the document alone (its server URL, paths and request examples) and run,
 * at the root and mounted.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { compileErrors, validate } from "@readme/openapi-parser";
import { calculator, hello } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { z } from "zod";
import { servings, type Served } from "./harness.js";

type Doc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, any>>;
};

/** Reads the `event: <name>` / `data: <json>` blocks of a call API stream. */
function events(text: string): { event: string; data: unknown }[] {
  return text
    .split("\n\n")
    .filter(Boolean)
    .map((block) => ({ event: /^event: (.*)$/m.exec(block)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as unknown }));
}

function apiApp() {
  return vt.Blocks({ title: "API only" }, () => {
    vt.api({ fn: (a: number, b: number) => a - b, inputs: [vt.Number({ value: 10 }), vt.Number({ value: 4 })], outputs: vt.Number(), api_name: "minus" });
    vt.api({
      fn: ({ word, times }) => word.repeat(times),
      inputs: z.object({ word: z.string().default("ab"), times: z.number().int().default(2) }),
      outputs: z.string(),
      api_name: "repeat",
      api_description: "Repeats a word",
    });
  });
}

describe.each(servings)("the OpenAPI document, %s", (_name, serve) => {
  const served: Served[] = [];
  const docs: Record<string, Doc> = {};
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, app] of Object.entries({ hello: hello(), calculator: calculator(), api: apiApp() })) {
      const s = await serve(app);
      served.push(s);
      urls[name] = s.url;
      const res = await fetch(`${s.url}gradio_api/openapi.json`);
      expect(res.status).toBe(200);
      docs[name] = (await res.json()) as Doc;
    }
  });
  afterAll(async () => {
    await Promise.all(served.map((s) => s.close()));
  });

  it("is a valid OpenAPI 3.1 document whose server is the app's URL, mount path included", async () => {
    for (const [name, doc] of Object.entries(docs)) {
      const result = await validate(structuredClone(doc) as never);
      expect({ app: name, errors: result.valid ? "" : compileErrors(result) }).toEqual({ app: name, errors: "" });
      expect(doc.openapi).toBe("3.1.0");
      expect(doc.servers).toEqual([{ url: urls[name]!.replace(/\/$/, "") }]);
    }
    expect(Object.keys(docs.api!.paths)).toEqual(
      expect.arrayContaining(["/gradio_api/call/minus", "/gradio_api/call/v2/repeat", "/gradio_api/call/repeat/{event_id}"]),
    );
    expect(docs.api!.paths["/gradio_api/call/repeat"]!.post.description).toMatch(/^Repeats a word/);
  });

  it("documents calls that work as documented: each POST example, then its results route", async () => {
    let checked = 0;
    for (const [name, doc] of Object.entries(docs)) {
      const server = doc.servers[0]!.url;
      for (const [path, item] of Object.entries(doc.paths)) {
        if (!path.startsWith("/gradio_api/call/") || !item.post) continue;
        const media = item.post.requestBody.content["application/json"];
        const posted = await fetch(server + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(media.example) });
        expect({ app: name, path, status: posted.status }).toEqual({ app: name, path, status: 200 });
        const { event_id } = (await posted.json()) as { event_id: string };
        // The results route the POST's description names, found in the document.
        const apiName = path.replace(/^\/gradio_api\/call\/(v2\/)?/, "");
        const resultsPath = `/gradio_api/call/${apiName}/{event_id}`;
        const results = doc.paths[resultsPath]!.get;
        expect(results.parameters[0]).toMatchObject({ name: "event_id", in: "path" });
        const stream = await fetch(server + resultsPath.replace("{event_id}", event_id));
        expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
        const last = events(await stream.text()).at(-1)!;
        expect({ app: name, path, event: last.event }).toEqual({ app: name, path, event: "complete" });
        const outputs = results.responses["200"].content["text/event-stream"]["x-complete-data"];
        expect((last.data as unknown[]).length).toBe(outputs.prefixItems.length);
        checked++;
      }
    }
    // hello, calculator and the two vt.api endpoints, each in both forms.
    expect(checked).toBe(8);
  });

  it("documents /run where the app answers it, and it answers as documented", async () => {
    const doc = docs.calculator!;
    const run = doc.paths["/gradio_api/run/predict"]!.post;
    const example = run.requestBody.content["application/json"].example;
    const res = await fetch(doc.servers[0]!.url + "/gradio_api/run/predict", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(example) });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: unknown[] };
    expect(body.data).toHaveLength(1);
    expect(typeof body.data[0]).toBe("number");
  });

  it("gives the vt.api endpoints their parameters, defaults and examples from the schema", () => {
    const named = docs.api!.paths["/gradio_api/call/v2/repeat"]!.post.requestBody.content["application/json"];
    expect(named.schema.properties.word).toMatchObject({ type: "string", default: "ab" });
    expect(named.schema.properties.times).toMatchObject({ type: "integer", default: 2 });
    expect(named.schema.required).toEqual([]);
    expect(named.example).toEqual({ word: "ab", times: 2 });
    const positional = docs.api!.paths["/gradio_api/call/minus"]!.post.requestBody.content["application/json"];
    expect(positional.example).toEqual({ data: [expect.any(Number), expect.any(Number)] });
  });
});
