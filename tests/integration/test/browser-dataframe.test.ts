/**
 * Dataframe in a real browser (the gallery's `dataframe` demo): a cell edited with the keyboard
 * reaches the function (`edit` reported); rows are added and deleted; a header click sorts and the
 * search box filters what is shown without changing the value; `select` carries the row and column;
 * the copy button and Ctrl+C put CSV/TSV on the clipboard; a 100,000-row output scrolls to its last
 * row while the page holds only a screenful of rows, and its filter picks rows by a column's number;
 * formulas in "markdown" cells are typeset (KaTeX and its stylesheet served beside the view) and
 * "image" cells show their pictures; the totals saved as a CSV file come back as a file and, read
 * from that file, as a table.
 */
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { dataframe } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** The texts of a grid's body rows as shown (cells only; row numbers left out). */
function shownRows(grid: Locator): Promise<string[][]> {
  return grid.evaluate((table) =>
    [...table.querySelectorAll("tbody tr[role=row]")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => (td.querySelector("input[type=checkbox]") ? String((td.querySelector("input") as HTMLInputElement).checked) : td.textContent ?? "")),
    ),
  );
}

/** Waits until the grid shows `expected` rows. */
async function waitForRows(grid: Locator, expected: string[][]): Promise<void> {
  const seen = await pollUntil(() => shownRows(grid), (rows) => JSON.stringify(rows) === JSON.stringify(expected));
  expect(seen).toEqual(expected);
}

/** Computes the totals and returns the Totals grid's rows once they show `rows` lines. */
async function computeTotals(page: Page, expected: string[][]): Promise<void> {
  await page.getByRole("button", { name: "Compute totals", exact: true }).click();
  await waitForRows(page.getByRole("grid", { name: "Totals" }), expected);
}

const ORDER_ROWS = [
  ["Tea", "4.5", "2", "true"],
  ["Jam", "3.25", "4", "true"],
  ["Honey", "7", "1", "false"],
  ["Bread", "2.8", "10", "true"],
  ["Cheese", "12.4", "3", "false"],
];

/** The starting order's rows with their totals column. */
const ORDER_TOTALS = [
  ["Tea", "4.5", "2", "true", "9"],
  ["Jam", "3.25", "4", "true", "13"],
  ["Honey", "7", "1", "false", "7"],
  ["Bread", "2.8", "10", "true", "28"],
  ["Cheese", "12.4", "3", "false", "37.2"],
];

