/**
 * State over the wire with Gradio's official client and Vitrine's: each session keeps its own
 * values on the server, State is no API parameter, and the request reaches `ctx.request`.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient } from "@gradio/client";
import { Client } from "@vitrine/client";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

const deleted: unknown[] = [];

function app() {
  return vt.Blocks((demo) => {
    const count = vt.State({ value: 0 });
    const notes = vt.State({ value: [] as string[], time_to_live: 0.3, delete_callback: (v) => void deleted.push(v) });
    const step = vt.Number({ label: "step", value: 1 });
    const total = vt.Number({ label: "total" });
    vt.Button("add").click({ fn: (current: number, step: number) => [current + step, current + step], inputs: [count, step], outputs: [count, total], api_name: "add" });
    const note = vt.Textbox({ label: "note" });
    const all = vt.Textbox({ label: "all" });
    note.submit({
      fn: (text: string, past: string[]) => {
        const next = [...past, text];
        return [next, next.join(",")];
      },
      inputs: [note, notes],
      outputs: [notes, all],
      api_name: "note",
    });
    const who = vt.Textbox({ label: "who" });
    vt.Button("whoami").click({
      fn: (ctx: vt.EventContext) => `${ctx.request.headers["x-user"] ?? "?"} ${ctx.session.hash.length > 0}`,
      outputs: [who],
      api_name: "whoami",
    });
    demo.unload(() => undefined);
  });
}

describe("State over the wire", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveAtRoot(app());
  });
  afterAll(async () => {
    await served.close();
  });

  it("two @gradio/client sessions see their own values; view_api lists no State parameter", async () => {
    const a = await GradioClient.connect(served.url);
    const b = await GradioClient.connect(served.url);
    const api = await a.view_api();
    expect(api.named_endpoints["/add"]!.parameters.map((p: { label: string }) => p.label)).toEqual(["step"]);
    expect(api.named_endpoints["/add"]!.returns.map((p: { label: string }) => p.label)).toEqual(["total"]);
    expect((await a.predict("/add", [2])).data).toEqual([2]);
    expect((await a.predict("/add", [3])).data).toEqual([5]);
    expect((await b.predict("/add", [10])).data).toEqual([10]);
    expect((await a.predict("/add", { step: 1 })).data).toEqual([6]);
  });

  it("@vitrine/client sessions keep their own State too, and a value with a TTL is deleted after it", async () => {
    const a = await Client.connect(served.url);
    const b = await Client.connect(served.url);
    expect((await a.predict("/note", ["x"])).data).toEqual(["x"]);
    expect((await a.predict("/note", ["y"])).data).toEqual(["x,y"]);
    expect((await b.predict("/note", ["z"])).data).toEqual(["z"]);
    await new Promise((r) => setTimeout(r, 600));
    expect(deleted).toEqual(expect.arrayContaining([["x", "y"], ["z"]]));
    // After its TTL, the session starts again from the initial value.
    expect((await a.predict("/note", ["w"])).data).toEqual(["w"]);
    a.close();
    b.close();
  });

  it("an Interface with the \"state\" shortcut keeps each client's history", async () => {
    const chat = new vt.Interface({
      fn: (message: string, history: string[] | null) => {
        const next = [...(history ?? []), message];
        return [next.join(" "), next] as const;
      },
      inputs: ["text", "state"],
      outputs: ["text", "state"],
    });
    const s = await serveAtRoot(chat);
    try {
      const a = await GradioClient.connect(s.url);
      const b = await GradioClient.connect(s.url);
      expect((await a.predict("/predict", ["hi"])).data).toEqual(["hi"]);
      expect((await a.predict("/predict", ["there"])).data).toEqual(["hi there"]);
      expect((await b.predict("/predict", ["other"])).data).toEqual(["other"]);
    } finally {
      await s.close();
    }
  });

  it("a header sent by the client reaches ctx.request", async () => {
    const client = await GradioClient.connect(served.url, { headers: { "X-User": "ada" } } as never);
    expect((await client.predict("/whoami", [])).data).toEqual(["ada true"]);
  });
});
