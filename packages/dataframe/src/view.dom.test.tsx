/**
 * @jest-environment jsdom
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import type { DataframeData } from "./cells.js";
import { DataframeView, type DataframeViewProps } from "./view.js";
import { DataframeExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const baseProps: DataframeViewProps & { label: string } = {
  label: "People",
  headers: ["name", "age", "member"],
  row_count: [1, "dynamic"],
  col_count: [3, "dynamic"],
  row_limits: null,
  column_limits: null,
  datatype: ["str", "number", "bool"],
  max_height: 400,
  wrap: false,
  line_breaks: true,
  column_widths: [],
  show_fullscreen_button: false,
  show_copy_button: false,
  show_row_numbers: false,
  max_chars: null,
  show_search: "search",
  pinned_columns: null,
  static_columns: [],
};

const people: DataframeData = {
  headers: ["name", "age", "member"],
  data: [["Tim", 12, false], ["Ada", 36, true], ["Bob", 9, false]],
  metadata: null,
};

let root: Root | null = null;
let container: HTMLDivElement;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  container?.remove();
});

/** Renders the view with a value store that follows onChange, recording changes and events. */
function mount(value: DataframeData, props: Partial<DataframeViewProps> & { label?: string } = {}, interactive = true) {
  const changes: DataframeData[] = [];
  const events: [string, unknown][] = [];
  container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  let current = value;
  const render = () =>
    root!.render(
      <DataframeView id={1} interactive={interactive} status={{ stage: "idle" }} upload={async () => []} fileUrl={(f) => f.path}
        dispatch={(e, d) => void events.push([e, d])}
        onChange={(v) => { current = v!; changes.push(v!); render(); }}
        props={{ ...baseProps, ...props }} value={current} />,
    );
  act(render);
  return { changes, events };
}

const grid = () => container.querySelector<HTMLTableElement>("table[role=grid]")!;
const bodyRows = () => [...container.querySelectorAll("tbody tr[role=row]")];
const rowTexts = () => bodyRows().map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));
const cell = (text: string) => [...container.querySelectorAll<HTMLTableCellElement>("td[role=gridcell]")].find((td) => td.textContent === text)!;
const key = (target: Element, k: string, init: KeyboardEventInit = {}) =>
  act(() => void target.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, ...init })));

