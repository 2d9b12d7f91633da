/**
 * Private endpoints (`api_name: false`, Gradio's `api_visibility="private"`): a finding of issue
 * 12 asked whether API clients can call them by `fn_index`. Gradio enforces "private" only in
 * what it publishes: the endpoint is left out of `/info` and the OpenAPI document, it has no
 * name to call (`/run/<name>`, `/call/<name>`), and Gradio's clients refuse to call it by name;
 * but its page runs it as any client would, by `fn_index` through `/queue/join`, and the server
 * cannot tell the page from a client (gradio/route_utils.py `get_fn` takes any `fn_index`;
 * `api_visibility` is read only by `get_api_info` and the OpenAPI route). Vitrine does the same,
 * and this test holds it to that: private is "not published", not "access control" — an
 * event that must be protected needs `auth`, or a check of `ctx.request` in its function.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import * as vt from "vitrine";
import { postJson, readSse, serve } from "./helpers.js";

describe("private endpoints (api_name: false)", () => {
  let app: vt.App;
  let url: string;
  let privateIndex: number;

  beforeAll(async () => {
    app = vt.Blocks(() => {
      const text = vt.Textbox({ label: "text" });
      const out = vt.Textbox({ label: "out" });
      vt.Button("Public").click({ fn: (t: string) => `public ${t}`, inputs: [text], outputs: [out], api_name: "shout" });
      vt.Button("Private").click({ fn: (t: string) => `private ${t}`, inputs: [text], outputs: [out], api_name: false });
    });
    url = await serve(app);
    const config = (await (await fetch(`${url}config`)).json()) as { dependencies: { id: number; api_name: string | null; api_visibility: string }[] };
    const dep = config.dependencies.find((d) => d.api_visibility === "private")!;
    expect(dep).toBeDefined();
    privateIndex = dep.id;
  });
  afterAll(() => app?.close());

  it("is not published: absent from /info and the OpenAPI document, and has no name to call", async () => {
    const info = (await (await fetch(`${url}gradio_api/info`)).json()) as { named_endpoints: Record<string, unknown>; unnamed_endpoints: Record<string, unknown> };
    expect(Object.keys(info.named_endpoints)).toEqual(["/shout"]);
    expect(Object.keys(info.unnamed_endpoints ?? {})).toEqual([]);
    const openapi = await fetch(`${url}gradio_api/openapi.json`);
    expect(openapi.status).toBe(200);
    const paths = Object.keys(((await openapi.json()) as { paths: Record<string, unknown> }).paths);
    expect(paths.filter((p) => /false|private/i.test(p))).toEqual([]);
    expect(paths.some((p) => p.endsWith("/shout"))).toBe(true);
    for (const name of ["false", "private", "Private", "lambda"]) {
      const run = await postJson(`${url}gradio_api/run/${name}`, { data: ["x"] });
      expect({ name, status: run.status }).toEqual({ name, status: 404 });
      const call = await postJson(`${url}gradio_api/call/${name}`, { data: ["x"] });
      expect({ name, status: call.status }).toEqual({ name, status: 404 });
    }
    const client = await Client.connect(url);
    await expect(client.predict("/false", ["x"])).rejects.toThrow(/No endpoint matching "\/false"/);
    expect((await client.predict("/shout", ["x"])).data).toEqual(["public x"]);
    client.close();
  });

  it("runs by fn_index through the queue, as the page calls it (Gradio's behaviour)", async () => {
    const join = await postJson(`${url}gradio_api/queue/join`, { data: ["x"], fn_index: privateIndex, session_hash: "page" });
    expect(join.status).toBe(200);
    const messages = await readSse(`${url}gradio_api/queue/data?session_hash=page`, (m) => m.msg === "process_completed", 10_000);
    expect(messages.at(-1)).toMatchObject({ msg: "process_completed", success: true, output: { data: ["private x"] } });
    const res = await postJson(`${url}gradio_api/run/shout`, { data: ["y"] });
    expect(res.body.data).toEqual(["public y"]);
  });
});
