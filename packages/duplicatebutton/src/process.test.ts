import { afterEach, describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { DuplicateButton, DuplicateButtonComponent, currentSpace, duplicateButtonEvents, duplicateUrl } from "./index.js";

const saved = { SYSTEM: process.env.SYSTEM, SPACE_ID: process.env.SPACE_ID };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("DuplicateButton", () => {
  it("has Gradio 5's defaults: 'Duplicate Space', huggingface variant, small, scale 0", () => {
    delete process.env.SYSTEM;
    const b = DuplicateButton();
    expect(b).toBeInstanceOf(DuplicateButtonComponent);
    expect(b.configProps()).toMatchObject({
      value: "Duplicate Space",
      variant: "huggingface",
      size: "sm",
      scale: 0,
      icon: null,
      link: null,
      name: "duplicatebutton",
      visible: true,
    });
    expect(DuplicateButton("Copy me", { variant: "primary", size: "lg", scale: 1, min_width: 90 }).configProps()).toMatchObject({
      value: "Copy me",
      variant: "primary",
      size: "lg",
      scale: 1,
      min_width: 90,
    });
    expect(b.skipApi).toBe(true);
    expect(b.preprocess("x")).toBe("x");
    expect(b.postprocess(null)).toBe("");
    expect(b.emptyPayload()).toBe("Duplicate Space");
    expect([...duplicateButtonEvents]).toEqual(["click"]);
    expect(typeof b.click).toBe("function");
  });

  it("links to the Space's duplication page on a Space, and nowhere elsewhere", () => {
    process.env.SYSTEM = "spaces";
    process.env.SPACE_ID = "ada/analytical-engine";
    const onSpace = DuplicateButton();
    expect(onSpace.space).toBe("ada/analytical-engine");
    expect(onSpace.configProps().link).toBe("https://huggingface.co/spaces/ada/analytical-engine?duplicate=true");
    // A SPACE_ID without SYSTEM=spaces is not a Space, as Gradio's get_space() reads it.
    delete process.env.SYSTEM;
    expect(DuplicateButton().configProps().link).toBeNull();
    process.env.SYSTEM = "spaces";
    delete process.env.SPACE_ID;
    expect(DuplicateButton().configProps().link).toBeNull();
  });

  it("keeps a link it is given, and rejects unsafe URLs and unknown variants", () => {
    process.env.SYSTEM = "spaces";
    process.env.SPACE_ID = "ada/engine";
    expect(DuplicateButton({ link: "https://example.com/copy" }).configProps().link).toBe("https://example.com/copy");
    expect(() => DuplicateButton({ link: "javascript:alert(1)" })).toThrow(/link/);
    expect(() => DuplicateButton({ icon: "data:x" })).toThrow(/icon/);
    expect(() => DuplicateButton({ variant: "danger" as "stop" })).toThrow(/variant/);
    expect(() => DuplicateButton({ size: "xl" as "sm" })).toThrow(/size/);
  });

  it("reads the Space as Gradio does and encodes it into the URL", () => {
    expect(currentSpace({ SYSTEM: "spaces", SPACE_ID: "a/b" })).toBe("a/b");
    expect(currentSpace({ SPACE_ID: "a/b" })).toBeNull();
    expect(currentSpace({ SYSTEM: "spaces", SPACE_ID: "  " })).toBeNull();
    expect(duplicateUrl("a b/c?d")).toBe("https://huggingface.co/spaces/a%20b/c%3Fd?duplicate=true");
  });

  it("is interactive, skipped by the API, and listens to click", () => {
    delete process.env.SYSTEM;
    let id = 0;
    const app = Blocks(() => {
      const b = DuplicateButton();
      b.click({ fn: () => "Thanks", outputs: [b] });
      id = b.id;
    });
    const config = app.config();
    expect(config.components.find((c) => c.id === id)).toMatchObject({ type: "duplicatebutton", skip_api: true, props: { interactive: true } });
    expect(config.dependencies[0]!.targets).toEqual([[id, "click"]]);
  });
});
