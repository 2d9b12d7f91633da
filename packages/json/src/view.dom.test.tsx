/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { JsonView } from "./view.js";
import { JsonExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(value: unknown, props: Record<string, unknown>) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(
    <JsonView id={1} interactive={false} status={{ stage: "idle" }} onChange={() => {}} dispatch={() => {}} upload={async () => []} fileUrl={(f) => f.path}
      props={{ open: false, show_indices: false, height: null, max_height: 500, min_height: null, label: "Data", ...props } as never}
      value={value as never} />,
  ));
  return { container, root };
}

describe("JsonView in a DOM", () => {
  it("shows the top level, and folds and unfolds a nested object with its button", () => {
    const { container, root } = render({ name: "Ada", tags: ["a", "b"], nested: { deep: 7 } }, {});
    expect(container.querySelector("[role=tree]")!.getAttribute("aria-label")).toBe("Data");
    expect(container.textContent).toContain('"name": "Ada"');
    expect(container.textContent).not.toContain('"deep"');
    const toggle = container.querySelector<HTMLButtonElement>('button[aria-label="Expand \\"nested\\""]')!;
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    act(() => toggle.click());
    expect(container.textContent).toContain('"deep": 7');
    const collapse = container.querySelector<HTMLButtonElement>('button[aria-label="Collapse \\"nested\\""]')!;
    act(() => collapse.click());
    expect(container.textContent).not.toContain('"deep"');
    act(() => root.unmount());
  });

  it("shows the copy button by default and with buttons: [\"copy\"], and none with buttons: []", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    for (const buttons of [null, ["copy"]]) {
      const { container, root } = render({ a: [1, 2] }, { buttons });
      const copy = container.querySelector<HTMLButtonElement>('button[aria-label="Copy JSON"]')!;
      await act(async () => copy.click());
      expect(copy.textContent).toBe("Copied");
      act(() => root.unmount());
    }
    expect(written).toEqual(['{\n  "a": [\n    1,\n    2\n  ]\n}', '{\n  "a": [\n    1,\n    2\n  ]\n}']);
    const { container, root } = render({ a: 1 }, { buttons: [] });
    expect(container.querySelector('button[aria-label="Copy JSON"]')).toBeNull();
    act(() => root.unmount());
  });

  it("sizes the tree from height and min_height", () => {
    const { container, root } = render({ a: 1 }, { height: 120, min_height: "3em", max_height: null });
    const tree = container.querySelector<HTMLElement>(".vt-json-tree")!;
    expect(tree.style.height).toBe("120px");
    expect(tree.style.minHeight).toBe("3em");
    expect(tree.style.maxHeight).toBe("");
    act(() => root.unmount());
  });

  it("opens everything with open, and shows array indices with show_indices", () => {
    const { container, root } = render({ list: [{ x: 1 }, 2] }, { open: true, show_indices: true });
    expect(container.textContent).toContain('"x": 1');
    expect(container.textContent).toMatch(/0: \{/);
    expect(container.textContent).toContain("1: 2");
    expect(container.querySelector<HTMLElement>(".vt-json-tree")!.style.maxHeight).toBe("500px");
    act(() => root.unmount());
  });

  it("previews a value on one line", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    act(() => root.render(<JsonExample value={{ a: [1, 2] }} props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe('{"a":[1,2]}');
    act(() => root.unmount());
  });
});