describe("DataframeView in a DOM", () => {
  it("shows a grid with its headers and rows, bool cells as checkboxes", () => {
    mount(people);
    expect(grid().getAttribute("aria-label")).toBe("People");
    expect(grid().getAttribute("aria-rowcount")).toBe("4");
    expect([...container.querySelectorAll("thead th")].map((th) => th.querySelector(".vt-df-head-text")!.textContent)).toEqual(["name", "age", "member"]);
    expect(rowTexts()).toEqual([["Tim", "12", ""], ["Ada", "36", ""], ["Bob", "9", ""]]);
    const boxes = container.querySelectorAll<HTMLInputElement>("input[type=checkbox]");
    expect([...boxes].map((b) => b.checked)).toEqual([false, true, false]);
  });

  it("selects a cell: select carries [row, col], value, row_value and col_value", () => {
    const { events } = mount(people);
    act(() => cell("Ada").click());
    expect(events).toEqual([["select", { index: [1, 0], value: "Ada", row_value: ["Ada", 36, true], col_value: ["Tim", "Ada", "Bob"], selected: true }]]);
    expect(cell("Ada").getAttribute("aria-selected")).toBe("true");
  });

  it("edits with Enter: the number typed becomes a number; edit, then change with the new value", () => {
    const { changes, events } = mount(people);
    act(() => cell("36").click());
    key(grid(), "Enter");
    const input = container.querySelector<HTMLInputElement>("input.vt-df-input")!;
    expect(input.getAttribute("aria-label")).toBe("Edit age, row 2");
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      setter.call(input, "37");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    key(input, "Enter");
    expect(changes.at(-1)!.data[1]).toEqual(["Ada", 37, true]);
    expect(events.at(-1)).toEqual(["edit", { index: [1, 1], value: 37, previous_value: 36 }]);
    expect(container.querySelector("input.vt-df-input")).toBeNull();
  });

  it("Escape cancels an edit; typing starts one; Delete empties a cell; a checkbox toggles", () => {
    const { changes } = mount(people);
    act(() => cell("Tim").click());
    key(grid(), "Enter");
    key(container.querySelector("input.vt-df-input")!, "Escape");
    expect(changes).toHaveLength(0);
    key(grid(), "Z");
    expect(container.querySelector<HTMLInputElement>("input.vt-df-input")!.value).toBe("Z");
    key(container.querySelector("input.vt-df-input")!, "Tab");
    expect(changes.at(-1)!.data[0]).toEqual(["Z", 12, false]);
    // Tab moved the selection right, to the age.
    key(grid(), "Delete");
    expect(changes.at(-1)!.data[0]).toEqual(["Z", null, false]);
    act(() => container.querySelectorAll<HTMLInputElement>("input[type=checkbox]")[2]!.click());
    expect(changes.at(-1)!.data[2]).toEqual(["Bob", 9, true]);
  });

  it("selects a range with Shift+click, Shift+arrows and a drag; Delete empties it", () => {
    const { changes } = mount(people);
    const selectedTexts = () => [...container.querySelectorAll("td[aria-selected=true]")].map((td) => td.textContent);
    act(() => cell("Tim").click());
    act(() => cell("36").dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true })));
    expect(selectedTexts()).toEqual(["Tim", "12", "Ada", "36"]);
    expect(container.querySelectorAll("td.vt-df-in-range")).toHaveLength(4);
    key(grid(), "ArrowDown", { shiftKey: true });
    expect(selectedTexts()).toEqual(["Tim", "12", "Ada", "36", "Bob", "9"]);
    // A plain arrow key collapses it to one cell.
    key(grid(), "ArrowUp");
    expect(selectedTexts()).toEqual(["36"]);
    // A drag from Ada to 9.
    act(() => void cell("Ada").dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 })));
    act(() => void cell("9").dispatchEvent(new MouseEvent("mouseover", { bubbles: true })));
    act(() => void window.dispatchEvent(new MouseEvent("mouseup")));
    expect(selectedTexts()).toEqual(["Ada", "36", "Bob", "9"]);
    key(grid(), "Delete");
    expect(changes.at(-1)!.data).toEqual([["Tim", 12, false], ["", null, true], ["", null, false]]);
    // Escape drops the selection.
    key(grid(), "Escape");
    expect(selectedTexts()).toEqual([]);
  });

  it("pastes a spreadsheet's block at the selected cell, adding rows; one value fills a range", async () => {
    const { changes } = mount(people);
    const paste = async (text: string) => {
      const event = new Event("paste", { bubbles: true, cancelable: true });
      Object.defineProperty(event, "clipboardData", { value: { getData: (type: string) => (type === "text/plain" ? text : "") } });
      await act(async () => {
        grid().dispatchEvent(event);
        for (let i = 0; i < 50 && changes.length === before; i++) await new Promise((r) => setTimeout(r, 10));
      });
      return event.defaultPrevented;
    };
    let before = changes.length;
    act(() => cell("Ada").click());
    expect(await paste("Eve\t41\ttrue\r\nMax\t7\tfalse\r\nZoe\t19\ttrue\r\n")).toBe(true);
    expect(changes.at(-1)!.data).toEqual([["Tim", 12, false], ["Eve", 41, true], ["Max", 7, false], ["Zoe", 19, true]]);
    // The pasted block is selected.
    expect([...container.querySelectorAll("td[aria-selected=true]")].map((td) => td.textContent)).toEqual(["Eve", "41", "", "Max", "7", "", "Zoe", "19", ""]);
    // One value over the selected range fills it.
    before = changes.length;
    act(() => cell("41").click());
    act(() => cell("19").dispatchEvent(new MouseEvent("click", { bubbles: true, shiftKey: true })));
    await paste("0");
    expect(changes.at(-1)!.data.map((r) => r[1])).toEqual([12, 0, 0, 0]);
  });

  it("a read-only table takes no paste", async () => {
    const { changes } = mount(people, {}, false);
    act(() => cell("Ada").click());
    const event = new Event("paste", { bubbles: true, cancelable: true });
    Object.defineProperty(event, "clipboardData", { value: { getData: () => "X" } });
    act(() => void grid().dispatchEvent(event));
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(event.defaultPrevented).toBe(false);
    expect(changes).toHaveLength(0);
  });

  it("sorts by a header click (numbers numerically: asc, desc, none) without changing the value", () => {
    const { changes } = mount(people);
    const sortAge = () => act(() => container.querySelectorAll<HTMLButtonElement>("thead .vt-df-sort")[1]!.click());
    sortAge();
    expect(rowTexts().map((r) => r[0])).toEqual(["Bob", "Tim", "Ada"]);
    expect(container.querySelectorAll("thead th")[1]!.getAttribute("aria-sort")).toBe("ascending");
    sortAge();
    expect(rowTexts().map((r) => r[0])).toEqual(["Ada", "Tim", "Bob"]);
    sortAge();
    expect(rowTexts().map((r) => r[0])).toEqual(["Tim", "Ada", "Bob"]);
    expect(changes).toHaveLength(0);
  });

  it("searches: only matching rows show, and the value is unchanged", () => {
    const { changes } = mount(people);
    const search = container.querySelector<HTMLInputElement>("input[type=search]")!;
    expect(search.getAttribute("aria-label")).toBe("Search People");
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(search, "b");
      search.dispatchEvent(new Event("input", { bubbles: true }));
    });
    expect(rowTexts().map((r) => r[0])).toEqual(["Bob"]);
    expect(grid().getAttribute("aria-rowcount")).toBe("2");
    expect(changes).toHaveLength(0);
  });

  it("filters by a column and a condition in filter mode", () => {
    mount(people, { show_search: "filter" });
    const choose = (label: string, value: string) => {
      const select = container.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`)!;
      act(() => {
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
      });
    };
    const type = (text: string) => {
      const search = container.querySelector<HTMLInputElement>("input[type=search]")!;
      act(() => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(search, text);
        search.dispatchEvent(new Event("input", { bubbles: true }));
      });
    };
    choose("Search People in column", "1");
    choose("Filter People by", ">");
    type("10");
    expect(rowTexts().map((r) => r[0])).toEqual(["Tim", "Ada"]);
    choose("Filter People by", "<");
    expect(rowTexts().map((r) => r[0])).toEqual(["Bob"]);
  });

  it("adds and deletes rows and columns", () => {
    const { changes } = mount(people);
    const button = (name: string) => [...container.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === name)!;
    act(() => button("Add row").click());
    expect(changes.at(-1)!.data).toHaveLength(4);
    expect(changes.at(-1)!.data[3]).toEqual(["", "", false]);
    act(() => cell("Tim").click());
    act(() => button("Delete row").click());
    expect(changes.at(-1)!.data.map((r) => r[0])).toEqual(["Ada", "Bob", ""]);
    act(() => button("Add column").click());
    expect(changes.at(-1)!.headers).toEqual(["name", "age", "member", "4"]);
    act(() => button("Delete column").click());
    expect(changes.at(-1)!.headers).toEqual(["name", "age", "member"]);
  });

  it("fixed counts and static columns hide the buttons and lock cells; an output is read-only", () => {
    mount(people, { row_count: [3, "fixed"], col_count: [3, "fixed"], static_columns: [0] });
    expect([...container.querySelectorAll("button")].map((b) => b.textContent)).not.toContain("Add row");
    expect(cell("Tim").getAttribute("aria-readonly")).toBe("true");
    expect(cell("12").getAttribute("aria-readonly")).toBe("false");
    act(() => root!.unmount());
    root = null;
    mount(people, {}, false);
    expect([...container.querySelectorAll("button")].map((b) => b.textContent)).not.toContain("Add row");
    act(() => cell("Tim").click());
    key(grid(), "Enter");
    expect(container.querySelector("input.vt-df-input")).toBeNull();
  });

  it("renders markdown, sanitizes html, cuts long text at max_chars, numbers rows", () => {
    mount(
      { headers: ["md", "html", "text"], data: [["**bold**", '<i>it</i><img src="x" onerror="alert(1)"><script>alert(2)</script>', "abcdefghij"]], metadata: null },
      { datatype: ["markdown", "html", "str"], max_chars: 4, show_row_numbers: true, headers: ["md", "html", "text"] },
    );
    const tds = bodyRows()[0]!.querySelectorAll("td");
    expect(tds[0]!.querySelector("strong")!.textContent).toBe("bold");
    expect(tds[1]!.querySelector("i")!.textContent).toBe("it");
    expect(tds[1]!.querySelector("script")).toBeNull();
    expect(tds[1]!.querySelector("img")!.getAttribute("onerror")).toBeNull();
    expect(tds[2]!.textContent).toBe("abcd…");
    expect(bodyRows()[0]!.querySelector("th")!.textContent).toBe("1");
  });

  it("typesets formulas in markdown cells with KaTeX (loaded once one holds a formula), with the table's delimiters", async () => {
    mount(
      { headers: ["law", "note"], data: [["Energy: $E = mc^2$", "$$\\int_0^1 x\\,dx$$"], ["plain", "no math: $5 and $6"]], metadata: null },
      { datatype: ["markdown", "markdown"], headers: ["law", "note"], latex_delimiters: [{ left: "$$", right: "$$", display: true }, { left: "$", right: "$", display: false }] },
    );
    const tds = () => bodyRows()[0]!.querySelectorAll("td");
    // Until KaTeX is loaded, formulas show as their source.
    expect(tds()[0]!.textContent).toContain("E = mc^2");
    for (let i = 0; i < 100 && !tds()[0]!.querySelector(".katex"); i++) await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(tds()[0]!.querySelector(".katex")).not.toBeNull();
    expect(tds()[1]!.querySelector(".katex-display")).not.toBeNull();
    expect(tds()[0]!.textContent).toMatch(/^Energy: /);
    // Prices are left alone.
    expect(bodyRows()[1]!.querySelectorAll("td")[1]!.querySelector(".katex")).toBeNull();
  });

  it("shows an image column's URLs as images; a URL of another scheme shows as text", () => {
    const dot = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/%3E";
    mount(
      { headers: ["name", "photo"], data: [["dot", dot], ["web", "https://example.com/cat.png"], ["bad", "javascript:alert(1)"], ["none", null]], metadata: null },
      { datatype: ["str", "image"], headers: ["name", "photo"] },
    );
    const photo = (r: number) => bodyRows()[r]!.querySelectorAll("td")[1]!;
    expect(photo(0).querySelector("img")!.getAttribute("src")).toBe(dot);
    expect(photo(0).querySelector("img")!.getAttribute("alt")).toBe("photo, row 1");
    expect(photo(1).querySelector("img")!.getAttribute("src")).toBe("https://example.com/cat.png");
    expect(photo(2).querySelector("img")).toBeNull();
    expect(photo(2).textContent).toBe("javascript:alert(1)");
    expect(photo(3).querySelector("img")).toBeNull();
  });

  it("keeps only a screenful of a 100,000-row table in the DOM", () => {
    const data = Array.from({ length: 100_000 }, (_, i) => [i, `row ${i}`]);
    mount({ headers: ["n", "text"], data, metadata: null }, { headers: ["n", "text"], datatype: ["number", "str"] });
    expect(grid().getAttribute("aria-rowcount")).toBe("100001");
    const shown = bodyRows().length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(60);
  });

  it("renames a header on double-click; shows metadata's display values and styles; limits rows; goes full screen", () => {
    const { changes } = mount(
      { ...people, metadata: { display_value: [["T.", "twelve", "no"], ["A.", "36", "yes"], ["B.", "9", "no"]], styling: [["color: red", "", ""], ["", "", ""], ["", "", ""]] } },
      { row_limits: [1, 3], show_fullscreen_button: true },
    );
    expect(rowTexts()[0]!.slice(0, 2)).toEqual(["T.", "twelve"]);
    expect(bodyRows()[0]!.querySelector("td")!.style.color).toBe("red");
    const addRow = [...container.querySelectorAll<HTMLButtonElement>("button")].find((b) => b.textContent === "Add row")!;
    expect(addRow.disabled).toBe(true);
    act(() => container.querySelectorAll("thead th")[0]!.dispatchEvent(new MouseEvent("dblclick", { bubbles: true })));
    const input = container.querySelector<HTMLInputElement>('input[aria-label="Edit header 1"]')!;
    act(() => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!.call(input, "who");
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    key(input, "Enter");
    expect(changes.at(-1)!.headers).toEqual(["who", "age", "member"]);
    // A user's edit leaves the display metadata behind.
    expect(changes.at(-1)!.metadata).toBeNull();
    const full = container.querySelector<HTMLButtonElement>('button[aria-label="Full screen"]')!;
    act(() => full.click());
    expect(container.querySelector(".vt-df-fullscreen")!.getAttribute("role")).toBe("dialog");
    act(() => container.querySelector<HTMLButtonElement>('button[aria-label="Exit full screen"]')!.click());
    expect(container.querySelector(".vt-df-fullscreen")).toBeNull();
  });

  it("the example view shows the first rows", () => {
    container = document.createElement("div");
    document.body.appendChild(container);
    root = createRoot(container);
    act(() => root!.render(<DataframeExample value={{ headers: ["a"], data: [[1], [2], [3], [4], [5]], metadata: null }} props={{}} fileUrl={(f) => f.path} />));
    expect([...container.querySelectorAll("td")].map((td) => td.textContent)).toEqual(["1", "2", "3", "… 2 more rows"]);
  });
});
