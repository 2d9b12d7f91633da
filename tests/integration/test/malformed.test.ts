/** Bad requests get a clear error, and the server goes on serving. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { calculator } from "@vitrine/demo-gallery";
import { postJson, serveAtRoot, type Served } from "./harness.js";

describe("malformed requests", () => {
  let served: Served;
  let join: string;
  let predict: number;
  beforeAll(async () => {
    served = await serveAtRoot(calculator());
    join = `${served.url}gradio_api/queue/join`;
    const config = (await (await fetch(`${served.url}config`)).json()) as { dependencies: { id: number; api_name: string }[] };
    predict = config.dependencies.find((d) => d.api_name === "predict")!.id;
  });
  afterAll(() => served.close());

  it("rejects an unknown fn_index", async () => {
    const res = await postJson(join, { data: [1, "add", 2], fn_index: 99, session_hash: "s1" });
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(/Unknown fn_index 99/);
  });

  it("rejects the wrong number of inputs", async () => {
    const res = await postJson(join, { data: [1], fn_index: predict, session_hash: "s1" });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/takes 3 input\(s\) but received 1/);
  });

  it("rejects bad JSON", async () => {
    const res = await postJson(join, "{not json");
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/Malformed JSON/);
  });

  it("rejects a body without data or session", async () => {
    expect((await postJson(join, { fn_index: predict, session_hash: "s1" })).status).toBe(422);
    expect((await postJson(join, { data: [1, "add", 2], fn_index: predict })).body.detail).toBe("Session hash not found.");
    expect((await postJson(join, [1, 2])).status).toBe(400);
  });

  it("reports an input of the wrong type as an error for that event only", async () => {
    const client = await Client.connect(served.url);
    await expect(client.predict("/predict", ["x", "add", 2])).rejects.toThrow(
      new Error('Invalid value for "a": Number "a" expects a finite number, got "x"'),
    );
    await expect(client.predict("/predict", [1, "modulo", 2])).rejects.toThrow(/operation/);
  });

  it("answers a stream for an unknown session with session_not_found", async () => {
    const res = await fetch(`${served.url}gradio_api/queue/data?session_hash=nobody`);
    expect(await res.text()).toContain('"session_not_found":true');
  });

  it("keeps serving everyone else", async () => {
    const client = await Client.connect(served.url);
    expect((await client.predict("/predict", [2, "add", 2])).data).toEqual([4]);
  });
});
