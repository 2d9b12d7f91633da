import { afterEach, describe, expect, it } from "@jest/globals";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vt from "./index.js";

/** An event context for a logged-in user, as the server passes one. */
function context(username: string | null = null): vt.EventContext {
  return {
    signal: new AbortController().signal,
    session: { hash: "test" },
    request: { headers: {}, query: {}, client: { host: null }, path: "/", session_hash: "test", username },
    event: { target: null, data: null },
    progress: vt.createProgress(() => undefined),
    info: () => undefined,
    warning: () => undefined,
  };
}

/** A callback that remembers what it was given. */
class Recorder implements vt.FlaggingCallback {
  setups: { labels: (string | null | undefined)[]; dir: string }[] = [];
  flags: { values: readonly unknown[]; option: string | null | undefined; username: string | null | undefined }[] = [];
  setup(components: readonly vt.FlaggedComponent[], dir: string): void {
    this.setups.push({ labels: components.map((c) => c.props.label), dir });
  }
  flag(values: readonly unknown[], option?: string | null, username?: string | null): number {
    this.flags.push({ values, option, username });
    return this.flags.length;
  }
}

const greet = (name: string, times: number) => `Hello ${name}!`.repeat(times);
const make = (options: Partial<vt.InterfaceOptions<["text", "number"], "text">> = {}) =>
  new vt.Interface({ fn: greet, inputs: ["text", "number"], outputs: "text", ...options });
const buttons = (app: vt.BlocksApp) => app.config().components.filter((c) => c.type === "button").map((c) => c.props.value);

