/**
 * Smoke test of the `scale` bench (not a benchmark: no time or CPU figure is asserted): the
 * load generator's round-robin users send each request to the next process, and a tiny run of
 * the baseline, one in-memory process and two processes on a redis-server of their own loses no
 * event and renders the table. Needs the bench built (it forks dist/) and Debian's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { makeTarget } from "../src/protocol-client.js";
import { RoundRobinConnection, spreadUsers } from "../src/scale-client.js";
import { scaleTable, eventsLost, pairedCpuRatio } from "../src/scale-report.js";
import { runScale, type ScaleLine, type ScaleOptions } from "../src/scale.js";

describe("round-robin users", () => {
  const hits: string[] = [];
  const servers: Server[] = [];
  const ports: number[] = [];
  beforeAll(async () => {
    for (const name of ["a", "b", "c"]) {
      const server = createServer((req, res) => {
        hits.push(`${name} ${req.url}`);
        res.end("ok");
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
      ports.push((server.address() as AddressInfo).port);
    }
  });
  afterAll(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("send each request of a user to the next process, user u starting at process u", async () => {
    const target = makeTarget(ports[0]!, new AbortController().signal);
    const newUser = spreadUsers(ports);
    for (const u of [0, 1]) {
      const { connection } = newUser(target, u);
      for (let i = 0; i < 4; i++) expect((await connection.request("GET", `/u${u}-${i}`)).body).toBe("ok");
      connection.close();
    }
    expect(hits).toEqual(["a /u0-0", "b /u0-1", "c /u0-2", "a /u0-3", "b /u1-0", "c /u1-1", "a /u1-2", "b /u1-3"]);
  });

  it("serve a request sent right after close() (as after a failed call)", async () => {
    // One process: every request goes over the same member, the case where a stale close would hit.
    const connection = new RoundRobinConnection("127.0.0.1", [ports[0]!], new AbortController().signal, 0);
    for (let i = 0; i < 6; i++) {
      expect((await connection.request("GET", `/again-${i}`)).body).toBe("ok");
      connection.close();
    }
  });
});

describe("the scale bench", () => {
  it("runs echo and streams on the baseline, one in-memory process and two processes on Redis, losing no event", async () => {
    const options: ScaleOptions = {
      scenarios: [
        { kind: "echo", name: "echo-50", users: 4, warmup: 0.2, duration: 0.5 },
        // 4 users at 40 events/s in all: about 20 events in the window, against hundreds back to back.
        { kind: "echo", name: "echo-paced", users: 4, warmup: 0.2, duration: 0.5, pace: 40 },
        { kind: "stream", name: "stream-250", users: 6, tokens: 10, rate: 200, warmupUsers: 2, warmupTokens: 2 },
      ],
      configs: ["baseline", "memory", "redis-2"],
      repeat: 1,
      settleMs: 0,
    };
    const { lines } = await runScale(options);
    expect(lines.map((l) => `${l.scenario} ${l.config} ${l.processes}`)).toEqual([
      "echo-50 baseline 1",
      "echo-50 memory 1",
      "echo-50 redis-2 2",
      "echo-paced baseline 1",
      "echo-paced memory 1",
      "echo-paced redis-2 2",
      "stream-250 baseline 1",
      "stream-250 memory 1",
      "stream-250 redis-2 2",
    ]);
    for (const l of lines) {
      expect([l.config, l.result.errors]).toEqual([l.config, {}]);
      expect([l.config, eventsLost(l)]).toEqual([l.config, 0]);
      if (l.result.kind === "echo") {
        expect(l.result.events).toBeGreaterThan(0);
        // Paced users start each call on schedule: 40/s over 0.5 s, give or take one call per user.
        if (l.scenario === "echo-paced") expect([l.config, l.result.events >= 14 && l.result.events <= 26]).toEqual([l.config, true]);
      } else expect([l.result.completed, l.result.tokensReceived]).toEqual([6, 60]);
      // Redis's CPU is read only where there is one.
      expect(l.cpu.redis === null).toBe(l.config !== "redis-2");
      expect(l.cpu.servers).toHaveLength(l.processes);
    }
    const table = scaleTable({ lines });
    expect(table).toContain("| echo-50: 4 users calling /echo back to back, 0.5 s measured | baseline | memory | redis-2 | target (Redis) |");
    expect(table).toContain("| echo-paced: 4 users calling /echo at 40 events/s in all, 0.5 s measured | baseline | memory | redis-2 | target (Redis) |");
    expect(table).toContain("| tokens received / expected | 60 / 60 | 60 / 60 | 60 / 60 |  |");
    expect(table).toMatch(/\| events lost \| 0 \| 0 \| 0 yes \| 0 \|/);
  }, 60_000);
});

describe("paired CPU ratio", () => {
  it("is the median over runs of each run's ratio to memory's run", () => {
    const line = (config: ScaleLine["config"], run: number, cpu: number) => ({ scenario: "echo-50", config, run, cpuUsPerUnit: cpu }) as ScaleLine;
    const lines = [line("memory", 0, 100), line("redis-1", 0, 200), line("memory", 1, 200), line("redis-1", 1, 300), line("memory", 2, 100), line("redis-1", 2, 250)];
    // The runs' ratios are 2, 1.5 and 2.5.
    expect(pairedCpuRatio(lines, "redis-1", "echo-50")).toBe(2);
    expect(pairedCpuRatio(lines.slice(0, 4), "redis-1", "echo-50")).toBe(1.75);
    expect(pairedCpuRatio(lines, "redis-2", "echo-50")).toBeNull();
  });
});
