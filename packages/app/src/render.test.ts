import { describe, expect, it } from "@jest/globals";
import type { RenderConfig } from "@vitrine/core";
import { component, dependency, scriptedClient } from "../test/fixtures.js";
import { EventRunner } from "./events.js";
import type { JobMessage } from "./messages.js";
import { createAppStore } from "./store.js";
import { createToastStore } from "./toasts.js";

/** A rebuilt region of render block 10: one text box keyed `k` (id `box`) and one button listening with `fn_index` `fn`. */
function region(box: number, button: number, fn: number, value = ""): RenderConfig {
  return {
    render_id: 10,
    layout: { id: 10, children: [{ id: box }, { id: button }] },
    components: [
      { ...component(box, "textbox", { value, label: "box" }), key: "k", rendered_in: 10 },
      { ...component(button, "button", { value: "go" }), rendered_in: 10 },
    ],
    dependencies: [dependency(fn, { targets: [[button, "click"]], inputs: [box], outputs: [2], rendered_in: 10 })],
  };
}

describe("rendered regions", () => {
  it("a rebuild's message puts its blocks and listeners in place, replacing the previous run's", async () => {
    const store = createAppStore([component(1, "textbox", { value: "a" }), component(2), component(10, "render")]);
    const rendered: number[] = [];
    const client = scriptedClient({
      0: (): JobMessage[] => [{ type: "data", data: [], render_config: region(20, 21, 100, "typed?") } as JobMessage, { type: "status", stage: "complete" }],
      100: ([v]) => [{ type: "data", data: [`first:${String(v)}`] }, { type: "status", stage: "complete" }],
      101: ([v]) => [{ type: "data", data: [`second:${String(v)}`] }, { type: "status", stage: "complete" }],
    });
    const runner = new EventRunner({
      dependencies: [dependency(0, { targets: [[1, "change"]], inputs: [1], render_id: 10 })],
      store,
      toasts: createToastStore(),
      connect: async () => client,
      onRender: (r) => rendered.push(r.render_id),
    });

    await runner.change(1, "b");
    expect(rendered).toEqual([10]);
    expect(store.getState().renders[10]).toEqual([{ id: 20 }, { id: 21 }]);
    store.getState().setValue(20, "mine");
    await runner.fire(21, "click");
    expect(store.getState().blocks[2]!.value).toBe("first:mine");

    // The next rebuild replaces the region: the old listener and blocks go, a keyed block keeps its value.
    runner.applyRender(region(30, 31, 101, ""));
    expect(store.getState().blocks[20]).toBeUndefined();
    expect(store.getState().blocks[30]!.value).toBe("mine");
    await runner.fire(21, "click");
    expect(client.submissions.map((s) => s.fnIndex)).toEqual([0, 100]);
    await runner.fire(31, "click");
    expect(store.getState().blocks[2]!.value).toBe("second:mine");
  });
});
