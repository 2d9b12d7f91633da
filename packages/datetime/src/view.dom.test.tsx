/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { DateTimeView, type DateTimeViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function setInput(input: HTMLInputElement, text: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
  setter.call(input, text);
  input.dispatchEvent(new Event("input", { bubbles: true }));
}

function mount(value: string | null, props: Partial<DateTimeViewProps> = {}) {
  const changes: unknown[] = [];
  const events: string[] = [];
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  const render = (v: string | null) =>
    act(() =>
      root.render(
        <DateTimeView id={1} value={v} interactive status={{ stage: "idle" }} upload={async () => []} fileUrl={(f) => f.path}
          onChange={(next) => { changes.push(next); render(next); }}
          dispatch={(e) => void events.push(e)}
          props={{ include_time: true, type: "timestamp", timezone: null, label: "When", ...props }} />,
      ),
    );
  render(value);
  const q = (label: string) => container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!;
  return { container, root, changes, events, q };
}

describe("DateTimeView in a DOM", () => {
  it("sets typed text on Enter and fires submit; relative values are accepted", () => {
    const { q, changes, events, root } = mount("2024-03-15 12:00:00");
    const text = q("When");
    expect(text.value).toBe("2024-03-15 12:00:00");
    expect(q("When picker").type).toBe("datetime-local");
    expect(q("When picker").value).toMatch(/^2024-03-15T12:00(:00)?$/);
    act(() => setInput(text, "now - 2h30m"));
    expect(changes).toEqual([]);
    act(() => text.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
    expect(changes).toEqual(["now - 2h30m"]);
    expect(events).toEqual(["submit"]);
    act(() => root.unmount());
  });

  it("marks text in no known form invalid with a message, and does not send it", () => {
    const { q, changes, events, container, root } = mount(null);
    const text = q("When");
    act(() => setInput(text, "tomorrow-ish"));
    expect(text.getAttribute("aria-invalid")).toBe("true");
    expect(container.querySelector('[role="alert"]')!.textContent).toMatch(/Expected YYYY-MM-DD HH:MM:SS/);
    act(() => text.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
    expect(changes).toEqual([]);
    expect(events).toEqual([]);
    act(() => root.unmount());
  });

  it("uses a date picker without include_time and sets what is picked", () => {
    const { q, changes, root } = mount("2024-03-15", { include_time: false });
    const picker = q("When picker");
    expect(picker.type).toBe("date");
    expect(picker.value).toBe("2024-03-15");
    act(() => {
      setInput(picker, "2024-04-01");
      picker.dispatchEvent(new Event("change", { bubbles: true }));
    });
    expect(changes).toEqual(["2024-04-01"]);
    expect(q("When").value).toBe("2024-04-01");
    act(() => root.unmount());
  });
});
