/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import { DropdownView, type DropdownViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Value = string | number | (string | number)[] | null;
let root: Root | undefined;

/** Renders a Dropdown that keeps its value in React state, recording every change and event. */
function mount(props: Partial<DropdownViewProps> & { label?: string }, initial: Value) {
  const changes: Value[] = [];
  const events: [string, unknown][] = [];
  function Host() {
    const [value, setValue] = useState<Value>(initial);
    return (
      <DropdownView id={1} interactive status={{ stage: "idle" }} upload={async () => []} fileUrl={(f) => f.path}
        value={value}
        onChange={(v) => { changes.push(v); setValue(v); }}
        dispatch={(e, d) => void events.push([e, d])}
        props={{ choices: [], multiselect: false, allow_custom_value: false, max_choices: null, filterable: true, ...props }} />
    );
  }
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  act(() => root!.render(<Host />));
  const input = container.querySelector<HTMLInputElement>("[role=combobox]")!;
  const options = () => [...container.querySelectorAll<HTMLElement>("[role=option]")];
  const key = (k: string) => act(() => {
    input.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { key: k, bubbles: true }));
  });
  const type = (text: string) => act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    setter.call(input, text);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  return { container, input, options, key, type, changes, events };
}

afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

const colours: [string, string][] = [["Red", "r"], ["Green", "g"], ["Blue", "b"]];

describe("DropdownView in a DOM", () => {
  it("is an ARIA combobox: focus opens the listbox, typing filters, arrows and Enter choose", () => {
    const d = mount({ choices: colours, label: "Colour" }, "r");
    expect(d.input.value).toBe("Red");
    expect(d.input.getAttribute("aria-expanded")).toBe("false");
    act(() => d.input.focus());
    expect(d.input.getAttribute("aria-expanded")).toBe("true");
    expect(d.options().map((o) => o.textContent)).toEqual(["✓ Red", "Green", "Blue"]);
    d.type("e");
    expect(d.options().map((o) => o.textContent)).toEqual(["✓ Red", "Green", "Blue"]);
    d.type("bl");
    expect(d.options().map((o) => o.textContent)).toEqual(["Blue"]);
    d.key("ArrowDown");
    expect(d.input.getAttribute("aria-activedescendant")).toBe(d.options()[0]!.id);
    d.key("Enter");
    expect(d.changes).toEqual(["b"]);
    expect(d.input.value).toBe("Blue");
    expect(d.input.getAttribute("aria-expanded")).toBe("false");
    expect(d.events).toContainEqual(["select", { index: 2, value: "b", selected: true }]);
    expect(d.events).toContainEqual(["key_up", { key: "ArrowDown", input_value: "bl" }]);
    expect(d.events[0]).toEqual(["focus", undefined]);
  });

  it("Escape closes the list and restores the chosen label; ArrowUp wraps to the last choice", () => {
    const d = mount({ choices: colours, label: "Colour" }, "g");
    act(() => d.input.focus());
    d.type("zzz");
    expect(d.options()).toHaveLength(0);
    expect(d.container.textContent).toContain("No matching choice");
    d.key("Escape");
    expect(d.input.getAttribute("aria-expanded")).toBe("false");
    expect(d.input.value).toBe("Green");
    d.key("ArrowUp");
    expect(d.input.getAttribute("aria-activedescendant")).toBe(d.options()[2]!.id);
    d.key("Enter");
    expect(d.changes).toEqual(["b"]);
  });

  it("a click on an option chooses it", () => {
    const d = mount({ choices: colours, label: "Colour" }, null);
    act(() => d.input.focus());
    act(() => d.options()[1]!.click());
    expect(d.changes).toEqual(["g"]);
    expect(d.input.value).toBe("Green");
  });

  it("a multiselect shows chips with remove buttons and stops at max_choices", () => {
    const d = mount({ choices: colours, label: "Colours", multiselect: true, max_choices: 2 }, ["r"]);
    const chips = () => [...d.container.querySelectorAll(".vt-dropdown-chip")].map((c) => c.firstChild!.textContent);
    expect(chips()).toEqual(["Red"]);
    act(() => d.input.focus());
    expect(d.container.querySelector("[role=listbox]")!.getAttribute("aria-multiselectable")).toBe("true");
    d.key("ArrowDown");
    d.key("ArrowDown");
    d.key("Enter");
    expect(chips()).toEqual(["Red", "Green"]);
    expect(d.input.getAttribute("aria-expanded")).toBe("true");
    // Full: Blue is disabled and a click does nothing.
    expect(d.options()[2]!.getAttribute("aria-disabled")).toBe("true");
    act(() => d.options()[2]!.click());
    expect(chips()).toEqual(["Red", "Green"]);
    const remove = d.container.querySelector<HTMLButtonElement>("button[aria-label='Remove Red']")!;
    act(() => remove.click());
    expect(chips()).toEqual(["Green"]);
    expect(d.events).toContainEqual(["select", { index: 0, value: "r", selected: false }]);
    act(() => d.options()[2]!.click());
    expect(chips()).toEqual(["Green", "Blue"]);
    d.key("Backspace");
    expect(chips()).toEqual(["Green"]);
    expect(d.changes).toEqual([["r", "g"], ["g"], ["g", "b"], ["g"]]);
  });

  it("with allow_custom_value, Enter and blur take the typed text", () => {
    const d = mount({ choices: colours, label: "Colour", allow_custom_value: true }, "r");
    act(() => d.input.focus());
    d.type("Teal");
    d.key("Enter");
    expect(d.changes).toEqual(["Teal"]);
    act(() => d.input.focus());
    d.type("Mauve");
    act(() => d.input.blur());
    expect(d.changes).toEqual(["Teal", "Mauve"]);
    expect(d.events.filter(([e]) => e === "blur")).toHaveLength(1);
  });
});
