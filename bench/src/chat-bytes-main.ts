/**
 * Bytes per streamed token of a ChatInterface with history (see chat-bytes.ts):
 * `node bench/dist/chat-bytes-main.js [--quick]`. Prints the JSON line and the table, and
 * writes both to `bench/results/<stamp>-chat-bytes{-quick}.{jsonl,md}`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chatBytesTable, measureChatBytes } from "./chat-bytes.js";

const quick = process.argv.includes("--quick");
const result = await measureChatBytes(quick ? { history: 20, messageChars: 200, tokens: 50, rate: 500 } : { history: 20, messageChars: 200, tokens: 500, rate: 500 });
const line = JSON.stringify({ scenario: "chat-bytes", ...result });
const table = chatBytesTable(result);
console.log(line);
console.log(`\n${table}`);
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "results");
mkdirSync(resultsDir, { recursive: true });
const stamp = `${new Date().toISOString().replace(/[:.]/g, "-")}-chat-bytes${quick ? "-quick" : ""}`;
writeFileSync(join(resultsDir, `${stamp}.jsonl`), `${line}\n`);
writeFileSync(join(resultsDir, `${stamp}.md`), `${table}\n`);
process.exit(0);
