import { describe, expect, it } from "@jest/globals";
import { ViewLoader, importView, importViewModule, moduleUrl } from "./loadViews.js";

describe("ViewLoader", () => {
  it("knows a type's module at once and its view once loaded, loading each module once", async () => {
    const loaded: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const View = () => null;
    const loader = new ViewLoader("http://host/app", async (url) => {
      loaded.push(url);
      await held;
      return { default: View };
    });
    const done = loader.ensure({ textbox: "components/textbox.js?v=1" });
    expect(loader.store.getState().modules).toEqual({ textbox: "http://host/app/components/textbox.js?v=1" });
    expect(loader.store.getState().views).toEqual({});
    void loader.ensure({ textbox: "components/textbox.js?v=1" });
    release();
    await done;
    expect(loader.store.getState().views.textbox).toBe(View);
    expect(loaded).toEqual(["http://host/app/components/textbox.js?v=1"]);
  });

  it("turns a module without a default export or a failed import into an error for that type only", async () => {
    await expect(importView("u1", async () => ({}))).resolves.toBeInstanceOf(Error);
    const failed = await importView("u2", async () => {
      throw new Error("404");
    });
    expect((failed as Error).message).toMatch(/could not load u2: 404/);
    expect(moduleUrl("http://h/a/", "components/x.js")).toBe("http://h/a/components/x.js");
  });

  it("keeps a module's example view (its `Example` export) beside its view", async () => {
    const View = () => null;
    const Example = () => null;
    const loader = new ViewLoader("http://host/app", async (url) => (url.includes("image") ? { default: View, Example } : { default: View }));
    await loader.ensure({ image: "components/image.js", textbox: "components/textbox.js" });
    expect(loader.store.getState().examples).toEqual({ image: Example });
    await expect(importViewModule("u3", async () => ({ Example }))).resolves.toEqual({ view: expect.any(Error), example: Example });
  });
});
