/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { renderToStaticMarkup } from "react-dom/server";
import type { ViewProps } from "@vitrine/core";
import { FileExplorerView, type FileExplorerViewProps, type Paths, type TreeNode } from "./view.js";
import { FileExplorerExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** A folder tree as the server would list it: folder name → entries. */
const TREE: Record<string, TreeNode[]> = {
  "": [{ name: "docs", type: "folder", valid: true }, { name: "a.txt", type: "file", valid: true }, { name: "b.txt", type: "file", valid: true }],
  docs: [{ name: "deep", type: "folder", valid: true }, { name: "c.txt", type: "file", valid: true }],
  "docs/deep": [{ name: "e.txt", type: "file", valid: true }],
};

interface Recorded { changes: [Paths | null, unknown][]; events: [string, unknown][]; calls: [string, unknown][] }

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

async function mount(value: Paths | null, options: { interactive?: boolean; props?: Partial<FileExplorerViewProps>; failing?: boolean } = {}) {
  const rec: Recorded = { changes: [], events: [], calls: [] };
  const props: ViewProps<Paths | null, FileExplorerViewProps> = {
    id: 7, value, interactive: options.interactive ?? true, status: { stage: "idle" },
    props: { file_count: "multiple", root_dir: "/srv/files", glob: "**/*", ignore_glob: null, height: null, max_height: 500, min_height: null, label: "Files", ...options.props },
    onChange: (v, o) => void rec.changes.push([v, o]),
    dispatch: (e, d) => void rec.events.push([e, d]),
    upload: async () => [],
    fileUrl: (f) => f.path,
    callServer: async (fn, data) => {
      rec.calls.push([fn, data]);
      if (options.failing) throw new Error('FileExplorer: ".." is refused');
      return TREE[(data as string[]).join("/")] ?? [];
    },
  };
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root!.render(<FileExplorerView {...props} />));
  return { container, rec };
}

const box = (c: HTMLElement, name: string) => c.querySelector<HTMLInputElement>(`input[aria-label="${name}"]`);

describe("FileExplorerView in a DOM", () => {
  it("lists the root, opens a folder lazily, and ticks files into the value", async () => {
    const { container, rec } = await mount([]);
    expect(rec.calls).toEqual([["ls", []]]);
    expect([...container.querySelectorAll(".vt-fx-name")].map((n) => n.textContent)).toEqual(["docs/", "a.txt", "b.txt"]);
    expect(box(container, "docs/c.txt")).toBeNull();
    const expand = container.querySelector<HTMLButtonElement>('button[aria-label="Expand docs"]')!;
    expect(expand.getAttribute("aria-expanded")).toBe("false");
    await act(async () => expand.click());
    expect(rec.calls).toEqual([["ls", []], ["ls", ["docs"]]]);
    expect(container.querySelector('button[aria-label="Collapse docs"]')!.getAttribute("aria-expanded")).toBe("true");
    await act(async () => box(container, "docs/c.txt")!.click());
    expect(rec.changes).toEqual([[[["docs", "c.txt"]], { userInput: true }]]);
    expect(box(container, "a.txt")!.type).toBe("checkbox");
  });

  it("adds to and removes from the chosen files", async () => {
    const { container, rec } = await mount([["a.txt"]]);
    expect(box(container, "a.txt")!.checked).toBe(true);
    await act(async () => box(container, "b.txt")!.click());
    await act(async () => box(container, "a.txt")!.click());
    expect(rec.changes.map(([v]) => v)).toEqual([[["a.txt"], ["b.txt"]], []]);
  });

  it("opens the folders holding chosen files at first", async () => {
    const { container, rec } = await mount([["docs", "deep", "e.txt"]]);
    expect(rec.calls.map(([, d]) => d)).toEqual([[], ["docs"], ["docs", "deep"]]);
    expect(box(container, "docs/deep/e.txt")!.checked).toBe(true);
  });

  it("ticks every file beneath a folder with its checkbox, and unticks them with it", async () => {
    const { container, rec } = await mount([["a.txt"]]);
    await act(async () => box(container, "docs/")!.click());
    expect(rec.changes.at(-1)).toEqual([[["a.txt"], ["docs", "deep", "e.txt"], ["docs", "c.txt"]], { userInput: true }]);
    expect(box(container, "docs/")!.checked).toBe(true);
    // The folder opened to show what it holds, its subfolders too, ticked with it.
    expect(container.querySelector('button[aria-label="Collapse docs"]')).not.toBeNull();
    expect(box(container, "docs/deep/")!.checked).toBe(true);
    expect(box(container, "docs/deep/e.txt")).not.toBeNull();
    await act(async () => box(container, "docs/")!.click());
    expect(rec.changes.at(-1)).toEqual([[["a.txt"]], { userInput: true }]);
    expect(box(container, "docs/")!.checked).toBe(false);
  });

  it("offers one choice with file_count single (radio buttons)", async () => {
    const { container, rec } = await mount([["a.txt"]], { props: { file_count: "single" } });
    expect(box(container, "b.txt")!.type).toBe("radio");
    expect(box(container, "docs/")).toBeNull();
    await act(async () => box(container, "b.txt")!.click());
    expect(rec.changes).toEqual([[[["b.txt"]], { userInput: true }]]);
  });

  it("shows chosen files without controls when not interactive, and fires select on a name", async () => {
    const { container, rec } = await mount([["b.txt"]], { interactive: false });
    expect(container.querySelector("input")).toBeNull();
    expect(container.querySelector(".vt-fx-chosen .vt-fx-name")!.textContent).toBe("b.txt");
    await act(async () => container.querySelectorAll<HTMLElement>(".vt-fx-name")[1]!.click());
    expect(rec.events).toEqual([["select", { index: [1], value: "a.txt", selected: true }]]);
  });

  it("shows the server's refusal", async () => {
    const { container } = await mount(null, { failing: true });
    expect(container.querySelector('[role="alert"]')!.textContent).toBe('FileExplorer: ".." is refused');
  });

  it("sizes the tree from height, max_height and min_height", async () => {
    const { container } = await mount(null, { props: { height: 300, max_height: "40vh", min_height: 100 } });
    const tree = container.querySelector<HTMLElement>(".vt-fx")!;
    expect([tree.style.height, tree.style.maxHeight, tree.style.minHeight]).toEqual(["300px", "40vh", "100px"]);
  });

  it("has an example view listing up to three paths", () => {
    const html = renderToStaticMarkup(
      <FileExplorerExample value={[["a.txt"], ["docs", "c.txt"], ["b"], ["c"]]} props={{}} fileUrl={(f) => f.path} />,
    );
    expect(html).toContain("<code>./docs/c.txt</code>");
    expect(html).toContain("…");
    expect(html).not.toContain("./c<");
  });
});
