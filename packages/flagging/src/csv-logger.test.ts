import { describe, expect, it, jest } from "@jest/globals";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileData } from "@vitrine/core";
import { CSVLogger } from "./csv-logger.js";
import { labelled, PNG_BYTES, pngFile, records, tempDir } from "./test-helpers.js";

const HEADER_TAIL = ["flag", "username", "timestamp"];

describe("CSVLogger", () => {
  it("writes the header once, then one row per flag, and counts the rows", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("name"), labelled("times"), labelled("output")], dir);
    expect(readdirSync(dir)).toEqual([]);
    expect(await logger.flag(["Ada", 2, "Hello Ada!Hello Ada!"])).toBe(1);
    expect(await logger.flag(["Grace", 1, "Hello Grace!"], "wrong", "grace")).toBe(2);
    const rows = records(join(dir, "dataset1.csv"));
    expect(rows[0]).toEqual(["name", "times", "output", ...HEADER_TAIL]);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ["Ada", "2", "Hello Ada!Hello Ada!", "", ""],
      ["Grace", "1", "Hello Grace!", "wrong", "grace"],
    ]);
    expect(new Date(rows[2]![5]!).toISOString()).toBe(rows[2]![5]);
    expect(rows.filter((r) => r[0] === "name")).toHaveLength(1);
  });

  it("names unlabelled components `component <i>`, as Gradio", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled(null), labelled("out")], dir);
    await logger.flag([null, true]);
    const rows = records(join(dir, "dataset1.csv"));
    expect(rows[0]).toEqual(["component 0", "out", ...HEADER_TAIL]);
    expect(rows[1]!.slice(0, 2)).toEqual(["", "true"]);
  });

  it("gives 50 whole rows for 50 concurrent flags", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("text"), labelled("n")], dir);
    const long = (i: number) => `row ${i}: ${"x,\"y\"\n".repeat(2000)}`;
    const counts = await Promise.all(Array.from({ length: 50 }, (_, i) => logger.flag([long(i), i])));
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const rows = records(join(dir, "dataset1.csv"));
    expect(rows).toHaveLength(51);
    const seen = rows.slice(1).map((r) => {
      expect(r).toHaveLength(5);
      expect(r[0]).toBe(long(Number(r[1])));
      return Number(r[1]);
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("keeps rows whole when two loggers write the same file at once", async () => {
    const dir = tempDir();
    const [a, b] = [new CSVLogger({ verbose: false }), new CSVLogger({ verbose: false })];
    a.setup([labelled("text")], dir);
    b.setup([labelled("text")], dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).flag([`v${i}`.repeat(5000)])));
    const rows = records(join(dir, "dataset1.csv"));
    expect(rows).toHaveLength(21);
    expect(rows.filter((r) => r[0] === "text")).toHaveLength(1);
  });

  it("copies files into a folder per component and writes their relative paths", async () => {
    const source = tempDir("vitrine-flagging-src-");
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("Input image"), labelled("caption"), labelled("Output image")], dir);
    await logger.flag([pngFile(source, "cat.png"), "a cat", pngFile(source, "out.png")]);
    await logger.flag([pngFile(source, "cat.png"), "the same name again", null]);
    const rows = records(join(dir, "dataset1.csv"));
    expect(rows[1]![0]).toMatch(/^Input image\/[0-9a-f]{20}\/cat\.png$/);
    expect(rows[1]![2]).toMatch(/^Output image\/[0-9a-f]{20}\/out\.png$/);
    expect(rows[2]![0]).toMatch(/^Input image\/[0-9a-f]{20}\/cat\.png$/);
    expect(rows[2]![0]).not.toBe(rows[1]![0]);
    expect(rows[2]![2]).toBe("");
    for (const cell of [rows[1]![0]!, rows[1]![2]!, rows[2]![0]!]) expect(readFileSync(join(dir, cell))).toEqual(PNG_BYTES);
  });

  it("writes structured values as JSON, with the files in them copied", async () => {
    const source = tempDir("vitrine-flagging-src-");
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("gallery"), labelled("scores"), labelled("link")], dir);
    const gallery = [{ image: pngFile(source, "a.png"), caption: "first" }, { image: pngFile(source, "b.png"), caption: null }];
    const url = fileData("https://example.com/x.png");
    await logger.flag([gallery, { label: "cat", confidences: [{ label: "cat", confidence: 0.9 }] }, url]);
    const row = records(join(dir, "dataset1.csv"))[1]!;
    const cells = JSON.parse(row[0]!) as { image: string; caption: string | null }[];
    expect(cells.map((c) => c.caption)).toEqual(["first", null]);
    for (const c of cells) {
      expect(c.image).toMatch(/^gallery\/[0-9a-f]{20}\/[ab]\.png$/);
      expect(readFileSync(join(dir, c.image))).toEqual(PNG_BYTES);
    }
    expect(JSON.parse(row[1]!)).toEqual({ label: "cat", confidences: [{ label: "cat", confidence: 0.9 }] });
    expect(row[2]).toBe("https://example.com/x.png");
  });

  it("keeps FileData fields with simplify_file_data: false", async () => {
    const source = tempDir("vitrine-flagging-src-");
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false, simplify_file_data: false });
    logger.setup([labelled("files")], dir);
    await logger.flag([[pngFile(source, "a.png")]]);
    const [file] = JSON.parse(records(join(dir, "dataset1.csv"))[1]![0]!) as { path: string; orig_name: string; meta: unknown }[];
    expect(file).toMatchObject({ orig_name: "a.png", meta: { _type: "gradio.FileData" } });
    expect(readFileSync(join(dir, file!.path))).toEqual(PNG_BYTES);
  });

  it("fails clearly on a file it cannot copy, writing nothing", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("image")], dir);
    await expect(logger.flag([fileData(join(dir, "missing.png"))])).rejects.toThrow(/Flagging "image": could not copy .*missing\.png/);
    expect(existsSync(join(dir, "dataset1.csv"))).toBe(false);
  });

  it("appends to the latest dataset with the same header, and starts the next when the header changes", async () => {
    const dir = tempDir();
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const first = new CSVLogger();
      first.setup([labelled("a")], dir);
      await first.flag(["1"]);
      const again = new CSVLogger();
      again.setup([labelled("a")], dir);
      expect(await again.flag(["2"])).toBe(2);
      const changed = new CSVLogger();
      changed.setup([labelled("a"), labelled("b")], dir);
      expect(await changed.flag(["3", "4"])).toBe(1);
      expect(await changed.datasetFile()).toBe(join(dir, "dataset2.csv"));
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
        `[vitrine] Created dataset file at: ${join(dir, "dataset1.csv")}`,
        `[vitrine] Using existing dataset file at: ${join(dir, "dataset1.csv")}`,
        `[vitrine] Created dataset file at: ${join(dir, "dataset2.csv")}`,
      ]);
    } finally {
      log.mockRestore();
    }
    expect(records(join(dir, "dataset1.csv")).map((r) => r[0])).toEqual(["a", "1", "2"]);
    expect(records(join(dir, "dataset2.csv"))[0]).toEqual(["a", "b", ...HEADER_TAIL]);
  });

  it("never appends to a file whose last row is cut: it starts the next one", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "dataset1.csv"), 'a,flag,username,timestamp\r\n"half a ro');
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("a")], dir);
    await logger.flag(["x"]);
    expect(await logger.datasetFile()).toBe(join(dir, "dataset2.csv"));
  });

  it("takes dataset_file_name", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false, dataset_file_name: "mine.csv" });
    logger.setup([labelled("a")], dir);
    await logger.flag(["x"]);
    expect(records(join(dir, "mine.csv"))).toHaveLength(2);
    expect(() => new CSVLogger({ dataset_file_name: "../up.csv" })).toThrow(/dataset_file_name/);
  });

  it("starts the file again, header first, when it is removed while the app runs", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("a")], dir);
    await logger.flag(["1"]);
    rmSync(dir, { recursive: true });
    expect(await logger.flag(["2"])).toBe(1);
    expect(records(join(dir, "dataset1.csv")).map((r) => r[0])).toEqual(["a", "2"]);
  });

  it("drops an event context passed after the values, taking its username", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("a")], dir);
    const ctx = { signal: new AbortController().signal, progress: () => undefined, request: { username: "ada" }, session: { hash: "x" } };
    await logger.flag(["v", ctx]);
    expect(records(join(dir, "dataset1.csv"))[1]!.slice(0, 3)).toEqual(["v", "", "ada"]);
  });

  it("rejects misuse with clear messages", async () => {
    const logger = new CSVLogger({ verbose: false });
    await expect(logger.flag(["x"])).rejects.toThrow("call setup(components, flaggingDir) before flag()");
    logger.setup([labelled("a"), labelled("b")], tempDir());
    await expect(logger.flag(["x"])).rejects.toThrow("got 1 values for 2 components");
    await expect(logger.flag(["x", "y"], 3 as never)).rejects.toThrow("the flag option must be a string");
    expect(() => logger.setup([], "")).toThrow("flaggingDir must be a folder path");
  });
});
