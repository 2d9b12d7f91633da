/**
 * Gradio's official JS client (@gradio/client 2.7) against Vitrine, at the root and mounted
 * under a path: discovery, predict, streaming, errors, and a queue:false event.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { requestLog, servings, useGalleryDemos } from "./harness.js";

describe.each(servings)("@gradio/client against Vitrine %s", (_name, serve) => {
  const urls = useGalleryDemos(serve);

  it("view_api lists the named endpoints with their parameters", async () => {
    const client = await Client.connect(urls.hello);
    const api = await client.view_api();
    expect(Object.keys(api.named_endpoints)).toEqual(["/predict"]);
    const predict = api.named_endpoints["/predict"]!;
    expect(predict.parameters).toHaveLength(1);
    expect(predict.parameters[0]).toMatchObject({ label: "name", parameter_name: "name", component: "Textbox" });
    expect(predict.returns[0]).toMatchObject({ label: "greeting", component: "Textbox" });

    const blocksApi = await (await Client.connect(urls.blocks)).view_api();
    expect(Object.keys(blocksApi.named_endpoints).sort()).toEqual(["/repeat", "/reverse"]);
    expect(blocksApi.named_endpoints["/repeat"]!.parameters.map((p: { label: string }) => p.label)).toEqual(["word", "times"]);
  });

  it("predict returns the greeting", async () => {
    const client = await Client.connect(urls.hello);
    const result = await client.predict("/predict", ["Ada"]);
    expect(result.data).toEqual(["Hello, Ada!"]);
    const byKeyword = await client.predict("/predict", { name: "Grace" });
    expect(byKeyword.data).toEqual(["Hello, Grace!"]);
  });

  it("submit on a generator yields each intermediate output, then the final one", async () => {
    const client = await Client.connect(urls.stream, { events: ["data", "status"] });
    const job = client.submit("/predict", ["one two three"]);
    const data: unknown[] = [];
    const stages: string[] = [];
    for await (const msg of job) {
      if (msg.type === "data") data.push((msg.data as unknown[])[0]);
      if (msg.type === "status") {
        stages.push(msg.stage);
        if (msg.stage === "complete" || msg.stage === "error") break;
      }
    }
    expect(data).toEqual(["one", "one two", "one two three", "one two three"]);
    expect(stages).toContain("generating");
    expect(stages[stages.length - 1]).toBe("complete");
  });

  it("division by zero rejects with the vt.Error message, and the app keeps serving", async () => {
    const client = await Client.connect(urls.calculator);
    await expect(client.predict("/predict", [1, "divide", 0])).rejects.toMatchObject({
      message: "Cannot divide by zero!",
    });
    const ok = await client.predict("/predict", [6, "multiply", 7]);
    expect(ok.data).toEqual([42]);
  });

  it("a queue: false event answers through /run, and a queued one through the queue", async () => {
    const client = await Client.connect(urls.blocks);
    const log = requestLog(urls.blocks);
    const start = log.length;
    expect((await client.predict("/reverse", ["stressed"])).data).toEqual(["desserts"]);
    const direct = log.slice(start);
    expect(direct.filter((r) => /^POST \S*\/gradio_api\/run\/reverse(\?.*)?$/.test(r))).toHaveLength(1);
    expect(direct.filter((r) => r.includes("/gradio_api/queue/"))).toEqual([]);
    const next = log.length;
    expect((await client.predict("/repeat", ["ab", 3])).data).toEqual(["ababab"]);
    const queued = log.slice(next);
    expect(queued.filter((r) => /^POST \S*\/gradio_api\/queue\/join(\?.*)?$/.test(r))).toHaveLength(1);
    expect(queued.filter((r) => r.includes("/gradio_api/run/"))).toEqual([]);
  });
});
