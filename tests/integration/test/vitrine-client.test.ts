/** @vitrine/client against Vitrine, at the root and mounted under a path. */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@vitrine/client";
import { requestLog, servings, useGalleryDemos } from "./harness.js";

describe.each(servings)("@vitrine/client against Vitrine %s", (_name, serve) => {
  const urls = useGalleryDemos(serve);

  it("view_api lists the named endpoints with their parameters", async () => {
    const client = await Client.connect(urls.hello);
    const api = await client.view_api();
    expect(Object.keys(api.named_endpoints)).toEqual(["/predict"]);
    expect(api.named_endpoints["/predict"]!.parameters[0]).toMatchObject({ label: "name", component: "Textbox" });
    client.close();
  });

  it("predict returns the greeting, by position and by keyword", async () => {
    const client = await Client.connect(urls.hello);
    expect((await client.predict("/predict", ["Ada"])).data).toEqual(["Hello, Ada!"]);
    expect((await client.predict("predict", { name: "Grace" })).data).toEqual(["Hello, Grace!"]);
    client.close();
  });

  it("submit streams each intermediate output, then the final one", async () => {
    const client = await Client.connect(urls.stream);
    const data: unknown[] = [];
    const stages: string[] = [];
    for await (const msg of client.submit("/predict", ["one two three"])) {
      if (msg.type === "data") data.push(msg.data[0]);
      if (msg.type === "status") stages.push(msg.stage);
    }
    expect(data).toEqual(["one", "one two", "one two three", "one two three"]);
    expect(stages).toContain("generating");
    expect(stages[stages.length - 1]).toBe("complete");
    client.close();
  });

  it("division by zero rejects with the vt.Error message", async () => {
    const client = await Client.connect(urls.calculator);
    await expect(client.predict("/predict", [1, "divide", 0])).rejects.toThrow("Cannot divide by zero!");
    expect((await client.predict("/predict", [6, "multiply", 7])).data).toEqual([42]);
    client.close();
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
    client.close();
  });

  it("cancel() stops a running generator", async () => {
    const client = await Client.connect(urls.stream);
    const job = client.submit("/predict", ["a b c d e f g h i j k l m n o p"]);
    const data: unknown[] = [];
    for await (const msg of job) {
      if (msg.type === "data") {
        data.push(msg.data[0]);
        if (data.length === 2) await job.cancel();
      }
    }
    expect(data.length).toBeLessThan(16);
    expect((await client.predict("/predict", ["still works"])).data).toEqual(["still works"]);
    client.close();
  });
});
