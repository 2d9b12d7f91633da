/** vt.render over the wire: a rebuild's render_config, its listeners per session, and bad calls. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@vitrine/client";
import { render } from "@vitrine/demo-gallery";
import type { RenderConfig } from "vitrine";
import { postJson, serveAtRoot, type Served } from "./harness.js";

describe("vt.render over the wire", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveAtRoot(render());
  });
  afterAll(async () => {
    await served.close();
  });

  it("a rebuild returns the region's blocks and listeners, which the same session can then call", async () => {
    const client = await Client.connect(served.url);
    const renderDep = client.config.dependencies.find((d) => d.render_id !== null && d.inputs.length === 1)!;
    const words = client.config.components.find((c) => c.props.label === "words")!;
    expect(renderDep.inputs).toEqual([words.id]);

    let region: RenderConfig | undefined;
    for await (const msg of client.submit(renderDep.id, ["red green"])) if (msg.type === "data" && msg.render_config) region = msg.render_config;
    const rc = region!;
    expect(rc.render_id).toBe(renderDep.render_id);
    expect(rc.components.filter((c) => c.type === "button").map((c) => c.props.value)).toEqual(["red", "green"]);
    expect(rc.ui_modules!.button).toMatch(/^components\/button\.js\?v=[\w-]+$/);
    expect(rc.dependencies).toHaveLength(2);
    expect(rc.dependencies.every((d) => d.rendered_in === rc.render_id && d.api_name === null)).toBe(true);
    // The client merged the region: its listeners are callable by fn_index.
    const green = rc.dependencies[1]!;
    expect((await client.predict(green.id, [])).data).toEqual(["GREEN!"]);

    // Another rebuild replaces the region: the old listeners are gone for this session.
    const again = client.submit(renderDep.id, ["blue"]);
    for await (const _ of again) void _;
    const fresh = client.config.dependencies.filter((d) => d.rendered_in === rc.render_id);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.id).not.toBe(green.id);
    expect((await client.predict(fresh[0]!.id, [])).data).toEqual(["BLUE!"]);
    const stale = await postJson(`${served.url}gradio_api/queue/join`, { fn_index: green.id, data: [], session_hash: client.session_hash });
    expect(stale.status).toBe(404);
    client.close();
  });

  it("a session cannot call another session's rendered listeners", async () => {
    const owner = await Client.connect(served.url);
    const renderDep = owner.config.dependencies.find((d) => d.render_id !== null && d.inputs.length === 1)!;
    for await (const _ of owner.submit(renderDep.id, ["mine"])) void _;
    const mine = owner.config.dependencies.find((d) => d.rendered_in === renderDep.render_id)!;
    const other = await postJson(`${served.url}gradio_api/queue/join`, { fn_index: mine.id, data: [], session_hash: "someone-else" });
    expect(other.status).toBe(404);
    expect(other.body.detail).toMatch(/Unknown fn_index/);
    owner.close();
  });

  it("a rebuild whose input is the wrong type fails with a message, and the server keeps serving", async () => {
    const client = await Client.connect(served.url);
    const renderDep = client.config.dependencies.find((d) => d.render_id !== null && d.inputs.length === 1)!;
    await expect(client.predict(renderDep.id, [42])).rejects.toThrow(/words/);
    const ok = client.submit(renderDep.id, ["fine"]);
    let got = false;
    for await (const msg of ok) if (msg.type === "data" && msg.render_config) got = true;
    expect(got).toBe(true);
    client.close();
  });
});
