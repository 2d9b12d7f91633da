import { describe, expect, it } from "@jest/globals";
import type { ComponentConfig } from "@vitrine/core";
import { inputValues, restoreValues } from "./devReload.js";
import { createAppStore } from "./store.js";

const block = (id: number, type: string, props: Record<string, unknown>): ComponentConfig => ({
  id,
  type,
  props,
  skip_api: false,
  component_class_id: type,
  key: null,
});

describe("values kept across a hot reload", () => {
  it("keeps the input blocks' values, not buttons', outputs' or empty ones", () => {
    const store = createAppStore([
      block(1, "textbox", { label: "Name", interactive: true, value: "" }),
      block(2, "textbox", { label: "Out", interactive: false, value: "x" }),
      block(3, "button", { value: "Go", interactive: true }),
      block(4, "number", { label: "Age", interactive: true, value: null }),
    ]);
    store.getState().setValue(1, "Ada");
    expect(inputValues(store.getState())).toEqual([{ id: 1, type: "textbox", label: "Name", value: "Ada" }]);
  });

  it("puts them back by id and type, else by a unique label, never into a non-interactive block", () => {
    const store = createAppStore([
      block(1, "textbox", { label: "Renamed", interactive: true, value: "" }),
      block(7, "number", { label: "Age", interactive: true, value: 0 }),
      block(8, "textbox", { label: "Out", interactive: false, value: "" }),
    ]);
    const restored = restoreValues(store, [
      { id: 1, type: "textbox", label: "Name", value: "Ada" }, // same id and type
      { id: 3, type: "number", label: "Age", value: 36 }, // moved: found by label
      { id: 8, type: "textbox", label: "Out", value: "stale" }, // an output: left alone
      { id: 9, type: "slider", label: "Gone", value: 1 }, // no longer there
    ]);
    expect(restored).toBe(2);
    expect(store.getState().values([1, 7, 8])).toEqual(["Ada", 36, ""]);
  });
});
