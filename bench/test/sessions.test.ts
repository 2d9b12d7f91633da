/**
 * Smoke test of the sessions benchmark (not a benchmark: no memory figure is asserted): the
 * server process starts, sessions come and go, every one of them ends and frees its State,
 * and the report renders.
 */
import { describe, expect, it } from "@jest/globals";
import { measureSessions, sessionsTable } from "../src/sessions.js";

describe("the sessions benchmark", () => {
  it("runs sessions that all end, and reports their memory", async () => {
    process.env.VITRINE_BENCH_IDLE_MS = "200";
    const result = await measureSessions(150, 10);
    expect(result.first.after).toBe(100);
    expect(result.last.after).toBe(150);
    expect(result.last.memory).toMatchObject({ sessions: 0, states: 0 });
    expect(result.last.memory.heapUsed).toBeGreaterThan(0);
    expect(sessionsTable(result)).toContain("| RSS |");
  }, 60_000);
});
