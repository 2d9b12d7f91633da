/**
 * Issue 7, the Interface family over the wire: a TabbedInterface's endpoints through Gradio's
 * client, parameter defaults in view_api and filled in when left out, the config's show_api /
 * api_open, and `vt.load` of a second local server (called as functions, rendered and served again).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client as GradioClient } from "@gradio/client";
import { Client } from "@vitrine/client";
import { calculator, hello, parallel, series, tabbed } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { postJson, serveAtRoot, type Served } from "./harness.js";

/** Serves each app at the root of its own server for the whole file. */
function useServed<K extends string>(apps: () => Record<K, vt.App>): Record<K, string> {
  const served: Served[] = [];
  const urls = {} as Record<K, string>;
  beforeAll(async () => {
    for (const [name, app] of Object.entries(apps()) as [K, vt.App][]) {
      const s = await serveAtRoot(app);
      served.push(s);
      urls[name] = s.url;
    }
  });
  afterAll(async () => {
    await Promise.all(served.map((s) => s.close()));
  });
  return urls;
}

describe("the Interface family through @gradio/client", () => {
  const urls = useServed(() => ({ tabbed: tabbed(), parallel: parallel(), series: series() }));

  it("a TabbedInterface answers at each Interface's endpoint", async () => {
    const client = await GradioClient.connect(urls.tabbed);
    expect((await client.predict("/greet", ["Ada", "Hi"])).data).toEqual(["Hi, Ada!"]);
    expect((await client.predict("/square", [7])).data).toEqual([49]);
  });

  it("view_api shows each parameter's default: its component's initial value", async () => {
    const client = await GradioClient.connect(urls.tabbed);
    const api = await client.view_api();
    const greet = api.named_endpoints["/greet"]!.parameters;
    expect(greet.map((p: { parameter_name: string; parameter_has_default: boolean; parameter_default: unknown }) => [p.parameter_name, p.parameter_has_default, p.parameter_default])).toEqual([
      ["name", true, ""],
      ["greeting", true, "Hello"],
    ]);
    expect(api.named_endpoints["/square"]!.parameters[0]).toMatchObject({ parameter_name: "x", parameter_has_default: true, parameter_default: 3 });
  });

  it("a parameter left out takes its default (keyword arguments, as Python's client)", async () => {
    const client = await GradioClient.connect(urls.tabbed);
    expect((await client.predict("/greet", { name: "Grace" })).data).toEqual(["Hello, Grace!"]);
    expect((await client.predict("/square", {})).data).toEqual([9]);
  });

  it("Parallel and Series answer at /predict", async () => {
    const both = await GradioClient.connect(urls.parallel);
    expect((await both.predict("/predict", ["Ada"])).data).toEqual(["Good day, Ada.", "Hey Ada!"]);
    const chain = await GradioClient.connect(urls.series);
    expect((await chain.predict("/predict", ["one two three"])).data).toEqual(["3 WORDS!"]);
  });
});

describe("parameter defaults through @vitrine/client", () => {
  const urls = useServed(() => ({ tabbed: tabbed() }));

  it("view_api shows them, and trailing parameters left out are filled in", async () => {
    const client = await Client.connect(urls.tabbed);
    const api = await client.view_api();
    expect(api.named_endpoints["/greet"]!.parameters[1]).toMatchObject({ parameter_has_default: true, parameter_default: "Hello" });
    expect((await client.predict("/greet", ["Ada"])).data).toEqual(["Hello, Ada!"]);
    expect((await client.predict("/square", [])).data).toEqual([9]);
    client.close();
  });

  it("the served config says which listeners collect event data", async () => {
    const config = (await (await fetch(`${urls.tabbed}config`)).json()) as vt.AppConfig;
    const greet = config.dependencies.find((d) => d.api_name === "greet")!;
    expect(greet.collects_event_data).toBe(false);
  });
});

