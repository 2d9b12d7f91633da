/**
 * The suite's own parts, checked on their own: the app it builds, the temp file store, and the
 * accessibility check, which must find violations on a page that has them (so that a component
 * passing it means something).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { Component, type ApiDescription } from "@vitrine/core";
import { axeViolations } from "./axe.js";
import { launchChromium } from "./chromium.js";
import { conformanceApp, declaredEvents, MARKS } from "./conformance-app.js";
import { TempFileStore } from "./file-store.js";
import { snapshotOf } from "./node-checks.js";

/** A small text component (its view is never loaded here). */
class Text extends Component<string, string, string> {
  static override readonly events = ["change", "submit", "stream"] as const;
  readonly type = "suitetext";
  readonly ui = { file: "/nonexistent/ui.js" };
  api(): ApiDescription {
    return { type: { type: "string" }, python_type: { type: "str", description: "" } };
  }
}
const text = (props: object) => new Text(props);

describe("the conformance app", () => {
  it("holds the component in each configuration, the probe, and listeners for the events it can trigger", () => {
    const { app, main, fired } = conformanceApp({
      create: text,
      samples: ["a", "b"],
      editor: null,
      events: { change: async () => undefined, submit: async () => undefined, stream: "needs a stream" },
    });
    const config = app.config();
    const ids = config.components.map((c) => c.props.elem_id).filter(Boolean);
    expect(ids).toEqual([MARKS.main, MARKS.static, MARKS.noLabel, MARKS.invisible, MARKS.hidden, MARKS.probe]);
    const byId = (id: string) => config.components.find((c) => c.props.elem_id === id)!.props;
    expect(byId(MARKS.invisible).visible).toBe(false);
    expect(byId(MARKS.hidden).visible).toBe("hidden");
    expect(byId(MARKS.static).interactive).toBe(false);
    expect(byId(MARKS.main)).toMatchObject({ label: "Conformance label", info: "Conformance info text", value: "a" });
    // One listener per event with a function trigger (change, submit), none for "stream".
    const triggers = config.dependencies.flatMap((d) => d.targets.filter(([id]) => id === main.id).map(([, event]) => event));
    expect(triggers.sort()).toEqual(["change", "submit"]);
    expect(declaredEvents(main)).toEqual(["change", "submit", "stream"]);
    expect(fired).toEqual([]);
  });

  it("snapshots a component's config without its id", () => {
    const snapshot = snapshotOf(text({ label: "x" }));
    expect(snapshot).toMatchObject({ type: "suitetext", events: ["change", "submit", "stream"], api: { python_type: { type: "str" } } });
    expect(snapshot.props).not.toHaveProperty("id");
  });
});

describe("TempFileStore", () => {
  const store = new TempFileStore();
  afterAll(() => store.dispose());

  it("saves, resolves and reads its own files, and refuses others", async () => {
    const file = await store.save(new TextEncoder().encode("hello"), { name: "a.txt", mime_type: "text/plain" });
    expect(file).toMatchObject({ orig_name: "a.txt", size: 5, mime_type: "text/plain" });
    const path = await store.resolve(file);
    expect(new TextDecoder().decode(await store.read(path))).toBe("hello");
    expect(store.saved).toHaveLength(1);
    await expect(store.resolve({ ...file, path: "/etc/hostname" })).rejects.toThrow(/Not a file of this store/);
  });
});

describe("the accessibility check", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(() => browser?.close());

  it("finds the violations of a page that has them, and none on a clean one", async () => {
    const page = await browser.newPage();
    await page.setContent(`
      <div id="bad"><p style="color:#bbb;background:#fff">faint text</p><button></button></div>
      <div id="good"><p style="color:#111;background:#fff">clear text</p><button>Named</button></div>`);
    const bad = await axeViolations(page, ["#bad"]);
    expect(bad.map((v) => v.id).sort()).toEqual(["button-name", "color-contrast"]);
    expect(await axeViolations(page, ["#good"])).toEqual([]);
    await page.close();
  }, 30_000);
});
