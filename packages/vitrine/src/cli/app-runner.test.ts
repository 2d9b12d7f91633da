import { describe, expect, it } from "@jest/globals";
import { Blocks } from "../app.js";
import { isApp, pickApp } from "./app-runner.js";
import { isUserFile, runOf } from "./reload-hooks.js";
import { NO_RELOAD, beginRun, reloading } from "./reload-state.js";

describe("pickApp", () => {
  const demo = Blocks(() => undefined);
  const other = Blocks(() => undefined);
  const launched = Blocks(() => undefined);

  it("takes the named export, else the launched app, else the default export, else `demo`", () => {
    expect(pickApp({ demo, other }, [launched], "other")).toBe(other);
    expect(pickApp({ demo, default: other }, [launched])).toBe(launched);
    expect(pickApp({ demo, default: other }, [])).toBe(other);
    expect(pickApp({ demo }, [])).toBe(demo);
  });

  it("says what is missing", () => {
    expect(() => pickApp({ demo }, [], "nope", "app.ts")).toThrow('app.ts has no export "nope" that is a Vitrine app. Its apps are exported as: demo.');
    expect(() => pickApp({ x: 1 }, [], undefined, "app.ts")).toThrow("app.ts made no app: call demo.launch() in it, or export the app (export default demo).");
  });

  it("recognises apps by shape", () => {
    expect(isApp(demo)).toBe(true);
    expect(isApp({ type: "blocks" })).toBe(false);
    expect(isApp(null)).toBe(false);
  });
});

describe("reload hooks", () => {
  it("reads the run from a URL", () => {
    expect(runOf("file:///a/app.ts?vitrine-run=3")).toBe("3");
    expect(runOf("file:///a/app.ts?x=1&vitrine-run=12")).toBe("12");
    expect(runOf("file:///a/app.ts")).toBeUndefined();
  });

  it("treats files under a watched folder, outside node_modules, as the user's", () => {
    expect(isUserFile("/p/app.ts", ["/p"])).toBe(true);
    expect(isUserFile("/p/lib/a.ts", ["/p/"])).toBe(true);
    expect(isUserFile("/p/node_modules/x/index.js", ["/p"])).toBe(false);
    expect(isUserFile("/pkg/index.js", ["/p"])).toBe(false);
  });
});

describe("NO_RELOAD", () => {
  it("runs its setup once and returns the first result on later runs", () => {
    let calls = 0;
    const setup = () => ++calls;
    beginRun();
    expect(reloading).toBe(false);
    expect(NO_RELOAD(setup, "test-key")).toBe(1);
    beginRun();
    expect(reloading).toBe(true);
    expect(NO_RELOAD(setup, "test-key")).toBe(1);
    expect(calls).toBe(1);
  });

  it("tries a setup that threw again", () => {
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error("no model");
    };
    expect(() => NO_RELOAD(failing, "failing-key")).toThrow("no model");
    expect(() => NO_RELOAD(failing, "failing-key")).toThrow("no model");
    expect(calls).toBe(2);
  });
});
