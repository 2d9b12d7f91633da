import { describe, expect, it } from "@jest/globals";
import { component } from "../test/fixtures.js";
import { createAppStore, isUpdate, sameValue } from "./store.js";

function store() {
  return createAppStore([
    component(1, "textbox", { value: "Ada", label: "Name" }),
    component(2, "number", { value: 3 }),
    component(3, "row", { equal_height: true }),
  ]);
}

describe("createAppStore", () => {
  it("starts each value at props.value and keeps the other props", () => {
    const s = store().getState();
    expect(s.blocks[1]).toMatchObject({ type: "textbox", value: "Ada", props: { label: "Name", visible: true } });
    expect(s.blocks[1]!.props).not.toHaveProperty("value");
    expect(s.blocks[3]!.value).toBeNull();
    expect(s.blocks[1]!.status.stage).toBe("idle");
  });

  it("reads values in input order, null for unknown blocks", () => {
    expect(store().getState().values([2, 1, 99])).toEqual([3, "Ada", null]);
  });
});

describe("setValue", () => {
  it("replaces the value and reports a change", () => {
    const s = store();
    expect(s.getState().setValue(1, "Grace")).toBe(true);
    expect(s.getState().blocks[1]!.value).toBe("Grace");
  });

  it("reports no change for an equal value and keeps the state object", () => {
    const s = store();
    const before = s.getState().blocks;
    expect(s.getState().setValue(2, 3)).toBe(false);
    expect(s.getState().blocks).toBe(before);
  });

  it("ignores unknown blocks", () => {
    expect(store().getState().setValue(42, "x")).toBe(false);
  });
});

describe("applyOutput", () => {
  it("sets plain values", () => {
    const s = store();
    expect(s.getState().applyOutput(1, "Hi")).toBe(true);
    expect(s.getState().blocks[1]!.value).toBe("Hi");
  });

  it("merges an update's props and sets its value when it has one", () => {
    const s = store();
    expect(s.getState().applyOutput(1, { __type__: "update", visible: false, value: "Bye" })).toBe(true);
    expect(s.getState().blocks[1]).toMatchObject({ value: "Bye", props: { visible: false, label: "Name" } });
  });

  it("leaves the value alone for an update without one", () => {
    const s = store();
    expect(s.getState().applyOutput(1, { __type__: "update", label: "Full name" })).toBe(false);
    expect(s.getState().blocks[1]).toMatchObject({ value: "Ada", props: { label: "Full name" } });
  });
});

describe("statuses", () => {
  it("patches a status only for the run that owns it", () => {
    const s = store();
    s.getState().setStatus(1, { stage: "pending", runId: 7, startedAt: 1000 });
    s.getState().patchStatus(1, 8, { stage: "complete" });
    expect(s.getState().blocks[1]!.status.stage).toBe("pending");
    s.getState().patchStatus(1, 7, { stage: "generating", position: 0 });
    expect(s.getState().blocks[1]!.status).toEqual({ stage: "generating", runId: 7, startedAt: 1000, position: 0 });
  });
});

describe("helpers", () => {
  it("compares wire values structurally", () => {
    expect(sameValue({ a: [1, { b: "x" }] }, { a: [1, { b: "x" }] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(null, {})).toBe(false);
    expect(sameValue(NaN, NaN)).toBe(true);
  });

  it("recognizes update objects", () => {
    expect(isUpdate({ __type__: "update" })).toBe(true);
    expect(isUpdate({ value: 1 })).toBe(false);
    expect(isUpdate(null)).toBe(false);
  });
});
