/**
 * Main-thread time per streamed token, ChatInterface against a Textbox (see chat-render.ts):
 * `node bench/dist/chat-render-main.js [--quick] [--paragraphs N]` (`--paragraphs N`: the reply
 * has a blank line every N tokens, as a model's reply in paragraphs; default one paragraph). Prints the JSON line and the table, and
 * writes both to `bench/results/<stamp>-chat-render{-quick}.{jsonl,md}`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "@vitrine/component-test/chromium";
import { chatRenderTable, measureChatRender } from "./chat-render.js";

const quick = process.argv.includes("--quick");
const at = process.argv.indexOf("--paragraphs");
const paragraphTokens = at >= 0 ? Number(process.argv[at + 1]) : 0;
if (!Number.isInteger(paragraphTokens) || paragraphTokens < 0) throw new Error("--paragraphs takes a whole number of tokens");
const browser = await launchChromium();
const result = await measureChatRender(
  browser,
  {
    ...(quick ? { tokens: 200, rate: 1000, warmupTokens: 20, history: 20, runs: 1 } : { tokens: 2000, rate: 1000, warmupTokens: 100, history: 20, runs: 3 }),
    paragraphTokens,
  },
);
await browser.close();
const line = JSON.stringify({ scenario: "chat-render", ...result });
const table = chatRenderTable(result);
console.log(line);
console.log(`\n${table}`);
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = `${new Date().toISOString().replace(/[:.]/g, "-")}-chat-render${paragraphTokens ? `-p${paragraphTokens}` : ""}${quick ? "-quick" : ""}`;
writeFileSync(join(resultsDir, `${stamp}.jsonl`), `${line}\n`);
writeFileSync(join(resultsDir, `${stamp}.md`), `${table}\n`);
process.exit(0);
