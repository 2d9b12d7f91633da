/**
 * ChatInterface over the wire, through Gradio's official `@gradio/client` (issue 10):
 * `submit("/chat", …)` streams the growing reply as diffs and ends on the full text; the additional
 * inputs reach `fn` as named parameters with their components' values as defaults; the history is
 * the session's State (a client's second call sees the first, another client starts empty); a
 * multimodal message with a file round trips.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file } from "@gradio/client";
import { chatEcho, chatMultimodal } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

/** Every data message of a submission (copies: the client applies diffs in place), until it completes. */
async function stream(client: Client, endpoint: string, data: unknown): Promise<{ replies: unknown[]; stage: string; message?: string }> {
  const replies: unknown[] = [];
  for await (const msg of client.submit(endpoint, data as Record<string, unknown>)) {
    if (msg.type === "data") replies.push(structuredClone((msg.data as unknown[])[0]));
    if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) return { replies, stage: msg.stage, message: msg.message ?? undefined };
  }
  return { replies, stage: "ended" };
}

describe("ChatInterface through @gradio/client", () => {
  let echo: Served;
  let multimodal: Served;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vitrine-chat-wire-"));
    echo = await serveAtRoot(chatEcho({ tokenDelayMs: 5 }));
    multimodal = await serveAtRoot(chatMultimodal());
  });
  afterAll(async () => {
    await echo.close();
    await multimodal.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("view_api lists /chat with the message and fn's additional parameters, defaults from the components", async () => {
    const client = await Client.connect(echo.url, { events: ["data", "status"] });
    const api = (await client.view_api()) as { named_endpoints: Record<string, { parameters: { parameter_name: string; parameter_default: unknown; component: string; hidden?: boolean }[] }> };
    expect(Object.keys(api.named_endpoints)).toEqual(["/chat"]);
    // The client puts the history (a State) back in as a hidden parameter, as it does for Gradio's ChatInterface.
    const parameters = api.named_endpoints["/chat"]!.parameters;
    expect(parameters.filter((p) => p.hidden).map((p) => p.component)).toEqual(["state"]);
    expect(parameters.filter((p) => !p.hidden).map((p) => [p.parameter_name, p.component, p.parameter_default])).toEqual([
      ["message", "Textbox", ""],
      ["system_prompt", "Textbox", "Echo:"],
      ["repeat", "Slider", 1],
    ]);
    client.close();
  });

  it("streams growing replies that end on the full text, with the additional inputs reaching fn", async () => {
    const client = await Client.connect(echo.url, { events: ["data", "status"] });
    const { replies, stage } = await stream(client, "/chat", { message: "hello world", system_prompt: "Bot:", repeat: 2 });
    expect(stage).toBe("complete");
    const full = "Bot: hello world hello world (exchange 1)";
    expect(replies.at(-1)).toBe(full);
    // Each message grows the reply by a word; no token is lost or repeated.
    const distinct = replies.filter((r, i) => r !== replies[i - 1]) as string[];
    expect(distinct.length).toBe(full.split(" ").length);
    distinct.forEach((r, i) => {
      expect(full.startsWith(r)).toBe(true);
      if (i > 0) expect(r.length).toBeGreaterThan(distinct[i - 1]!.length);
    });
    client.close();
  });

  it("keeps the history per session: a second call sees the first exchange, another client starts empty", async () => {
    const first = await Client.connect(echo.url, { events: ["data", "status"] });
    await stream(first, "/chat", { message: "one" });
    const { replies } = await stream(first, "/chat", { message: "two" });
    // Defaults: the prefix "Echo:" and one repeat.
    expect(replies.at(-1)).toBe("Echo: two (exchange 2)");
    // By position too, as Gradio's examples call it: the message then the additional inputs.
    const { replies: positional } = await stream(first, "/chat", ["four", "Pos:", 1]);
    expect(positional.at(-1)).toBe("Pos: four (exchange 3)");
    const other = await Client.connect(echo.url, { events: ["data", "status"] });
    const { replies: fresh } = await stream(other, "/chat", { message: "three" });
    expect(fresh.at(-1)).toBe("Echo: three (exchange 1)");
    first.close();
    other.close();
  });

  it("sends the streamed reply as appended diffs, not the whole text each time", async () => {
    const response = await fetch(`${echo.url}gradio_api/queue/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ data: ["diff check", null, "Echo:", 1], fn_index: await chatIndex(echo.url), session_hash: "difftest01", event_data: null, trigger_id: null }),
    });
    expect(response.status).toBe(200);
    const sse = await (await fetch(`${echo.url}gradio_api/queue/data?session_hash=difftest01`)).text();
    const messages = sse
      .split("\n")
      .filter((l) => l.startsWith("data: "))
      .map((l) => JSON.parse(l.slice(6)) as { msg: string; output?: { data: unknown[] } });
    const generating = messages.filter((m) => m.msg === "process_generating");
    expect(generating.length).toBeGreaterThan(2);
    // After the first message, each carries only the new word, as an append to the reply.
    for (const m of generating.slice(1)) {
      const edits = m.output!.data[0] as [string, unknown[], string][];
      expect(edits.every(([action, path]) => action === "append" && path.length === 0)).toBe(true);
    }
  });

  it("round trips a multimodal message with a file", async () => {
    const png = join(dir, "dot.png");
    // A 1×1 PNG.
    await writeFile(png, Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
    const client = await Client.connect(multimodal.url, { events: ["data", "status"] });
    const result = await client.predict("/chat", { message: { text: "what is this?", files: [handle_file(new Blob([await readFile(png)], { type: "image/png" }))] } });
    const reply = (result.data as unknown[])[0] as { role: string; content: unknown }[];
    expect(reply.map((m) => m.role)).toEqual(["assistant", "assistant", "assistant"]);
    expect(reply[2]!.content).toBe("You wrote: what is this?");
    expect(String(reply[1]!.content)).toMatch(/\(\d+ bytes\)/);
    expect(String(reply[1]!.content)).toContain(`(${(await readFile(png)).byteLength} bytes)`);
    client.close();
  });
});

describe("ChatInterface with additional outputs", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveAtRoot(
      new vt.ChatInterface({
        fn: (message: string, history: vt.HistoryMessage[]) => [`Echo ${message}`, `${history.length} earlier messages`] as const,
        additional_outputs: [vt.Textbox({ label: "Stats" })],
      }),
    );
  });
  afterAll(() => served.close());

  it("returns the reply and the additional outputs' values", async () => {
    const client = await Client.connect(served.url);
    expect((await client.predict("/chat", { message: "a" })).data).toEqual(["Echo a", "0 earlier messages"]);
    expect((await client.predict("/chat", { message: "b" })).data).toEqual(["Echo b", "2 earlier messages"]);
    client.close();
  });
});

/** The fn_index of the `/chat` endpoint. */
async function chatIndex(url: string): Promise<number> {
  const config = (await (await fetch(`${url}config`)).json()) as { dependencies: { id: number; api_name: string | null }[] };
  return config.dependencies.find((d) => d.api_name === "chat")!.id;
}
