/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { CheckboxGroupView } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Value = (string | number)[];
let root: Root | undefined;

afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

function mount(initial: Value, showSelectAll: boolean) {
  const changes: Value[] = [];
  const events: [string, unknown][] = [];
  function Host() {
    const [value, setValue] = useState<Value>(initial);
    return (
      <CheckboxGroupView id={1} interactive status={{ stage: "idle" }} upload={async () => []} fileUrl={(f) => f.path}
        value={value}
        onChange={(v) => { changes.push(v ?? []); setValue(v ?? []); }}
        dispatch={(e, d) => void events.push([e, d])}
        props={{ label: "Countries", choices: [["USA", "us"], ["Japan", "jp"], ["Pakistan", "pk"]], show_select_all: showSelectAll }} />
    );
  }
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<Host />));
  const box = (name: string) =>
    [...container.querySelectorAll("label")].find((l) => l.textContent === name)!.querySelector("input")!;
  return { container, box, changes, events };
}

describe("CheckboxGroupView in a DOM", () => {
  it("ticks choices in the order of the choices and fires select", () => {
    const g = mount([], false);
    expect(g.container.querySelector("legend")!.textContent).toBe("Countries");
    expect(g.container.textContent).not.toContain("Select All");
    act(() => g.box("Pakistan").click());
    act(() => g.box("USA").click());
    act(() => g.box("Pakistan").click());
    expect(g.changes).toEqual([["pk"], ["us", "pk"], ["us"]]);
    expect(g.events).toEqual([
      ["select", { index: 2, value: "pk", selected: true }],
      ["select", { index: 0, value: "us", selected: true }],
      ["select", { index: 2, value: "pk", selected: false }],
    ]);
  });

  it("Select All ticks every choice, is mixed when some are ticked, and clears them all", () => {
    const g = mount(["jp"], true);
    const all = g.box("Select All");
    expect(all.indeterminate).toBe(true);
    expect(all.getAttribute("aria-checked")).toBe("mixed");
    act(() => all.click());
    expect(g.changes).toEqual([["us", "jp", "pk"]]);
    expect(g.box("USA").checked && g.box("Japan").checked && g.box("Pakistan").checked).toBe(true);
    expect(g.box("Select All").checked).toBe(true);
    expect(g.box("Select All").indeterminate).toBe(false);
    act(() => g.box("Select All").click());
    expect(g.changes).toEqual([["us", "jp", "pk"], []]);
  });
});
