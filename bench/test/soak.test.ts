/**
 * Smoke test of the soak benchmark (not a benchmark: no time or memory figure is asserted): each
 * part runs against a fresh server process, every streamed token arrives, every echo comes back,
 * every failing, hung or cancelled call ends, and the report renders.
 */
import { describe, expect, it } from "@jest/globals";
import { measureSoak, soakTable } from "../src/soak.js";

describe("the soak benchmark", () => {
  it("streams with no token lost, runs events through one process, and ends every faulty call", async () => {
    const result = await measureSoak({
      streams: { users: 30, tokens: 10, rate: 50 },
      events: { total: 600, warmup: 100, window: 100, users: 10 },
      faults: { users: 4, warmup: 0.2, duration: 0.5, perKind: 1, pauseMs: 20 },
    });
    const streams = result.streams!;
    expect([streams.completed, streams.tokensReceived, streams.lost, streams.wrongText]).toEqual([30, 300, 0, 0]);
    expect(streams.tokensYielded).toBe(300);
    const events = result.events!;
    expect([events.ok, events.errors]).toEqual([700, {}]);
    expect(events.first.latency.n).toBe(100);
    expect(events.last.latency.n).toBe(100);
    expect(events.last.memory.heapUsedAfterGc).toBeGreaterThan(0);
    const faults = result.faults!;
    expect(faults.phases.map((p) => [p.name, p.errors])).toEqual([
      ["alone", 0],
      ["with throws", 0],
      ["with hangs", 0],
      ["with cancels", 0],
      ["with all three", 0],
    ]);
    // Every faulty call ended as it should: throws with an error, hangs and cancels completed.
    expect(faults.calls.boom.error).toBeGreaterThan(0);
    expect(faults.calls.hang.completed).toBeGreaterThan(0);
    expect(faults.calls.slow.completed).toBeGreaterThan(0);
    expect([faults.calls.boom.stuck, faults.calls.hang.stuck, faults.calls.slow.stuck]).toEqual([0, 0, 0]);
    expect([faults.calls.boom.completed, faults.calls.hang.error, faults.calls.slow.error]).toEqual([0, 0, 0]);
    expect(faults.counters.slowStopped).toBe(faults.counters.slowStarted);
    const table = soakTable(result);
    expect(table).toContain("events lost (yielded − received) | 0 |");
    expect(table).toContain("| with all three |");
  }, 60_000);
});
