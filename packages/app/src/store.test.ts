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

describe("applyRender and keyed blocks", () => {
  /** A rebuild of region 5 holding text boxes: [id, key, value, label, preserved_by_key?]. */
  const rebuild = (boxes: [number, string, string, string, string[]?][]) => ({
    render_id: 5,
    layout: { id: 5, children: boxes.map(([id]) => ({ id })) },
    components: boxes.map(([id, key, value, label, preserved]) => ({
      ...component(id, "textbox", { value, label, ...(preserved ? { preserved_by_key: preserved } : {}) }),
      key,
      rendered_in: 5,
    })),
    dependencies: [],
  });

  it("a block back with its key keeps what the user or an event changed among its preserved_by_key props; the rest is the rebuild's", () => {
    const store = createAppStore([component(5, "render")]);
    store.getState().applyRender(rebuild([[10, "a", "first", "A1", ["value", "label"]], [11, "b", "first", "B1"], [12, "c", "first", "C1", []]]));
    // The user types in a and c; an event relabels a and b.
    store.getState().setValue(10, "typed a");
    store.getState().setValue(12, "typed c");
    store.getState().applyOutput(10, { __type__: "update", label: "relabelled a" });
    store.getState().applyOutput(11, { __type__: "update", label: "relabelled b" });
    store.getState().applyRender(rebuild([[20, "a", "second", "A2", ["value", "label"]], [21, "b", "second", "B2"], [22, "c", "second", "C2", []]]));
    const { blocks } = store.getState();
    expect([blocks[10], blocks[11], blocks[12]]).toEqual([undefined, undefined, undefined]);
    expect([blocks[20]!.value, blocks[20]!.props.label]).toEqual(["typed a", "relabelled a"]);
    // b preserves its value only (the default), which nobody changed: the rebuild's value and label.
    expect([blocks[21]!.value, blocks[21]!.props.label]).toEqual(["second", "B2"]);
    // c preserves nothing.
    expect([blocks[22]!.value, blocks[22]!.props.label]).toEqual(["second", "C2"]);
    // What the user typed stays through later rebuilds too; a value nobody changed follows each rebuild.
    store.getState().applyRender(rebuild([[30, "a", "third", "A3", ["value", "label"]], [31, "b", "third", "B3"]]));
    expect([store.getState().blocks[30]!.value, store.getState().blocks[30]!.props.label]).toEqual(["typed a", "relabelled a"]);
    expect(store.getState().blocks[31]!.value).toBe("third");
  });
});