describe("Dataframe in the browser", () => {
  const suite = useBrowserSuite({ dataframe: { create: dataframe, description: "Dataframe" } });

  it("edits cells with the keyboard and the function sees the new values; edit is reported", async () => {
    const page = await suite.open("dataframe");
    const order = page.getByRole("grid", { name: "Order" });
    await waitForRows(order, ORDER_ROWS);
    // Double-click edits; Enter commits.
    await order.getByRole("gridcell", { name: "Jam", exact: true }).dblclick();
    const jam = page.getByLabel("Edit item, row 2", { exact: true });
    await jam.fill("Marmalade");
    await jam.press("Enter");
    await waitForValue(page, "Last edit", '[1, 0]: "Jam" → "Marmalade"');
    // Select, Enter edits, typing replaces, Tab commits; Escape cancels an edit.
    await order.getByRole("gridcell", { name: "2", exact: true }).click();
    await page.keyboard.press("Enter");
    await page.getByLabel("Edit quantity, row 1", { exact: true }).fill("5");
    await page.keyboard.press("Tab");
    await waitForValue(page, "Last edit", "[0, 2]: 2 → 5");
    await order.getByRole("gridcell", { name: "Honey", exact: true }).dblclick();
    await page.getByLabel("Edit item, row 3", { exact: true }).fill("Mead");
    await page.keyboard.press("Escape");
    await expect(page.getByLabel("Edit item, row 3", { exact: true }).count()).resolves.toBe(0);
    // Arrow keys move the selection; typing a character starts an edit with it.
    await order.getByRole("gridcell", { name: "Bread", exact: true }).click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.type("9");
    await page.keyboard.press("Enter");
    await waitForValue(page, "Last edit", "[3, 2]: 10 → 9");
    // A checkbox cell toggles.
    await order.getByRole("checkbox", { name: "in stock, row 3" }).check();
    await computeTotals(page, [
      ["Tea", "4.5", "5", "true", "22.5"],
      ["Marmalade", "3.25", "4", "true", "13"],
      ["Honey", "7", "1", "true", "7"],
      ["Bread", "2.8", "9", "true", "25.2"],
      ["Cheese", "12.4", "3", "false", "37.2"],
    ]);
  });

  it("adds and deletes rows", async () => {
    const page = await suite.open("dataframe");
    const order = page.getByRole("grid", { name: "Order" });
    await waitForRows(order, ORDER_ROWS);
    await page.getByRole("button", { name: "Add row", exact: true }).click();
    await expect(pollUntil(() => order.getAttribute("aria-rowcount"), (n) => n === "7")).resolves.toBe("7");
    // The new row is selected: type its item, then its price and quantity.
    await page.keyboard.type("Milk");
    await page.keyboard.press("Tab");
    await page.keyboard.type("1.5");
    await page.keyboard.press("Tab");
    await page.keyboard.type("2");
    await page.keyboard.press("Enter");
    await order.getByRole("gridcell", { name: "Honey", exact: true }).click();
    await page.getByRole("button", { name: "Delete row", exact: true }).click();
    await computeTotals(page, [
      ["Tea", "4.5", "2", "true", "9"],
      ["Jam", "3.25", "4", "true", "13"],
      ["Bread", "2.8", "10", "true", "28"],
      ["Cheese", "12.4", "3", "false", "37.2"],
      ["Milk", "1.5", "2", "false", "3"],
    ]);
  });

  it("sorts by a header and searches, changing what is shown but not the value; select carries row and column", async () => {
    const page = await suite.open("dataframe");
    const order = page.getByRole("grid", { name: "Order" });
    await waitForRows(order, ORDER_ROWS);
    const price = order.getByRole("columnheader", { name: /price/ });
    await price.getByRole("button").click();
    await expect(price.getAttribute("aria-sort")).resolves.toBe("ascending");
    await waitForRows(order, [ORDER_ROWS[3]!, ORDER_ROWS[1]!, ORDER_ROWS[0]!, ORDER_ROWS[2]!, ORDER_ROWS[4]!]);
    await price.getByRole("button").click();
    await expect(price.getAttribute("aria-sort")).resolves.toBe("descending");
    await waitForRows(order, [ORDER_ROWS[4]!, ORDER_ROWS[2]!, ORDER_ROWS[0]!, ORDER_ROWS[1]!, ORDER_ROWS[3]!]);
    // select gives the cell's place in the value, whatever the sort, with its row and column.
    await order.getByRole("gridcell", { name: "Honey", exact: true }).click();
    await waitForValue(page, "Selected cell", '[2, 0] = "Honey"; row ["Honey",7,1,false]; column has 5 cells');
    await order.getByRole("gridcell", { name: "12.4", exact: true }).click();
    await waitForValue(page, "Selected cell", '[4, 1] = 12.4; row ["Cheese",12.4,3,false]; column has 5 cells');
    // Search filters the rows shown.
    await page.getByLabel("Search Order", { exact: true }).fill("ea");
    await waitForRows(order, [ORDER_ROWS[0]!, ORDER_ROWS[3]!]);
    await expect(order.getAttribute("aria-rowcount")).resolves.toBe("3");
    // The function still gets every row, in the value's order.
    await computeTotals(page, ORDER_TOTALS);
    await page.getByLabel("Search Order", { exact: true }).fill("");
    await price.getByRole("button").click();
    await expect(price.getAttribute("aria-sort")).resolves.toBe("none");
    await waitForRows(order, ORDER_ROWS);
  });

  it("an example shows its first rows, and a click loads it into the table", async () => {
    const page = await suite.open("dataframe");
    const order = page.getByRole("grid", { name: "Order" });
    await waitForRows(order, ORDER_ROWS);
    const first = page.getByRole("button", { name: /^Orders 1:/ });
    await first.locator("td", { hasText: "Coffee" }).waitFor();
    await expect(first.locator("td").allTextContents()).resolves.toEqual(["Coffee", "9.9", "1", "true", "Milk", "1.2", "6", "true", "Sugar", "2", "2", "false", "… 1 more rows"]);
    await first.click();
    await waitForRows(order, [["Coffee", "9.9", "1", "true"], ["Milk", "1.2", "6", "true"], ["Sugar", "2", "2", "false"], ["Cocoa", "5.5", "1", "true"]]);
    await page.getByRole("button", { name: /^Orders 2:/ }).click();
    await waitForRows(order, [["Apples", "0.5", "12", "true"]]);
    await computeTotals(page, [["Apples", "0.5", "12", "true", "6"]]);
  });

  it("typesets formulas in markdown cells and shows image cells' pictures", async () => {
    const page = await suite.open("dataframe");
    const katexCss: number[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/components/markdown/katex.css")) katexCss.push(r.status());
    });
    const shapes = page.getByRole("grid", { name: "Shapes" });
    await shapes.locator("td .katex").first().waitFor();
    await expect(shapes.locator("td .katex").count()).resolves.toBe(3);
    await expect(shapes.locator("td .vt-math-pending").count()).resolves.toBe(0);
    // KaTeX's stylesheet applies: its fonts set the formula.
    const font = await pollUntil(() => shapes.locator(".katex").first().evaluate((el) => getComputedStyle(el).fontFamily), (f) => f.includes("KaTeX"));
    expect(font).toContain("KaTeX");
    const pictures = shapes.getByRole("img");
    await expect(pictures.count()).resolves.toBe(3);
    const widths = await pollUntil(() => pictures.evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth)), (w) => w.every((n) => n === 32));
    expect(widths).toEqual([32, 32, 32]);
    await expect(shapes.getByRole("img", { name: "picture, row 2" }).count()).resolves.toBe(1);
    expect(katexCss.every((status) => status === 200 || status === 304)).toBe(true);
  });

  it("saves the totals as a CSV file, shown as a file and read back as a table", async () => {
    const page = await suite.open("dataframe");
    await waitForRows(page.getByRole("grid", { name: "Order" }), ORDER_ROWS);
    await computeTotals(page, ORDER_TOTALS);
    await page.getByRole("button", { name: "Save totals as CSV", exact: true }).click();
    const reread = page.getByRole("grid", { name: "Read back from the CSV" });
    await waitForRows(reread, ORDER_TOTALS);
    await expect(reread.locator("thead .vt-df-head-text").allTextContents()).resolves.toEqual(["item", "price", "quantity", "in stock", "total"]);
    await page.getByRole("link", { name: /totals\.csv/ }).first().waitFor();
  });

  it("copies the table as CSV with its button, and the selected cell with Ctrl+C", async () => {
    const { page } = suite;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await suite.open("dataframe");
    const order = page.getByRole("grid", { name: "Order" });
    await waitForRows(order, ORDER_ROWS);
    await page.getByRole("button", { name: "Copy Order as CSV" }).click();
    const csv = "item,price,quantity,in stock\nTea,4.5,2,true\nJam,3.25,4,true\nHoney,7,1,false\nBread,2.8,10,true\nCheese,12.4,3,false";
    await expect(pollUntil(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t === csv)).resolves.toBe(csv);
    await order.getByRole("gridcell", { name: "Honey", exact: true }).click();
    await page.keyboard.press("Control+c");
    await expect(pollUntil(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t === "Honey")).resolves.toBe("Honey");
  });

  it("copies a range as TSV and pastes a spreadsheet's block, adding a row; the function gets the pasted cells", async () => {
    const { page } = suite;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await suite.open("dataframe");
    const order = page.getByRole("grid", { name: "Order" });
    await waitForRows(order, ORDER_ROWS);
    // A drag from Jam to Honey's price selects a range; Ctrl+C copies it as a spreadsheet pastes it.
    await order.getByRole("gridcell", { name: "Jam", exact: true }).hover();
    await page.mouse.down();
    await order.getByRole("gridcell", { name: "7", exact: true }).hover();
    await page.mouse.up();
    await expect(order.locator("td[aria-selected=true]").allTextContents()).resolves.toEqual(["Jam", "3.25", "Honey", "7"]);
    await page.keyboard.press("Control+c");
    await expect(pollUntil(() => page.evaluate(() => navigator.clipboard.readText()), (t) => t === "Jam\t3.25\nHoney\t7")).resolves.toBe("Jam\t3.25\nHoney\t7");
    // Paste two lines of a spreadsheet at Cheese: it is replaced, and a row is added.
    await page.evaluate(() => navigator.clipboard.writeText("Figs\t6\t2\tTRUE\nKiwi\t0.5\t8\tFALSE\n"));
    await order.getByRole("gridcell", { name: "Cheese", exact: true }).click();
    await page.keyboard.press("Control+v");
    await waitForRows(order, [...ORDER_ROWS.slice(0, 4), ["Figs", "6", "2", "true"], ["Kiwi", "0.5", "8", "false"]]);
    await computeTotals(page, [...ORDER_TOTALS.slice(0, 4), ["Figs", "6", "2", "true", "12"], ["Kiwi", "0.5", "8", "false", "4"]]);
  });

  it("a 100,000-row output scrolls to its last row with only a screenful of rows in the page", async () => {
    const page = await suite.open("dataframe");
    await page.getByRole("button", { name: "Generate rows", exact: true }).click();
    const grid = page.getByRole("grid", { name: "Generated" });
    await expect(pollUntil(() => grid.getAttribute("aria-rowcount"), (n) => n === "100001", 30_000)).resolves.toBe("100001");
    await grid.getByRole("gridcell", { name: "row 1", exact: true }).waitFor();
    const rowsInDom = () => grid.locator("tbody tr[role=row]").count();
    expect(await rowsInDom()).toBeLessThan(200);
    // Scroll the table's box to the bottom, in steps as a user's wheel would, then all the way.
    const box = grid.locator("xpath=..");
    await box.hover();
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 4000);
    await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await grid.getByRole("gridcell", { name: "row 100000", exact: true }).waitFor({ timeout: 10_000 });
    await expect(grid.getByRole("gridcell", { name: "row 100000", exact: true }).isVisible()).resolves.toBe(true);
    expect(await rowsInDom()).toBeLessThan(200);
    await expect(grid.locator("tbody tr[role=row]").last().getAttribute("aria-rowindex")).resolves.toBe("100001");
    // The pinned first column stays at the left edge when the table scrolls sideways.
    const pinned = grid.getByRole("gridcell", { name: "100000", exact: true });
    await expect(pinned.evaluate((td) => getComputedStyle(td).position)).resolves.toBe("sticky");
    // Keyboard navigation reaches the top again.
    await grid.getByRole("gridcell", { name: "row 100000", exact: true }).click();
    await page.keyboard.press("Control+Home");
    await grid.getByRole("gridcell", { name: "row 1", exact: true }).waitFor({ timeout: 10_000 });
    expect(await rowsInDom()).toBeLessThan(200);
    // Filter mode: the rows whose n is at least 99,996.
    await page.getByLabel("Search Generated in column", { exact: true }).selectOption({ label: "n" });
    await page.getByLabel("Filter Generated by", { exact: true }).selectOption("≥");
    await page.getByLabel("Search Generated", { exact: true }).fill("99996");
    await expect(pollUntil(() => grid.getAttribute("aria-rowcount"), (n) => n === "6")).resolves.toBe("6");
    await expect(grid.locator("tbody tr[role=row] td:nth-child(2)").allTextContents()).resolves.toEqual(["row 99996", "row 99997", "row 99998", "row 99999", "row 100000"]);
  });
});
