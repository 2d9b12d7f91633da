/**
 * Smoke test of the image round-trip benchmark (not a benchmark: no time is asserted): a few
 * PNG round trips through Vitrine's Image (pixels checked exact once) and through bare jimp,
 * and the report renders.
 */
import { describe, expect, it } from "@jest/globals";
import { imageRoundTripTable, measureImageRoundTrip } from "../src/image-roundtrip.js";

describe("the image round-trip benchmark", () => {
  it("runs 3 round trips each way, and reports latency and throughput against bare jimp", async () => {
    const result = await measureImageRoundTrip({ size: 64, sequential: 3, concurrent: 2, rounds: 1, warmup: 1 });
    expect(result.vitrine.latency.n).toBe(3);
    expect(result.jimp.latency.n).toBe(3);
    expect(result.vitrine.throughput).toBeGreaterThan(0);
    expect(result.jimp.throughput).toBeGreaterThan(0);
    expect(imageRoundTripTable(result)).toContain("| Vitrine / jimp |");
  }, 60_000);
});
