/**
 * Smoke test of the `chat-100` scenario's parts (not a benchmark: no timing is asserted): the
 * load generator streams a few replies through the bench app's ChatInterface (`/chat`, data
 * `[message, null]`) and the same tokens through the baseline's `/stream`, and no token is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createBaselineServer } from "../src/baseline-server.js";
import { runScenario, type Scenario } from "../src/loadgen.js";
import { table, type Line } from "../src/report.js";
import { benchApp } from "../src/vitrine-app.js";

const TOKENS = 8;
const spec = { tokens: TOKENS, rate: 1000 };
const scenario: Scenario = { kind: "stream", name: "chat-100", users: 4, tokens: TOKENS, rate: 1000, warmupUsers: 2, warmupTokens: 2, chat: true };
let app: ReturnType<typeof benchApp>;
let vitrinePort: number;
let baseline: Server;
let baselinePort: number;

beforeAll(async () => {
  app = benchApp(spec);
  vitrinePort = (await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true })).port;
  baseline = createBaselineServer(spec);
  await new Promise<void>((resolve) => baseline.listen(0, "127.0.0.1", resolve));
  baselinePort = (baseline.address() as AddressInfo).port;
});
afterAll(async () => {
  await app.close();
  baseline.closeAllConnections();
  await new Promise((resolve) => baseline.close(resolve));
});

const line = (server: Line["server"], result: Line["result"]): Line => ({
  scenario: scenario.name,
  server,
  params: scenario,
  result,
  serverStats: {
    idleRssMb: null,
    idleHeapUsedMb: null,
    peakRssMb: null,
    cpuSeconds: null,
    cpuPercent: null,
    cpuUsPerUnit: null,
    otherCpuPercent: null,
    writeSyscallsPerUnit: null,
    readSyscallsPerUnit: null,
    bytesWrittenPerUnit: null,
  },
  env: { node: process.version, cores: 1, quick: true, commit: null, modifiedPackageFiles: null },
  run: 0,
});

describe("the chat scenario", () => {
  it("streams every token through /chat on Vitrine and /stream on the baseline", async () => {
    const chat = await runScenario(vitrinePort, scenario, 20, () => {}, "chat");
    const stream = await runScenario(baselinePort, scenario, 20, () => {}, "stream");
    for (const r of [chat, stream]) {
      expect(r).toMatchObject({ kind: "stream", completed: 4, tokensReceived: 4 * TOKENS, tokensExpected: 4 * TOKENS, wrongText: 0, errors: {} });
    }
    expect(chat.kind === "stream" && chat.messages).toBeGreaterThanOrEqual(4);
    const report = table([line("vitrine", chat), line("baseline", stream)]);
    expect(report).toContain(`| ${4 * TOKENS} / ${4 * TOKENS} | ${4 * TOKENS} / ${4 * TOKENS} |`);
    expect(report).toContain("chat (Vitrine ChatInterface /chat, baseline /stream)");
  }, 60_000);
});
