import { describe, expect, it } from "@jest/globals";
import { Blocks, type ValueOf } from "@vitrine/core";
import { Button, ButtonComponent, buttonEvents, isSafeUrl } from "./index.js";

describe("Button", () => {
  it("takes its text as a string or as the value prop, and defaults to Run", () => {
    expect(Button("Greet").configProps()).toMatchObject({ value: "Greet", variant: "secondary", size: "lg", name: "button" });
    expect(Button("Greet", { variant: "primary" }).configProps()).toMatchObject({ value: "Greet", variant: "primary" });
    expect(Button({ value: "Stop", variant: "stop", size: "sm" }).configProps()).toMatchObject({
      value: "Stop",
      variant: "stop",
      size: "sm",
      icon: null,
      link: null,
    });
    expect(Button().configProps().value).toBe("Run");
    expect(Button()).toBeInstanceOf(ButtonComponent);
  });

  it("passes its text to the function, and takes new text from it", () => {
    const b = Button("Greet");
    expect(b.preprocess("Greet")).toBe("Greet");
    expect(b.preprocess(null)).toBe("");
    expect(() => b.preprocess(3 as unknown as string)).toThrow(TypeError);
    expect(b.postprocess("Done")).toBe("Done");
    expect(b.postprocess(null)).toBe("");
    expect(b.emptyPayload()).toBe("Greet");
  });

  it("is skipped by the API, but still describes itself as a string", () => {
    const b = Button("Greet");
    expect(b.skipApi).toBe(true);
    expect(b.api()).toEqual({ type: { type: "string" }, python_type: { type: "str", description: "" } });
  });

  it("rejects bad variants and unsafe URLs", () => {
    expect(() => Button({ variant: "danger" as "stop" })).toThrow(TypeError);
    expect(() => Button({ size: "xl" as "lg" })).toThrow(TypeError);
    expect(() => Button({ link: "javascript:alert(1)" })).toThrow(TypeError);
    expect(() => Button({ link: " JaVa\tScript:alert(1)" })).toThrow(TypeError);
    expect(() => Button({ icon: "data:image/svg+xml,<svg onload=alert(1)>" })).toThrow(TypeError);
    expect(Button({ link: "https://example.com", icon: "/static/icon.png" }).configProps()).toMatchObject({
      link: "https://example.com",
      icon: "/static/icon.png",
    });
    expect(isSafeUrl("mailto:ada@example.com")).toBe(true);
    expect(isSafeUrl("mailto:ada@example.com", { allowMailto: false })).toBe(false);
    expect(isSafeUrl("docs/page.html")).toBe(true);
    expect(isSafeUrl("vbscript:x")).toBe(false);
  });

  it("fires click only, is interactive and skip_api in the config", () => {
    expect([...buttonEvents]).toEqual(["click"]);
    let b!: ButtonComponent;
    const app = Blocks(() => {
      b = Button("Count");
      b.click({ fn: (text: string) => `${text}!`, inputs: [b], outputs: [b] });
    });
    const config = app.config();
    const block = config.components.find((c) => c.id === b.id)!;
    expect(block.skip_api).toBe(true);
    expect(block.type).toBe("button");
    expect(block.props.interactive).toBe(true);
    expect(config.dependencies[0]!.targets).toEqual([[b.id, "click"]]);
    const text: ValueOf<ButtonComponent> = "Count";
    expect(app.dependencies[0]!.fn!(text)).toBe("Count!");
    // Skipped in the API description: the endpoint has no parameters or returns.
    const endpoint = Object.values(app.apiInfo().named_endpoints)[0]!;
    expect(endpoint.parameters).toEqual([]);
    expect(endpoint.returns).toEqual([]);
  });
});

describe("Button interactivity", () => {
  it("stays interactive when it is only an output, unless set otherwise", () => {
    let ids: number[] = [];
    const app = Blocks(() => {
      const a = Button("a");
      const b = Button({ value: "b", interactive: false });
      a.click({ fn: () => ["x", "y"] as [string, string], outputs: [a, b] });
      ids = [a.id, b.id];
    });
    const byId = new Map(app.config().components.map((c) => [c.id, c.props.interactive]));
    expect(ids.map((id) => byId.get(id))).toEqual([true, false]);
  });
});
