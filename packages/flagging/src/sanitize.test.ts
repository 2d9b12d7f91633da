import { describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import { CSVLogger } from "./csv-logger.js";
import { sanitizeCell } from "./sanitize.js";
import { labelled, records, tempDir } from "./test-helpers.js";

/** Flags one text value through a CSVLogger and returns the cell as the CSV holds it. */
async function flaggedCell(text: string): Promise<string> {
  const dir = tempDir();
  const logger = new CSVLogger({ verbose: false });
  logger.setup([labelled("text")], dir);
  await logger.flag([text]);
  return records(join(dir, "dataset1.csv"))[1]![0]!;
}

describe("CSV injection: each prefix a spreadsheet runs as a formula is neutralised", () => {
  it("=", async () => {
    expect(await flaggedCell('=HYPERLINK("http://evil.example","x")')).toBe(`'=HYPERLINK("http://evil.example","x")`);
  });
  it("+", async () => {
    expect(await flaggedCell("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
  });
  it("-", async () => {
    expect(await flaggedCell("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
  });
  it("@", async () => {
    expect(await flaggedCell("@SUM(1+9)*cmd|' /C calc'!A0")).toBe("'@SUM(1+9)*cmd|' /C calc'!A0");
  });
  it("tab", async () => {
    expect(await flaggedCell("\t=1+1")).toBe("'\t=1+1");
  });
  it("carriage return", async () => {
    expect(await flaggedCell("\r=1+1")).toBe("'\r=1+1");
  });
});

describe("sanitizeCell", () => {
  it("leaves plain text, numbers and JSON alone", () => {
    expect(sanitizeCell("hello = world")).toBe("hello = world");
    expect(sanitizeCell(-3)).toBe("-3");
    expect(sanitizeCell('{"a":"=1"}')).toBe('{"a":"=1"}');
    expect(sanitizeCell("[1, 2]")).toBe("[1, 2]");
  });

  it("neutralises a line feed first, and a formula after a comma (as Gradio)", () => {
    expect(sanitizeCell("\n=1")).toBe("'\n=1");
    expect(sanitizeCell("a,=1+1")).toBe("'a,=1+1");
    expect(sanitizeCell("{not json,=1}")).toBe("'{not json,=1}");
  });

  it("neutralises labels in the header too", async () => {
    const dir = tempDir();
    const logger = new CSVLogger({ verbose: false });
    logger.setup([labelled("=evil")], dir);
    await logger.flag(["ok"]);
    expect(records(join(dir, "dataset1.csv"))[0]).toEqual(["'=evil", "flag", "username", "timestamp"]);
  });
});
