import { describe, expect, it } from "@jest/globals";
import { Blocks, Component, Row } from "@vitrine/core";
import { Textbox } from "@vitrine/textbox";
import { Number as NumberInput } from "@vitrine/number";
import { Image } from "@vitrine/image";
import { Dropdown } from "@vitrine/dropdown";
import { State } from "@vitrine/state";
import { ClearButton, ClearButtonComponent, clearButtonEvents } from "./index.js";

/** Runs a dependency's client-side js source the way the page does, and returns what it gives. */
function runJs(source: string): unknown {
  return new Function(`"use strict"; return (${source});`)()();
}

describe("ClearButton", () => {
  it("is a button whose text defaults to Clear, with the Button's props", () => {
    const b = ClearButton();
    expect(b).toBeInstanceOf(ClearButtonComponent);
    expect(b).toBeInstanceOf(Component);
    expect(b.configProps()).toMatchObject({ value: "Clear", variant: "secondary", size: "lg", icon: null, link: null, name: "clearbutton", show_label: false, container: false });
    expect(ClearButton({ value: "Reset", variant: "stop", size: "sm", scale: 2, min_width: 80 }).configProps()).toMatchObject({
      value: "Reset",
      variant: "stop",
      size: "sm",
      scale: 2,
      min_width: 80,
    });
    expect(b.preprocess("Clear")).toBe("Clear");
    expect(b.preprocess(null)).toBe("");
    expect(() => b.preprocess(1 as unknown as string)).toThrow(/expects a string/);
    expect(b.postprocess("Again")).toBe("Again");
    expect(b.emptyPayload()).toBe("Clear");
    expect(b.skipApi).toBe(true);
    expect(b.api()).toEqual({ type: { type: "string" }, python_type: { type: "str", description: "" } });
    expect([...clearButtonEvents]).toEqual(["click"]);
    expect(typeof b.click).toBe("function");
  });

  it("rejects bad variants, sizes and unsafe URLs", () => {
    expect(() => ClearButton({ variant: "danger" as "stop" })).toThrow(/variant/);
    expect(() => ClearButton({ size: "xl" as "lg" })).toThrow(/size/);
    expect(() => ClearButton({ link: "javascript:alert(1)" })).toThrow(/link/);
    expect(() => ClearButton({ icon: "data:image/svg+xml,<svg>" })).toThrow(/icon/);
  });

  it("clears a Textbox, a Number, an Image and a Dropdown with one client-side js listener", () => {
    let ids: number[] = [];
    let button!: ClearButtonComponent;
    const app = Blocks(() => {
      const text = Textbox({ value: "Ada" });
      const num = NumberInput({ value: 3 });
      const image = Image();
      const single = Dropdown({ choices: ["a", "b"], value: "a" });
      const multi = Dropdown({ choices: ["a", "b"], multiselect: true, value: ["a"] });
      button = ClearButton([text, num, image, single, multi]);
      ids = [text.id, num.id, image.id, single.id, multi.id];
    });
    expect(button.cleared.map((c) => c.id)).toEqual(ids);
    const config = app.config();
    const [dep] = config.dependencies;
    expect(config.dependencies).toHaveLength(1);
    expect(dep).toMatchObject({ targets: [[button.id, "click"]], inputs: [], outputs: ids, backend_fn: false, queue: false });
    expect(runJs(dep!.js!)).toEqual(["", null, null, null, []]);
    // Nothing of it shows in the API.
    expect(app.apiInfo().named_endpoints).toEqual({});
  });

  it("add() takes one component or a list, can be called several times, and chains", () => {
    let button!: ClearButtonComponent;
    let ids: number[] = [];
    const app = Blocks(() => {
      const a = Textbox();
      const b = Textbox();
      const c = NumberInput();
      button = ClearButton({ value: "Reset" });
      expect(button.add(a).add([b, c])).toBe(button);
      button.add([]).add(null);
      ids = [a.id, b.id, c.id];
    });
    const deps = app.config().dependencies;
    expect(deps.map((d) => d.outputs)).toEqual([[ids[0]], [ids[1], ids[2]]]);
    expect(deps.map((d) => runJs(d.js!))).toEqual([[""], ["", null]]);
    expect(button.cleared.map((c) => c.id)).toEqual(ids);
  });

  it("resets a State to its initial value on the server, a fresh copy each time", async () => {
    let state!: ReturnType<typeof State<{ n: number }>>;
    let text!: ReturnType<typeof Textbox>;
    const app = Blocks(() => {
      state = State({ value: { n: 1 } });
      text = Textbox({ value: "x" });
      ClearButton([state, text]);
    });
    const deps = app.dependencies;
    expect(deps).toHaveLength(2);
    const [client, server] = deps;
    expect(client!.outputs).toEqual([text]);
    expect(server!.outputs).toEqual([state]);
    const first = (await server!.fn!()) as { n: number };
    expect(first).toEqual({ n: 1 });
    first.n = 99;
    expect(await server!.fn!()).toEqual({ n: 1 });
    // Private by default, like Gradio's (it has a server function but no API page entry).
    expect(app.config().dependencies[1]).toMatchObject({ backend_fn: true, api_name: null, show_api: false });
  });

  it("gives the State reset an API name when asked", () => {
    const app = Blocks(() => {
      ClearButton([State({ value: 0 }), State({ value: "a" })], { api_name: "reset", show_api: true });
    });
    const dep = app.config().dependencies[0]!;
    expect(dep).toMatchObject({ api_name: "reset", backend_fn: true });
    expect(app.dependencies[0]!.fn!()).toEqual([0, "a"]);
    expect(app.config().components.find((c) => c.type === "clearbutton")!.props).not.toHaveProperty("api_name");
  });

  it("needs a Blocks builder to add components, and components to add", () => {
    expect(() => ClearButton(Textbox({ render: false }))).toThrow(/inside a Blocks builder/);
    expect(() => Blocks(() => ClearButton([{} as unknown as Component]))).toThrow(/takes components/);
    // Without components it is just a button, anywhere.
    expect(() => ClearButton()).not.toThrow();
  });

  it("is interactive and serializes in a layout", () => {
    let id = 0;
    const app = Blocks(() => {
      Row(() => {
        const t = Textbox();
        t.submit({ fn: (s: string) => s, inputs: [t], outputs: [t] });
        id = ClearButton(t).id;
      });
    });
    const block = app.config().components.find((c) => c.id === id)!;
    expect(block).toMatchObject({ type: "clearbutton", skip_api: true, props: { interactive: true, value: "Clear" } });
  });
});
