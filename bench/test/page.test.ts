/**
 * Smoke test of the page scenario (not a benchmark: no timing is asserted): the hello demo,
 * served compressed and with VITRINE_NO_COMPRESSION=1, loaded once each in headless chromium;
 * the weights and times are read and the report renders.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { hello } from "@vitrine/demo-gallery";
import { measurePage, pageScenario, type PageResult } from "../src/page.js";
import { pageDetails, table, type Line } from "../src/report.js";

let app: ReturnType<typeof hello>;
let url: string;

beforeAll(async () => {
  app = hello();
  url = (await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true })).url;
});
afterAll(async () => {
  delete process.env.VITRINE_NO_COMPRESSION;
  await app.close();
});

const line = (server: Line["server"], result: PageResult, params: ReturnType<typeof pageScenario>): Line => ({
  scenario: params.name,
  server,
  params,
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

describe("the page scenario", () => {
  it("weighs the hello page and times it, compressed and not", async () => {
    const scenario = { ...pageScenario(true), loads: 1, warmup: 0, throttledLoads: 0 };
    delete process.env.VITRINE_NO_COMPRESSION;
    const compressed = await measurePage(url, scenario);
    process.env.VITRINE_NO_COMPRESSION = "1";
    const plain = await measurePage(url, scenario);

    for (const r of [compressed, plain]) {
      expect(r.errors).toEqual({});
      expect(r.interactive.n).toBe(1);
      expect(r.greeting.n).toBe(1);
      expect(r.greeting.p50!).toBeGreaterThan(r.interactive.p50!);
      expect(r.weight.js.requests).toBeGreaterThan(3);
      expect(r.scripts.some((s) => s.path.startsWith("components/textbox.js"))).toBe(true);
    }
    // Same files, fewer bytes: compressed when the server may, as they are when it may not.
    expect(compressed.weight.js.decoded).toBe(plain.weight.js.decoded);
    expect(compressed.weight.js.transferred).toBeLessThan(plain.weight.js.transferred / 2);
    expect(plain.weight.js.transferred).toBe(plain.weight.js.decoded);
    expect(plain.weight.js.encodings).toEqual({ identity: plain.weight.js.requests });

    const lines = [line("vitrine", compressed, scenario), line("baseline", plain, scenario)];
    const report = table(lines);
    expect(report).toContain("JS transferred, kB");
    expect(report).toContain("time to interactive median, ms");
    expect(pageDetails(lines)).toContain("assets/client-");
  });
});
