import { describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SimpleCSVLogger } from "./simple-csv-logger.js";
import { labelled, PNG_BYTES, pngFile, records, tempDir } from "./test-helpers.js";

describe("SimpleCSVLogger", () => {
  it("creates its folder at setup, then appends bare rows to log.csv (no header, no extra columns)", async () => {
    const dir = join(tempDir(), "nested", "flags");
    const logger = new SimpleCSVLogger();
    logger.setup([labelled("image"), labelled("text"), labelled("n")], dir);
    expect(existsSync(dir)).toBe(true);
    const source = tempDir("vitrine-flagging-src-");
    expect(await logger.flag([pngFile(source), "=1+1", 3], "ignored", "ignored")).toBe(1);
    expect(await logger.flag([null, "plain", -2.5])).toBe(2);
    const rows = records(join(dir, "log.csv"));
    expect(rows).toHaveLength(2);
    expect(rows[0]![0]).toMatch(/^image\/[0-9a-f]{20}\/photo\.png$/);
    expect(readFileSync(join(dir, rows[0]![0]!))).toEqual(PNG_BYTES);
    expect(rows[0]!.slice(1)).toEqual(["'=1+1", "3"]);
    expect(rows[1]).toEqual(["", "plain", "-2.5"]);
  });

  it("counts the rows already in log.csv", async () => {
    const dir = tempDir();
    const first = new SimpleCSVLogger();
    first.setup([labelled("a")], dir);
    await first.flag(["1"]);
    const second = new SimpleCSVLogger();
    second.setup([labelled("a")], dir);
    expect(await second.flag(["2"])).toBe(2);
    expect(records(join(dir, "log.csv"))).toEqual([["1"], ["2"]]);
  });

  it("keeps 50 concurrent rows whole", async () => {
    const dir = tempDir();
    const logger = new SimpleCSVLogger();
    logger.setup([labelled("a"), labelled("b")], dir);
    await Promise.all(Array.from({ length: 50 }, (_, i) => logger.flag([`${i}\n`.repeat(3000), i])));
    const rows = records(join(dir, "log.csv"));
    expect(rows).toHaveLength(50);
    for (const r of rows) expect(r[0]).toBe(`${r[1]}\n`.repeat(3000));
  });
});
