/**
 * @jest-environment jsdom
 */
import { describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { CodeExample } from "./example.js";
import { CodeView, type CodeViewProps } from "./view.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const defaults: CodeViewProps = {
  language: "python", lines: 4, max_lines: null, wrap_lines: false, show_line_numbers: true, autocomplete: false, buttons: null,
};

/** Renders a CodeView into a fresh container; returns it, the root and the events fired. */
function mount(value: string | null, props: Partial<CodeViewProps> & { label?: string } = {}, interactive = true) {
  const events: [string, unknown][] = [];
  const changes: string[] = [];
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root: Root = createRoot(container);
  act(() => root.render(
    <CodeView id={1} interactive={interactive} status={{ stage: "idle" }} upload={async () => []} fileUrl={(f) => f.path}
      onChange={(v) => void changes.push(v ?? "")} dispatch={(e, d) => void events.push([e, d])}
      props={{ ...defaults, label: "Script", ...props }} value={value} />,
  ));
  return { container, root, events, changes };
}

describe("CodeView in a DOM", () => {
  it("shows the label and the code as text at once, before the editor has loaded", () => {
    const { container, root } = mount("def f(x):\n    return x\n");
    expect(container.querySelector(".vt-label")?.textContent).toBe("Script");
    expect(container.querySelector(".vt-code-fallback")?.textContent).toBe("def f(x):\n    return x\n");
    expect(container.querySelector<HTMLElement>(".vt-code-fallback")!.style.minHeight).toBe("calc(6em + 8px)");
    act(() => root.unmount());
  });

  it("offers a Download link named after the language, holding the code", () => {
    const { container, root } = mount("SELECT 1;", { language: "sql" });
    const link = container.querySelector<HTMLAnchorElement>("a[aria-label='Download']")!;
    expect(link.getAttribute("download")).toBe("file.sql");
    expect(decodeURIComponent(link.href.replace(/^data:text\/plain;charset=utf-8,/, ""))).toBe("SELECT 1;");
    act(() => root.unmount());
  });

  it("copies the code to the clipboard with the Copy button", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: { writeText: async (t: string) => void written.push(t) } });
    const { container, root } = mount('{"a": 1}', { language: "json" });
    const copy = container.querySelector<HTMLButtonElement>("button[aria-label='Copy']")!;
    await act(async () => copy.click());
    expect(written).toEqual(['{"a": 1}']);
    expect(container.querySelector("button[aria-label='Copied']")).not.toBeNull();
    act(() => root.unmount());
  });

  it("shows no buttons when buttons is empty, and no label when show_label is false", () => {
    const { container, root } = mount("x", { buttons: [], show_label: false } as Partial<CodeViewProps>);
    expect(container.querySelector("button, a")).toBeNull();
    expect(container.querySelector(".vt-label")).toBeNull();
    act(() => root.unmount());
  });

  it("the example view shows the start of the code in the monospace font", () => {
    const container = document.createElement("div");
    const root = createRoot(container);
    const long = "x = 1\n".repeat(30);
    act(() => root.render(<CodeExample value={long} props={{}} fileUrl={(f) => f.path} />));
    const code = container.querySelector("code")!;
    expect(code.textContent).toHaveLength(80);
    expect(code.textContent!.endsWith("…")).toBe(true);
    expect(code.title).toBe(long);
    act(() => root.unmount());
  });
});
