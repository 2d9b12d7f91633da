/**
 * Smoke test of the benchmark's own parts (not a benchmark: no timing is asserted). The bare
 * baseline server must be a server the official client can use, or the comparison means
 * nothing; and the load generator must read it correctly.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createBaselineServer } from "../src/baseline-server.js";
import { runScenario } from "../src/loadgen.js";
import { expectedText } from "../src/tokens.js";

const TOKENS = 5;
let server: Server;
let url: string;
let port: number;

beforeAll(async () => {
  server = createBaselineServer({ tokens: TOKENS, rate: 1000 });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the baseline server with @gradio/client 2.7", () => {
  it("lists both endpoints and echoes", async () => {
    const client = await Client.connect(url);
    const api = await client.view_api();
    expect(Object.keys(api.named_endpoints).sort()).toEqual(["/echo", "/stream"]);
    const result = await client.predict("/echo", ["Hello, bench"]);
    expect(result.data).toEqual(["Hello, bench"]);
  });

  it("streams every token: a full value, then append diffs, then the final text", async () => {
    const client = await Client.connect(url, { events: ["data", "status"] });
    const data: unknown[] = [];
    let stage = "";
    for await (const msg of client.submit("/stream", ["go"])) {
      if (msg.type === "data") data.push((msg.data as unknown[])[0]);
      if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) {
        stage = msg.stage;
        break;
      }
    }
    expect(stage).toBe("complete");
    const steps = Array.from({ length: TOKENS }, (_, i) => expectedText(i + 1));
    expect(data).toEqual([...steps, expectedText(TOKENS)]);
  });
});

describe("the load generator against the baseline", () => {
  it("counts echo events and streamed tokens without errors", async () => {
    const echo = await runScenario(port, { kind: "echo", name: "echo", users: 3, warmup: 0, duration: 0.3 }, 10);
    expect(echo).toMatchObject({ kind: "echo", errors: {}, wrong: 0 });
    expect(echo.kind === "echo" && echo.events).toBeGreaterThan(0);
    const stream = await runScenario(port, { kind: "stream", name: "stream", users: 4, tokens: TOKENS, rate: 1000, warmupUsers: 2, warmupTokens: 2 }, 10);
    expect(stream).toMatchObject({ kind: "stream", completed: 4, tokensReceived: 4 * TOKENS, wrongText: 0, errors: {} });
  });
});
