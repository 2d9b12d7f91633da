/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { ColorPickerView } from "./view.js";
import { ColorPickerExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function setInput(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  setter.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

describe("ColorPickerView in a DOM", () => {
  it("sets colours from the swatch and the hex field; fires submit, focus and blur", () => {
    const changes: unknown[] = [];
    const events: string[] = [];
    const container = document.createElement("div");
    document.body.appendChild(container);
    const root = createRoot(container);
    const render = (v: string | null) =>
      act(() =>
        root.render(
          <ColorPickerView id={1} value={v} interactive status={{ stage: "idle" }} upload={async () => []} fileUrl={(f) => f.path}
            onChange={(next) => { changes.push(next); render(next); }}
            dispatch={(e) => void events.push(e)} props={{ label: "Paint", info: "pick one" }} />,
        ),
      );
    render("#ff8800");
    const swatch = container.querySelector<HTMLInputElement>('input[aria-label="Paint"]')!;
    const hex = container.querySelector<HTMLInputElement>('input[aria-label="Paint hex"]')!;
    expect(swatch.type).toBe("color");
    expect(swatch.value).toBe("#ff8800");
    expect(hex.value).toBe("#ff8800");
    expect(container.querySelector("label")!.textContent).toBe("Paint");

    act(() => setInput(swatch, "#123456"));
    expect(changes).toEqual(["#123456"]);
    expect(hex.value).toBe("#123456");

    act(() => setInput(hex, "#AB"));
    expect(hex.getAttribute("aria-invalid")).toBe("true");
    act(() => setInput(hex, "#ABC"));
    expect(changes).toEqual(["#123456", "#aabbcc"]);
    expect(swatch.value).toBe("#aabbcc");

    act(() => hex.focus());
    act(() => hex.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
    act(() => hex.blur());
    expect(events).toEqual(["focus", "submit", "blur"]);
    act(() => root.unmount());
  });

  it("shows a swatch and the hex code as an example", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    act(() => root.render(<ColorPickerExample value="#0af" props={{}} fileUrl={(f) => f.path} />));
    expect(container.textContent).toBe("#00aaff");
    expect(container.querySelector<HTMLElement>(".vt-colorpicker-swatch")!.style.background).toMatch(/rgb\(0, 170, 255\)|#00aaff/);
    act(() => root.unmount());
  });
});
