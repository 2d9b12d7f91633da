/**
 * Smoke test of the upload benchmark (not a benchmark: no memory or time figure is asserted):
 * the server process starts, a streamed multipart upload is stored whole, and the report renders.
 */
import { describe, expect, it } from "@jest/globals";
import { measureUpload, uploadTable } from "../src/upload.js";

describe("the upload benchmark", () => {
  it("streams a 5 MB upload, and reports the server's RSS and the upload's speed", async () => {
    const result = await measureUpload(5 * 1024 * 1024);
    expect(result.stored).toBe(5 * 1024 * 1024);
    expect(result.idleRss).toBeGreaterThan(0);
    expect(result.peakRss).toBeGreaterThanOrEqual(result.idleRss);
    expect(result.seconds).toBeGreaterThan(0);
    expect(uploadTable(result)).toContain("peak − idle, MB");
  }, 60_000);
});