describe("KaTeX's files beside the Markdown view", () => {
  const urls = useServed(() => ({ tabbed: tabbed() }));

  it("are served at components/markdown/<file>, and nothing else is", async () => {
    const css = await fetch(`${urls.tabbed}components/markdown/katex.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toMatch(/text\/css/);
    const fonts = [...(await css.text()).matchAll(/url\("?\.\/([^)"]+\.woff2)"?\)/g)].map((m) => m[1]!);
    expect(fonts.length).toBeGreaterThan(10);
    const font = await fetch(`${urls.tabbed}components/markdown/${fonts[0]}`);
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
    for (const path of ["components/markdown/..%2Fui.js", "components/markdown/.hidden", "components/nothere/katex.css", "components/markdown/nope.js"]) {
      expect((await fetch(`${urls.tabbed}${path}`)).status).toBe(404);
    }
  });
});

describe("show_api and api_open", () => {
  const urls = useServed(() => ({
    hidden: new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text" }).queue({ api_open: false }),
    open: new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text" }),
  }));
  let launched: vt.RunningServer | null = null;
  const quiet = new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text" });
  afterAll(async () => {
    await quiet.close();
  });

  it("show_api given at launch reaches the config (the endpoints still answer)", async () => {
    launched = await quiet.launch({ server_port: 0, quiet: true, show_api: false });
    const config = (await (await fetch(`${launched.url}config`)).json()) as vt.AppConfig;
    expect(config.show_api).toBe(false);
    const client = await Client.connect(launched.url);
    expect((await client.predict("/predict", ["x"])).data).toEqual(["x"]);
    client.close();
  });

  it("api_open: false refuses direct calls of queued endpoints; the queue still serves them", async () => {
    const config = (await (await fetch(`${urls.hidden}config`)).json()) as vt.AppConfig;
    expect(config.api_open).toBe(false);
    const refused = await postJson(`${urls.hidden}gradio_api/run/predict`, { data: ["x"] });
    expect(refused.status).toBe(404);
    expect(refused.body.detail).toMatch(/does not accept direct HTTP POST requests/);
    const client = await Client.connect(urls.hidden);
    expect((await client.predict("/predict", ["x"])).data).toEqual(["x"]);
    client.close();
    const open = await postJson(`${urls.open}gradio_api/run/predict`, { data: ["y"] });
    expect(open).toMatchObject({ status: 200, body: { data: ["y"] } });
  });
});

describe("vt.load of a second local server", () => {
  const remote = useServed(() => ({
    hello: hello(),
    calculator: calculator(),
    tabbed: tabbed(),
    unknown: vt.Blocks(() => {
      const when = vt.Timer(1, { active: false });
      const out = vt.Textbox();
      vt.Button("Go").click({ fn: (s: number) => String(s), inputs: [when], outputs: [out], api_name: "tick" });
    }),
  }));

  it("turns its endpoints into functions that resolve with their output", async () => {
    const app = await vt.load(remote.tabbed);
    try {
      expect(app.endpoint).toBe("/greet");
      expect(await app.fn("/greet")("Ada", "Hey")).toBe("Hey, Ada!");
      expect(await app.fn("greet")("Ada")).toBe("Hello, Ada!"); // the default greeting
      expect(await app.fn("/square")(4)).toBe(16);
      expect(() => app.fn("/nope")).toThrow(/has no endpoint \/nope; its endpoints are \/greet, \/square/);
      // The remote vt.Error reaches the caller as a vt.Error.
      const calc = await vt.load(remote.calculator);
      await expect(calc.fn()(1, "divide", 0)).rejects.toMatchObject({ name: "VitrineError", message: "Cannot divide by zero!" });
      await calc.close();
    } finally {
      await app.close();
    }
  });

  it("renders as an Interface rebuilt from the remote components, served and called again", async () => {
    const loaded = await vt.load(remote.hello, { title: "Hello, from afar" });
    const config = loaded.config();
    expect(config.mode).toBe("interface");
    expect(config.title).toBe("Hello, from afar");
    expect(loaded.inputComponents.map((c) => [c.type, c.props.label, (c.props as vt.TextboxProps).placeholder])).toEqual([["textbox", "name", "Your name"]]);
    expect(loaded.outputComponents.map((c) => [c.type, c.props.label])).toEqual([["textbox", "greeting"]]);
    const { url } = await loaded.launch({ server_port: 0, quiet: true });
    try {
      const client = await GradioClient.connect(url);
      expect((await client.predict("/predict", ["Ada"])).data).toEqual(["Hello, Ada!"]);
    } finally {
      await loaded.close();
    }
  });

  it("serves as an event's function, and composes with local Interfaces", async () => {
    const loaded = await vt.load(remote.hello);
    const app = vt.Blocks(() => {
      const name = vt.Textbox({ label: "name" });
      const out = vt.Textbox({ label: "out" });
      name.submit({ fn: loaded.fn("/predict"), inputs: [name], outputs: [out], api_name: "relay" });
    });
    const both = new vt.TabbedInterface([loaded, new vt.Interface({ fn: (s: string) => s.length, inputs: "text", outputs: "number" })]);
    const a = await serveAtRoot(app);
    const b = await serveAtRoot(both);
    try {
      const client = await Client.connect(a.url);
      expect((await client.predict("/relay", ["Grace"])).data).toEqual(["Hello, Grace!"]);
      client.close();
      const tabs = await Client.connect(b.url);
      expect(Object.keys((await tabs.view_api()).named_endpoints)).toEqual(["/predict", "/predict_1"]);
      expect((await tabs.predict("/predict", ["Linus"])).data).toEqual(["Hello, Linus!"]);
      expect((await tabs.predict("/predict_1", ["Linus"])).data).toEqual([5]);
      tabs.close();
    } finally {
      await Promise.all([a.close(), b.close()]);
      await loaded.close();
    }
  });

  it("names a component type it cannot rebuild", async () => {
    await expect(vt.load(remote.unknown)).rejects.toThrow(/\/tick has a "timer" input, a component Vitrine cannot rebuild \(it rebuilds textbox, number, slider, checkbox, radio, markdown\)/);
    await expect(vt.load("ftp://example.com")).rejects.toThrow(/takes the URL of a running app/);
  });
});
