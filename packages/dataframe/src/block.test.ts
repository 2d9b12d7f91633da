import { describe, expect, it } from "@jest/globals";
import { clearRect, parseClipboardBlock, pasteBlock, rectBetween, rectCells, type BlockTarget } from "./block.js";
import type { CellValue } from "./cells.js";

const table = (data: CellValue[][], more: Partial<BlockTarget> = {}): BlockTarget => ({
  headers: ["name", "n", "ok"],
  data,
  order: data.map((_, i) => i),
  types: ["str", "number", "bool"],
  editable: [true, true, true],
  maxRows: Infinity,
  maxCols: Infinity,
  ...more,
});

describe("blocks of cells", () => {
  const rows: CellValue[][] = [["a", 1, true], ["b", 2, false], ["c", 3, true]];

  it("a range's rectangle and cells follow the rows as shown", () => {
    const rect = rectBetween({ position: 2, col: 1 }, { position: 1, col: 0 });
    expect(rect).toEqual({ top: 1, bottom: 2, left: 0, right: 1 });
    // Shown in reverse order: position 1 is "b", position 2 is "a".
    expect(rectCells(rows, [2, 1, 0], rect)).toEqual([["b", 2], ["a", 1]]);
  });

  it("pastes a block at a cell, reading each column's type, and adds the rows and columns it needs", () => {
    const edit = pasteBlock(table(rows), [["x", "10", "false", "extra"], ["y", "oops", "1", "more"], ["z", "", "no", ""]], { position: 1, col: 0 });
    expect(edit.headers).toEqual(["name", "n", "ok", "4"]);
    expect(edit.data).toEqual([
      ["a", 1, true, ""],
      ["x", 10, false, "extra"],
      ["y", "oops", true, "more"],
      ["z", null, false, ""],
    ]);
    expect(edit.rect).toEqual({ top: 1, bottom: 3, left: 0, right: 3 });
  });

  it("keeps to fixed counts and limits, and leaves columns that may not be edited alone", () => {
    const edit = pasteBlock(table(rows, { maxRows: 3, maxCols: 3, editable: [true, false, true] }), [["x", "9", "true", "cut"], ["y", "8", "false"], ["past the end"]], { position: 1, col: 0 });
    expect(edit.headers).toEqual(["name", "n", "ok"]);
    expect(edit.data).toEqual([["a", 1, true], ["x", 2, true], ["y", 3, false]]);
    expect(edit.rect).toEqual({ top: 1, bottom: 2, left: 0, right: 2 });
  });

  it("one value pasted over a range fills it; pasting into a sorted view writes the rows shown there", () => {
    const fill = pasteBlock(table(rows), [["7"]], { position: 0, col: 1 }, { top: 0, bottom: 1, left: 1, right: 1 });
    expect(fill.data.map((r) => r[1])).toEqual([7, 7, 3]);
    const sorted = pasteBlock(table(rows, { order: [2, 1, 0] }), [["first"], ["second"]], { position: 0, col: 0 });
    expect(sorted.data.map((r) => r[0])).toEqual(["a", "second", "first"]);
  });

  it("clears a range's editable cells (a checkbox to false) and reports nothing when nothing changed", () => {
    const cleared = clearRect(table(rows, { editable: [true, true, false] }), { top: 0, bottom: 1, left: 0, right: 2 });
    expect(cleared.data).toEqual([["", null, true], ["", null, false], ["c", 3, true]]);
    expect(cleared.rect).not.toBeNull();
    expect(clearRect(table([["", null, false]]), { top: 0, bottom: 0, left: 0, right: 2 }).rect).toBeNull();
  });

  it("reads a spreadsheet's clipboard: tab-separated rows with quoted cells; lines without tabs are one column", async () => {
    await expect(parseClipboardBlock('a\tb\r\n"two\nlines"\t"say ""hi"""\r\n')).resolves.toEqual([["a", "b"], ["two\nlines", 'say "hi"']]);
    await expect(parseClipboardBlock("one, two\nthree\n")).resolves.toEqual([["one, two"], ["three"]]);
    await expect(parseClipboardBlock("\n")).resolves.toEqual([]);
    await expect(parseClipboardBlock("x\t\ty")).resolves.toEqual([["x", "", "y"]]);
  });
});
