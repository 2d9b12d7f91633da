import { describe, expect, it } from "@jest/globals";
import { dependency } from "../test/fixtures.js";
import { chainedAfter, triggeredBy } from "./dependencies.js";

describe("triggeredBy", () => {
  const deps = [
    dependency(0, { targets: [[1, "click"]] }),
    dependency(1, { targets: [[2, "change"], [1, "click"]] }),
    dependency(2, { targets: [[1, "submit"]] }),
    dependency(3, { trigger_after: 0 }),
  ];

  it("finds every dependency listening to the block's event, in config order", () => {
    expect(triggeredBy(deps, 1, "click").map((d) => d.id)).toEqual([0, 1]);
    expect(triggeredBy(deps, 2, "change").map((d) => d.id)).toEqual([1]);
  });

  it("ignores other events and other blocks", () => {
    expect(triggeredBy(deps, 1, "change")).toEqual([]);
    expect(triggeredBy(deps, 9, "click")).toEqual([]);
  });
});

describe("chainedAfter", () => {
  const deps = [
    dependency(0, { targets: [[1, "click"]] }),
    dependency(1, { trigger_after: 0 }),
    dependency(2, { trigger_after: 0, trigger_only_on_success: true }),
    dependency(3, { trigger_after: 0, trigger_only_on_failure: true }),
    dependency(4, { trigger_after: 1 }),
  ];

  it("runs .then always, .success only after success", () => {
    expect(chainedAfter(deps, 0, "success").map((d) => d.id)).toEqual([1, 2]);
  });

  it("runs .then always, .failure only after failure", () => {
    expect(chainedAfter(deps, 0, "failure").map((d) => d.id)).toEqual([1, 3]);
  });

  it("only follows the dependency named by trigger_after", () => {
    expect(chainedAfter(deps, 1, "success").map((d) => d.id)).toEqual([4]);
    expect(chainedAfter(deps, 4, "success")).toEqual([]);
  });
});
