/**
 * Weighs each component's view (see view-weights.ts): `node bench/dist/view-weights-main.js`.
 * Prints one JSON line per page and the table, and writes both to
 * `bench/results/<stamp>-view-weights.{jsonl,md}`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@vitrine/component-test/chromium";
import { measureViewWeights, viewWeightsTable } from "./view-weights.js";

const browser = await launchChromium();
const results = await measureViewWeights(browser);
await browser.close();
const lines = results.map((r) => JSON.stringify({ scenario: "view-weights", ...r })).join("\n");
const table = viewWeightsTable(results);
console.log(lines);
console.log(`\n${table}`);
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
writeFileSync(join(resultsDir, `${stamp}-view-weights.jsonl`), `${lines}\n`);
writeFileSync(join(resultsDir, `${stamp}-view-weights.md`), `${table}\n`);
process.exit(0);
