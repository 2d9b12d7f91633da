/** `POST /gradio_api/component_server/`: a component's server functions, called over HTTP and by Gradio's client. */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { Client } from "@gradio/client";
import { Blocks, Component, VitrineError, render, type ApiDescription, type RenderBlock, type ServerFunction } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch, type RunningServer } from "./index.js";
import { ComponentServer } from "./component-server.js";
import { RenderedStore } from "./rendered.js";

/** A component with server functions, as a custom component package would declare them. */
class Lister extends Component<string[], string[], string[]> {
  readonly type = "lister";
  readonly ui = { file: "/nonexistent/lister.js" };
  calls: { data: unknown; session: string }[] = [];

  override serverFunctions(): Readonly<Record<string, ServerFunction>> {
    return {
      ls: async (data, { session_hash }) => {
        this.calls.push({ data, session: session_hash });
        await new Promise((r) => setTimeout(r, 5));
        return [{ name: `in ${JSON.stringify(data)}`, type: "file" }];
      },
      refuse: () => {
        throw new VitrineError('Lister: ".." is refused');
      },
      crash: () => {
        throw new RangeError("secret internals");
      },
      nothing: () => undefined,
    };
  }

  api(): ApiDescription {
    return { type: { type: "array" }, python_type: { type: "List[str]", description: "" } };
  }
}

let server: RunningServer;
let url: string;
let lister: Lister;
let textId: number;

beforeAll(async () => {
  const app = Blocks(() => {
    lister = new Lister({ label: "files" });
    const text = Textbox({ label: "text" });
    textId = text.id;
    text.submit({ fn: (t: string) => t, inputs: [text], outputs: [text], api_name: "echo" });
  });
  server = await launch(app, { server_port: 0, quiet: true });
  url = `${server.url}gradio_api/component_server/`;
});
afterAll(() => server.close());

async function post(body: unknown, init: { contentType?: string; raw?: string; path?: string } = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(init.path ?? url, {
    method: "POST",
    headers: { "Content-Type": init.contentType ?? "application/json" },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe("component_server", () => {
  it("calls a declared function with the body's data and session, and answers its result", async () => {
    const res = await post({ session_hash: "s1", component_id: lister.id, fn_name: "ls", data: ["docs"] });
    expect(res).toEqual({ status: 200, body: [{ name: 'in ["docs"]', type: "file" }] });
    expect(lister.calls.at(-1)).toEqual({ data: ["docs"], session: "s1" });
    // Without the trailing slash too, and a function returning nothing answers null.
    expect(await post({ session_hash: "s1", component_id: lister.id, fn_name: "nothing", data: null }, { path: url.slice(0, -1) })).toEqual({
      status: 200,
      body: null,
    });
  });

  it("lists the functions in the config's props.server_fns", async () => {
    const config = (await (await fetch(`${server.url}config`)).json()) as { components: { id: number; props: Record<string, unknown> }[] };
    expect(config.components.find((c) => c.id === lister.id)!.props.server_fns).toEqual(["ls", "refuse", "crash", "nothing"]);
    expect(config.components.find((c) => c.id === textId)!.props.server_fns).toBeUndefined();
  });

  it("is what Gradio's JS client calls with component_server()", async () => {
    const client = await Client.connect(server.url);
    expect(await client.component_server(lister.id, "ls", ["a", "b"])).toEqual([{ name: 'in ["a","b"]', type: "file" }]);
    expect(lister.calls.at(-1)).toEqual({ data: ["a", "b"], session: client.session_hash });
  });

  it("answers 404 for an unknown component or function, naming what there is", async () => {
    expect(await post({ session_hash: "s", component_id: 9999, fn_name: "ls", data: [] })).toEqual({
      status: 404,
      body: { detail: "No component with id 9999 in this app" },
    });
    expect(await post({ session_hash: "s", component_id: lister.id, fn_name: "rm", data: [] })).toEqual({
      status: 404,
      body: { detail: `Component ${lister.id} (lister) has no server function "rm"; it has: ls, refuse, crash, nothing` },
    });
    for (const name of ["constructor", "toString", "__proto__", "preprocess"]) {
      expect((await post({ session_hash: "s", component_id: lister.id, fn_name: name, data: [] })).status).toBe(404);
    }
    expect(await post({ session_hash: "s", component_id: textId, fn_name: "ls", data: [] })).toEqual({
      status: 404,
      body: { detail: `Component ${textId} (textbox) has no server function "ls"; it has none` },
    });
  });

  it("answers 400 for a body of the wrong shape, 415 for one that is not JSON", async () => {
    for (const body of [[], "ls", { component_id: lister.id, data: [] }, { component_id: "1", fn_name: "ls" }, { component_id: -1, fn_name: "ls" }, { component_id: lister.id, fn_name: "ls", session_hash: 5 }]) {
      const res = await post(body);
      expect(res.status).toBe(400);
      expect((res.body as { detail: string }).detail).toMatch(/^Invalid component_server body: /);
    }
    expect((await post(null, { raw: "{not json" })).status).toBe(400);
    expect((await post(null, { raw: "x", contentType: "text/plain" })).status).toBe(415);
  });

  it("answers a vt.Error's message as a 400, any other throw as a 500, and keeps serving", async () => {
    expect(await post({ session_hash: "s", component_id: lister.id, fn_name: "refuse", data: [".."] })).toEqual({
      status: 400,
      body: { detail: 'Lister: ".." is refused' },
    });
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await post({ session_hash: "s", component_id: lister.id, fn_name: "crash", data: null })).toEqual({
        status: 500,
        body: { detail: "Internal server error" },
      });
      expect(String(logged.mock.calls[0]?.[1])).toContain("secret internals");
    } finally {
      logged.mockRestore();
    }
    expect((await post({ session_hash: "s", component_id: lister.id, fn_name: "ls", data: [] })).status).toBe(200);
  });
});

describe("component_server and vt.render", () => {
  it("finds a component a session's render run made, in that session only", async () => {
    let block!: RenderBlock;
    let made: Lister | undefined;
    const app = Blocks(() => {
      block = render(() => {
        made = new Lister({ label: "rendered" });
      });
    });
    const store = new RenderedStore(app.dependencies.length);
    store.keep("s1", block.rebuild([], store.allocate));
    const server = new ComponentServer(app, (hash, id) => store.block(hash, id));
    expect(await server.call({ sessionHash: "s1", componentId: made!.id, fnName: "ls", data: ["x"] })).toEqual([{ name: 'in ["x"]', type: "file" }]);
    await expect(server.call({ sessionHash: "s2", componentId: made!.id, fnName: "ls", data: [] })).rejects.toThrow(`No component with id ${made!.id} in this app`);
  });
});