describe("Interface flagging", () => {
  const env = process.env.VITRINE_FLAGGING_MODE;
  afterEach(() => {
    if (env === undefined) delete process.env.VITRINE_FLAGGING_MODE;
    else process.env.VITRINE_FLAGGING_MODE = env;
  });

  it("is manual by default: a Flag button whose click flags the inputs and outputs, off the API page", async () => {
    const callback = new Recorder();
    const demo = make({ flagging_callback: callback, flagging_dir: "somewhere" });
    expect(callback.setups).toEqual([{ labels: ["name", "times", "output"], dir: "somewhere" }]);
    expect(buttons(demo)).toEqual(["Clear", "Submit", "Flag"]);
    const config = demo.config();
    const flagButton = config.components.find((c) => c.type === "button" && c.props.value === "Flag")!;
    const flag = config.dependencies.find((d) => d.api_name === "Flag")!;
    expect(flag).toMatchObject({
      targets: [[flagButton.id, "click"]],
      inputs: [...demo.inputComponents, ...demo.outputComponents].map((c) => c.id),
      outputs: [flagButton.id],
      api_visibility: "undocumented",
      show_api: false,
      queue: false,
    });
    expect(demo.dependencyByApiName("Flag")!.options.preprocess).toBe(false);
    expect(Object.keys(demo.apiInfo().named_endpoints)).toEqual(["/predict"]);
    // The page shows "Saving..." at once, then "Saved!", then the label again.
    const inPage = config.dependencies.filter((d) => d.outputs.includes(flagButton.id) && !d.backend_fn);
    expect(inPage.map((d) => [d.targets, d.trigger_after])).toEqual([
      [[[flagButton.id, "click"]], null],
      [[], flag.id],
    ]);
    expect(new Function(`return (${inPage[0]!.js})`)()()).toEqual({ __type__: "update", value: "Saving...", interactive: false });
    expect(await new Function(`return (${inPage[1]!.js})`)()()).toEqual({ __type__: "update", value: "Flag", interactive: true });
    const result = await demo.dependencyByApiName("Flag")!.fn!("Ada", 2, "Hello Ada!Hello Ada!", context("ada"));
    expect(result).toEqual(vt.update({ value: "Saved!", interactive: true }));
    expect(callback.flags).toEqual([{ values: ["Ada", 2, "Hello Ada!Hello Ada!"], option: null, username: "ada" }]);
  });

  it("makes one button per flagging option, labelled as Gradio labels them", async () => {
    const callback = new Recorder();
    const demo = make({ flagging_callback: callback, flagging_options: ["wrong", "rude"] });
    expect(buttons(demo).slice(2)).toEqual(["Flag as wrong", "Flag as rude"]);
    expect(demo.config().dependencies.filter((d) => d.backend_fn && d.api_visibility === "undocumented").map((d) => d.api_name)).toEqual(["Flag", "Flag_1"]);
    await demo.dependencyByApiName("Flag_1")!.fn!("a", 1, "b", context());
    expect(callback.flags[0]!.option).toBe("rude");
    const labelled = make({ flagging_callback: callback, flagging_options: [["👎 Wrong", "wrong"]] });
    expect(buttons(labelled).slice(2)).toEqual(["👎 Wrong"]);
    expect(buttons(make({ flagging_callback: callback, flagging_options: [] }))).toEqual(["Clear", "Submit"]);
  });

  it("auto: flags after each successful run, with no button", async () => {
    const callback = new Recorder();
    const demo = make({ flagging_callback: callback, flagging_mode: "auto" });
    expect(buttons(demo)).toEqual(["Clear", "Submit"]);
    const config = demo.config();
    const predict = config.dependencies.find((d) => d.api_name === "predict")!;
    const flag = config.dependencies.find((d) => d.api_name === "Flag")!;
    expect(flag).toMatchObject({ trigger_after: predict.id, trigger_only_on_success: true, outputs: [], api_visibility: "undocumented" });
    expect(await demo.dependencyByApiName("Flag")!.fn!("a", 1, "b", context("u"))).toBeUndefined();
    expect(callback.flags).toEqual([{ values: ["a", 1, "b"], option: null, username: "u" }]);
  });

  it("never flags with flagging_mode never, nor without outputs; the mode may come from VITRINE_FLAGGING_MODE", () => {
    const callback = new Recorder();
    expect(buttons(make({ flagging_callback: callback, flagging_mode: "never" }))).toEqual(["Clear", "Submit"]);
    const inputOnly = new vt.Interface({ fn: (s: string) => void s, inputs: "text", outputs: [], flagging_callback: callback });
    expect(buttons(inputOnly)).toEqual(["Clear", "Submit"]);
    expect(callback.setups).toEqual([]);
    process.env.VITRINE_FLAGGING_MODE = "never";
    expect(make().flagging).toBeNull();
    expect(make({ flagging_mode: "manual" }).flagging?.mode).toBe("manual");
    process.env.VITRINE_FLAGGING_MODE = "sometimes";
    expect(() => make()).toThrow('VITRINE_FLAGGING_MODE must be "never", "manual" or "auto", got "sometimes"');
  });

  it("flags the inputs only when the outputs are the inputs (a unified Interface)", () => {
    const callback = new Recorder();
    const box = vt.Textbox({ label: "text" });
    const demo = new vt.Interface({ fn: (s: string) => s.toUpperCase(), inputs: box, outputs: box, flagging_callback: callback });
    expect(callback.setups[0]!.labels).toEqual(["text"]);
    expect(demo.config().dependencies.find((d) => d.api_name === "Flag")!.inputs).toEqual([box.id]);
  });

  it("saves to a CSV with the default CSVLogger, and reports a failed flag as a user error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vitrine-interface-flag-"));
    const demo = make({ flagging_dir: dir, flagging_options: ["wrong"] });
    await demo.dependencyByApiName("Flag")!.fn!("=Ada", 1, "Hello =Ada!", context());
    const rows = (await vt.readFlagged(join(dir, "dataset1.csv")))!;
    expect(rows[0]).toEqual(["name", "times", "output", "flag", "username", "timestamp"]);
    expect(rows[1]!.slice(0, 5)).toEqual(["'=Ada", "1", "Hello =Ada!", "wrong", ""]);
    const broken = make({ flagging_callback: { setup() {}, flag: () => Promise.reject(new Error("disk on fire")) } });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      await expect(broken.dependencyByApiName("Flag")!.fn!("a", 1, "b", context())).rejects.toThrow("Flagging failed");
    } finally {
      console.error = original;
    }
    expect(String(errors[0])).toContain("disk on fire");
  });

  it("rejects bad flagging options with clear messages", () => {
    expect(() => make({ flagging_mode: "sometimes" as never })).toThrow('Interface: flagging_mode must be "never", "manual" or "auto", got "sometimes"');
    expect(() => make({ flagging_options: "wrong" as never })).toThrow("flagging_options must be a list of strings or of [label, value] pairs");
    expect(() => make({ flagging_options: [["a"]] as never })).toThrow("flagging_options must be a list");
    expect(() => make({ flagging_dir: "" })).toThrow("flagging_dir must be a folder path");
    expect(() => make({ flagging_callback: {} as never })).toThrow("flagging_callback must be a FlaggingCallback");
  });

  it("works in Blocks as Gradio's guide shows: setup, then a button's click bound to flag", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vitrine-blocks-flag-"));
    const callback = new vt.CSVLogger({ verbose: false });
    let flag!: vt.Dependency;
    vt.Blocks(() => {
      const text = vt.Textbox({ label: "text" });
      const out = vt.Textbox({ label: "out" });
      callback.setup([text, out], dir);
      flag = vt.Button("Flag").click({ fn: (...values) => callback.flag(values), inputs: [text, out], outputs: [], preprocess: false });
    });
    expect(await flag.fn!("x", "y", context("grace"))).toBe(1);
    const rows = (await vt.readFlagged(join(dir, "dataset1.csv")))!;
    expect(rows[1]!.slice(0, 4)).toEqual(["x", "y", "", "grace"]);
  });
});
