/**
 * Runs the Dataframe scroll benchmark on its own (see dataframe-scroll.ts):
 * `node bench/dist/dataframe-scroll-main.js [--quick]`. Prints one JSON line and the table, and
 * writes both to `bench/results/<stamp>-dataframe-scroll.{jsonl,md}`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dataframeScrollTable, measureDataframeScroll } from "./dataframe-scroll.js";

const quick = process.argv.includes("--quick");
const result = await measureDataframeScroll(
  quick ? { rows: 100_000, frames: 240, boxHeight: 600, repeat: 1 } : { rows: 100_000, frames: 600, boxHeight: 600, repeat: 2 },
);
const line = JSON.stringify({ scenario: "dataframe-scroll", ...result });
const table = dataframeScrollTable(result);
console.log(line);
console.log(`\n${table}`);
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
writeFileSync(join(resultsDir, `${stamp}-dataframe-scroll${quick ? "-quick" : ""}.jsonl`), `${line}\n`);
writeFileSync(join(resultsDir, `${stamp}-dataframe-scroll${quick ? "-quick" : ""}.md`), `${table}\n`);
process.exit(0);
