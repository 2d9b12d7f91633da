/**
 * Chatbot over the wire, through Gradio's official `@gradio/client`: a function receiving the
 * history and returning it with an assistant reply round trips (history given in Gradio 6's
 * normalized form, or loosely as `{ role, content: "text" }`); a file message uploaded by the
 * client reaches the function as a local file and comes back served; `view_api()` describes the
 * Chatbot parameter.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client, handle_file } from "@gradio/client";
import * as vt from "vitrine";
import { serveAtRoot, type Served } from "./harness.js";

/** An app whose `/respond` takes a history and a message and returns the history with both turns. */
function echoBot() {
  return vt.Blocks(() => {
    const history = vt.Chatbot({ label: "History" });
    const message = vt.Textbox({ label: "Message" });
    const out = vt.Chatbot({ label: "Reply" });
    vt.Button("Send").click({
      fn: async (messages: vt.NormalizedMessage[], text: string) => {
        const files = messages.flatMap((m) => m.content).filter((p) => p.type === "file");
        // A file the function got is a local file it can read.
        const sizes = await Promise.all(files.map(async (p) => (p.type === "file" ? (await readFile(p.file.path)).length : 0)));
        const reply: vt.ChatMessage = {
          role: "assistant",
          content: [`${messages.length} messages before; you said: ${text}${sizes.length ? `; files of ${sizes.join(", ")} bytes` : ""}`, ...files],
          metadata: { title: "Echo", status: "done", duration: 0.25 },
          options: [{ value: "again", label: "Again" }],
        };
        return [...messages, { role: "user" as const, content: text }, reply];
      },
      inputs: [history, message],
      outputs: [out],
      api_name: "respond",
    });
  });
}

describe("Chatbot through @gradio/client", () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveAtRoot(echoBot());
  });
  afterAll(async () => {
    await served.close();
  });

  it("a function receiving the history and returning it with an assistant reply round trips", async () => {
    const client = await Client.connect(served.url);
    const history = [
      { role: "user", content: [{ type: "text", text: "Hi" }], metadata: null, options: null },
      { role: "assistant", content: [{ type: "text", text: "Hello! **How** can I help?" }], metadata: null, options: null },
    ];
    const result = await client.predict("/respond", [history, "tell me more"]);
    expect((result.data as unknown[])[0]).toEqual([
      ...history,
      { role: "user", content: [{ type: "text", text: "tell me more" }], metadata: null, options: null },
      {
        role: "assistant",
        content: [{ type: "text", text: "2 messages before; you said: tell me more" }],
        metadata: { title: "Echo", status: "done", duration: 0.25 },
        options: [{ value: "again", label: "Again" }],
      },
    ]);
    // A loose history (OpenAI-style string content), as scripts often send it, is normalized.
    const loose = await client.predict("/respond", [[{ role: "user", content: "Hello" }], "again"]);
    const messages = (loose.data as vt.NormalizedMessage[][])[0]!;
    expect(messages[0]).toEqual({ role: "user", content: [{ type: "text", text: "Hello" }], metadata: null, options: null });
    expect(messages.map(vt.messageText)).toEqual(["Hello", "again", "1 messages before; you said: again"]);
    client.close();
  });

  it("a file message round trips: uploaded, read by the function as a local file, served back", async () => {
    const client = await Client.connect(served.url);
    const bytes = new TextEncoder().encode("a note for the bot");
    const history = [{ role: "user", content: [{ type: "file", file: handle_file(new Blob([bytes], { type: "text/plain" })), alt_text: null }], metadata: null, options: null }];
    const result = await client.predict("/respond", [history, "read it"]);
    const messages = (result.data as vt.NormalizedMessage[][])[0]!;
    expect(messages).toHaveLength(3);
    const reply = messages[2]!;
    expect(vt.messageText(reply)).toBe(`1 messages before; you said: read it; files of ${bytes.length} bytes`);
    const part = reply.content[1]!;
    expect(part.type).toBe("file");
    if (part.type !== "file") throw new Error("not a file");
    expect(part.file.url).toMatch(/\/gradio_api\/file=/);
    const download = await fetch(part.file.url!);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("a note for the bot");
    client.close();
  });

  it("view_api describes the Chatbot parameter and return", async () => {
    const client = await Client.connect(served.url);
    type Param = { label: string; example_input?: unknown; parameter_name: string; component: string; type: Record<string, unknown>; python_type: { type: string; description: string } };
    const api = (await client.view_api()) as { named_endpoints: Record<string, { parameters: Param[]; returns: Param[] }> };
    const endpoint = api.named_endpoints["/respond"]!;
    const [history, message] = endpoint.parameters;
    expect(history).toMatchObject({ label: "History", parameter_name: "messages", component: "Chatbot" });
    expect(history!.example_input).toEqual([
      { role: "user", content: [{ type: "text", text: "Hello!" }], metadata: null, options: null },
      { role: "assistant", content: [{ type: "text", text: "How can I help you?" }], metadata: null, options: null },
    ]);
    expect(history!.python_type.type).toMatch(/^list\[Dict\(role: str/);
    expect(history!.python_type.description).toMatch(/chat message dictionaries/);
    expect(message).toMatchObject({ component: "Textbox" });
    expect(endpoint.returns[0]).toMatchObject({ label: "Reply", component: "Chatbot" });
    client.close();
    // The JSON schema itself, as /info gives it (the client shows object schemas as python_type only).
    const info = (await (await fetch(`${served.url}gradio_api/info`)).json()) as { named_endpoints: Record<string, { parameters: { type: Record<string, unknown> }[] }> };
    expect(info.named_endpoints["/respond"]!.parameters[0]!.type).toMatchObject({
      type: "array",
      title: "ChatbotDataMessages",
      items: { title: "Message", required: ["role", "content"], properties: { role: { type: "string" }, content: { type: "array" } } },
    });
  });
});
