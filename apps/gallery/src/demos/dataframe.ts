import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as vt from "vitrine";

/** The order lines the demo starts with. */
export const ORDER: vt.DataframeReturn = {
  headers: ["item", "price", "quantity", "in stock"],
  data: [
    ["Tea", 4.5, 2, true],
    ["Jam", 3.25, 4, true],
    ["Honey", 7, 1, false],
    ["Bread", 2.8, 10, true],
    ["Cheese", 12.4, 3, false],
  ],
};

/** A small SVG picture as a data URL (the "image" column's cells are image URLs). */
function picture(shape: string): string {
  return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${shape}</svg>`)}`;
}

/** Shapes, their area as a formula ("markdown" cells typeset with KaTeX) and a picture ("image" cells). */
export const SHAPES: vt.DataframeReturn = {
  headers: ["shape", "area", "picture"],
  data: [
    ["Circle", "$\\pi r^2$", picture('<circle cx="16" cy="16" r="12" fill="#f97316"/>')],
    ["Square", "$a^2$", picture('<rect x="4" y="4" width="24" height="24" fill="#3b82f6"/>')],
    ["Triangle", "$\\tfrac{1}{2}\\,b\\,h$", picture('<path d="M16 4 L28 28 L4 28 Z" fill="#22c55e"/>')],
  ],
};

/** The totals' columns. */
const TOTAL_HEADERS = ["item", "price", "quantity", "in stock", "total"];

/** Writes the totals to a CSV file in a new temporary folder and returns its path twice: to download, and to read back as a table. */
export async function saveTotalsCsv(rows: vt.CellValue[][]): Promise<[string, string]> {
  const path = join(await mkdtemp(join(tmpdir(), "vitrine-totals-")), "totals.csv");
  await writeFile(path, `${vt.toCsv([TOTAL_HEADERS, ...rows])}\n`);
  return [path, path];
}

/** An order line as the function receives it (`type: "records"`). */
type Line = vt.DataframeRecord;

/** Adds a `total` column: price × quantity, to the cent (empty cells count as 0). */
export function addTotals(lines: Line[]): Line[] {
  return lines.map((line) => ({ ...line, total: Math.round(Number(line.price ?? 0) * Number(line.quantity ?? 0) * 100) / 100 }));
}

/** `n` generated rows: an index, a label, a value and a flag. */
export function generateRows(n: number): vt.CellValue[][] {
  const count = Math.max(0, Math.min(1_000_000, Math.floor(n)));
  return Array.from({ length: count }, (_, i) => [i + 1, `row ${i + 1}`, Math.round(((i * 7919) % 10007) / 10.007) / 100, i % 3 === 0]);
}

/** What the select event reports: the cell's place and value, and its row and column. */
export function describeSelection(ctx: vt.EventContext<vt.DataframeEventData["select"]>): string {
  const { index, value, row_value, col_value } = ctx.event;
  return `[${index[0]}, ${index[1]}] = ${JSON.stringify(value)}; row ${JSON.stringify(row_value)}; column has ${col_value.length} cells`;
}

/**
 * Dataframe: an editable order (search, copy, row numbers) whose lines go to a function as records
 * and come back with a computed total column, which another function saves as a CSV file (shown
 * as a file and, read back, as a table); select and edit are reported; a table of formulas and
 * pictures; a button generates a 100,000-row table (virtualised: only the rows in view are in
 * the page).
 */
export function dataframe() {
  return vt.Blocks({ title: "Dataframe" }, () => {
    vt.Markdown("# Dataframe\nEdit the order (double-click or Enter; Enter or Tab commits, Escape cancels), sort by a header, search, then compute the totals.");
    const order = vt.Dataframe({
      label: "Order",
      type: "records",
      value: ORDER,
      headers: ["item", "price", "quantity", "in stock"],
      datatype: ["str", "number", "number", "bool"],
      interactive: true,
      show_search: "search",
      show_copy_button: true,
      show_row_numbers: true,
      column_widths: [160, 100, 100, 100],
    });
    const totals = vt.Dataframe({
      label: "Totals",
      headers: ["item", "price", "quantity", "in stock", "total"],
      datatype: ["str", "number", "number", "bool", "number"],
      show_copy_button: true,
      // (An input of "Save totals as CSV" too, but computed: not for editing.)
      interactive: false,
    });
    vt.Button("Compute totals").click({ fn: addTotals, inputs: [order], outputs: [totals], api_name: "totals" });
    vt.Row(() => {
      const saved = vt.File({ label: "Totals as CSV" });
      const reread = vt.Dataframe({ label: "Read back from the CSV", datatype: ["str", "number", "number", "bool", "number"] });
      vt.Button("Save totals as CSV").click({ fn: saveTotalsCsv, inputs: [totals], outputs: [saved, reread], api_name: "save_csv" });
    });
    vt.Examples({
      label: "Orders",
      examples: [[[["Coffee", 9.9, 1, true], ["Milk", 1.2, 6, true], ["Sugar", 2, 2, false], ["Cocoa", 5.5, 1, true]]], [{ headers: ["item", "price", "quantity", "in stock"], data: [["Apples", 0.5, 12, true]] }]],
      inputs: [order],
    });
    vt.Row(() => {
      const selected = vt.Textbox({ label: "Selected cell", interactive: false });
      const edited = vt.Textbox({ label: "Last edit", interactive: false });
      order.select({ fn: describeSelection, outputs: [selected], api_name: false });
      order.edit({
        fn: (ctx: vt.EventContext<vt.DataframeEventData["edit"]>) =>
          `[${ctx.event.index.join(", ")}]: ${JSON.stringify(ctx.event.previous_value)} → ${JSON.stringify(ctx.event.value)}`,
        outputs: [edited],
        api_name: false,
      });
    });
    vt.Dataframe({
      label: "Shapes",
      value: SHAPES,
      datatype: ["str", "markdown", "image"],
      latex_delimiters: [{ left: "$", right: "$", display: false }],
      interactive: false,
    });
    vt.Row(() => {
      const rows = vt.Number({ label: "Rows to generate", value: 100_000, precision: 0, minimum: 0, maximum: 1_000_000 });
      const generated = vt.Dataframe({
        label: "Generated",
        headers: ["n", "label", "value", "flag"],
        datatype: ["number", "str", "number", "bool"],
        max_height: 400,
        show_search: "filter",
        pinned_columns: 1,
        show_fullscreen_button: true,
      });
      vt.Button("Generate rows").click({
        fn: (n: number) => ({ headers: ["n", "label", "value", "flag"], data: generateRows(n) }),
        inputs: [rows],
        outputs: [generated],
        api_name: "generate",
      });
    });
  });
}
