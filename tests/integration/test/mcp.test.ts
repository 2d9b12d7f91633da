/**
 * Apps as MCP tools (issue 11): the official MCP SDK's client, over streamable HTTP (and the older
 * SSE transport), connects to a real Vitrine app launched with `mcp_server: true`, lists its tools
 * (names, descriptions, input schemas) and calls them: text in and out, an image given by URL
 * (of this app, of another server, or a data: URL) whose real bytes the function reads, a file
 * returned as its URL (an image also inline), progress notifications, a generator's last value,
 * and errors as tool errors. An app without `mcp_server` has no MCP route.
 */
import { createHash } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult, Progress } from "@modelcontextprotocol/sdk/types.js";
import { Jimp } from "jimp";
import * as vt from "vitrine";
import { serveMounted, type Served } from "./harness.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A 3×2 PNG of one colour. */
async function png(color: number, width = 3, height = 2): Promise<Buffer> {
  return new Jimp({ width, height, color }).getBuffer("image/png");
}

function mcpApp(): vt.App {
  return vt.Blocks({ title: "MCP tools" }, () => {
    const word = vt.Textbox({ label: "Word" });
    const letter = vt.Textbox({ label: "Letter", value: "r" });
    const count = vt.Number({ label: "Count" });
    const image = vt.Image({ label: "Picture", type: "filepath" });
    const text = vt.Textbox({ label: "Text" });
    const outImage = vt.Image({ label: "Made", format: "png" });
    const outFile = vt.File({ label: "Saved" });
    const steps = vt.Number({ label: "Steps", value: 3 });
    const button = vt.Button("Run");
    button.click({
      fn: function letter_counter(word: string, letter: string): number {
        /**
         * Counts how often a letter occurs in a word.
         * @param word - The word to search.
         * @param letter - The letter to count.
         * @returns How many times the letter occurs.
         */
        return [...word].filter((c) => c === letter).length;
      },
      inputs: [word, letter],
      outputs: [count],
    });
    button.click({
      fn: async (path: string) => {
        // The real bytes the tool got: their size in pixels, colour and digest.
        const { readFile } = await import("node:fs/promises");
        const bytes = await readFile(path);
        const img = await Jimp.fromBuffer(bytes);
        return `${img.width}x${img.height} #${img.getPixelColor(0, 0).toString(16).padStart(8, "0")} ${sha256(bytes)}`;
      },
      inputs: [image],
      outputs: [text],
      api_name: "describe_image",
      api_description: "Tells an image's size, first pixel and SHA-256.",
    });
    button.click({
      fn: async (hex: string) => new Jimp({ width: 4, height: 3, color: parseInt(`${hex}ff`, 16) }),
      inputs: [text],
      outputs: [outImage],
      api_name: "make_image",
    });
    button.click({
      fn: async (content: string) => {
        const path = join(tmpdir(), `vitrine-mcp-${Date.now()}-${Math.random().toString(36).slice(2)}.txt`);
        await writeFile(path, content);
        return path;
      },
      inputs: [text],
      outputs: [outFile],
      api_name: "save_text",
    });
    button.click({
      fn: async (n: number, ctx: vt.EventContext) => {
        for (let i = 0; i < n; i++) {
          ctx.progress([i, n], { desc: "counting" });
          await sleep(80);
        }
        return n * 10;
      },
      inputs: [steps],
      outputs: [count],
      api_name: "slow_count",
    });
    button.click({
      fn: async function* countdown(n: number) {
        for (let i = n; i >= 0; i--) yield `${i}`;
      },
      inputs: [steps],
      outputs: [text],
    });
    button.click({
      fn: (w: string): string => {
        throw new vt.Error(`Cannot use "${w}"`);
      },
      inputs: [word],
      outputs: [text],
      api_name: "refuse",
    });
    button.click({
      fn: (w: string): string => {
        throw new Error(`secret detail ${w}`);
      },
      inputs: [word],
      outputs: [text],
      api_name: "crash",
    });
    // A State is no argument: each call starts from its initial value, and its new value is not returned.
    const total = vt.State({ value: 5 });
    button.click({
      fn: (sum: number, w: string) => [sum + w.length, `${sum} + ${w.length}`],
      inputs: [total, word],
      outputs: [total, text],
      api_name: "add_length",
    });
    button.click({ fn: (w: string) => w, inputs: [word], outputs: [text], api_name: "hidden", show_api: false });
  });
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: "vitrine-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

function texts(result: CallToolResult): string[] {
  return result.content.filter((c) => c.type === "text").map((c) => (c as { text: string }).text);
}

describe("an app launched with mcp_server: true", () => {
  let app: vt.App;
  let url: string;
  let client: Client;
  let other: Server;
  let otherUrl: string;
  const bluePng = png(0x0000ffff);

  beforeAll(async () => {
    app = mcpApp();
    // A second server on this machine serves an image by URL (the fetcher is allowed loopback for the test).
    const blue = await bluePng;
    other = createServer((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(blue));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/pictures/blue.png`;
    const running = await app.launch({ server_port: 0, quiet: true, mcp_server: true, url_address_check: () => true });
    url = running.url;
    client = await connect(`${url}gradio_api/mcp/`);
  });

  afterAll(async () => {
    await client?.close();
    await app?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  it("lists the visible endpoints as tools, with descriptions and input schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["letter_counter", "describe_image", "make_image", "save_text", "slow_count", "countdown", "refuse", "crash", "add_length"]);
    const counter = tools.find((t) => t.name === "letter_counter")!;
    expect(counter.description).toBe("Counts how often a letter occurs in a word. Returns: How many times the letter occurs.");
    expect(counter.inputSchema).toEqual({
      type: "object",
      properties: {
        word: { type: "string", description: "The word to search." },
        letter: { type: "string", description: "The letter to count.", default: "r" },
      },
    });
    const describeImage = tools.find((t) => t.name === "describe_image")!;
    expect(describeImage.description).toBe("Tells an image's size, first pixel and SHA-256.");
    expect(describeImage.inputSchema.properties!.path).toMatchObject({ type: "string", format: expect.stringMatching(/url/) });
    expect(describeImage.inputSchema.required).toEqual(["path"]);
    expect(tools.find((t) => t.name === "slow_count")!.inputSchema.properties!.n).toEqual({ type: "number", default: 3 });
  });

  it("calls a text tool, with defaults for left-out arguments", async () => {
    const result = (await client.callTool({ name: "letter_counter", arguments: { word: "strawberry" } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(texts(result)).toEqual(["3"]);
    const other = (await client.callTool({ name: "letter_counter", arguments: { word: "banana", letter: "a" } })) as CallToolResult;
    expect(texts(other)).toEqual(["3"]);
  });

  it("takes an image as a data: URL, a URL of another server, or a URL of a file this app serves; the function reads its bytes", async () => {
    const red = await png(0xff0000ff);
    const asData = (await client.callTool({
      name: "describe_image",
      arguments: { path: `data:image/png;base64,${red.toString("base64")}` },
    })) as CallToolResult;
    expect(asData.isError).toBeFalsy();
    expect(texts(asData)).toEqual([`3x2 #ff0000ff ${sha256(red)}`]);

    const blue = await bluePng;
    const fetched = (await client.callTool({ name: "describe_image", arguments: { path: otherUrl } })) as CallToolResult;
    expect(texts(fetched)).toEqual([`3x2 #0000ffff ${sha256(blue)}`]);

    // Uploaded to this app first, as the page would: its file URL is read from the cache.
    const green = await png(0x00ff00ff);
    const form = new FormData();
    form.append("files", new Blob([new Uint8Array(green)], { type: "image/png" }), "green.png");
    const [path] = (await (await fetch(`${url}gradio_api/upload`, { method: "POST", body: form })).json()) as string[];
    const own = (await client.callTool({ name: "describe_image", arguments: { path: `${url}gradio_api/file=${path}` } })) as CallToolResult;
    expect(texts(own)).toEqual([`3x2 #00ff00ff ${sha256(green)}`]);
  });

  it("refuses a file that is not a URL, and a path of this server that it did not issue", async () => {
    const bad = (await client.callTool({ name: "describe_image", arguments: { path: "/etc/passwd" } })) as CallToolResult;
    expect(bad.isError).toBe(true);
    expect(texts(bad)[0]).toMatch(/must be a file given as a URL/);
    const outside = (await client.callTool({ name: "describe_image", arguments: { path: `${url}gradio_api/file=/etc/passwd` } })) as CallToolResult;
    expect(outside.isError).toBe(true);
    expect(texts(outside)[0]).toMatch(/not allowed|File not allowed/i);
  });

  it("returns an image as inline image content and its URL, which serves the same bytes", async () => {
    const result = (await client.callTool({ name: "make_image", arguments: { hex: "336699" } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const [inline, link] = result.content as [{ type: string; data: string; mimeType: string }, { type: string; text: string }];
    expect(inline.type).toBe("image");
    expect(inline.mimeType).toMatch(/^image\//);
    const fileUrl = link.text.replace(/^Image URL: /, "");
    expect(fileUrl.startsWith(`${url}gradio_api/file=`)).toBe(true);
    const served = Buffer.from(await (await fetch(fileUrl)).arrayBuffer());
    expect(served.equals(Buffer.from(inline.data, "base64"))).toBe(true);
    const img = await Jimp.fromBuffer(served);
    expect([img.width, img.height, img.getPixelColor(1, 1)]).toEqual([4, 3, 0x336699ff]);
  });

  it("returns a file as its URL", async () => {
    const result = (await client.callTool({ name: "save_text", arguments: { content: "hello from a tool" } })) as CallToolResult;
    const [fileUrl] = texts(result);
    expect(fileUrl).toMatch(new RegExp(`^${url}gradio_api/file=.*\\.txt$`));
    expect(await (await fetch(fileUrl!)).text()).toBe("hello from a tool");
  });

  it("sends progress notifications when the call has a progress token", async () => {
    const updates: Progress[] = [];
    const result = (await client.callTool({ name: "slow_count", arguments: { n: 4 } }, undefined, {
      onprogress: (p) => updates.push(p),
    })) as CallToolResult;
    expect(texts(result)).toEqual(["40"]);
    const messages = updates.map((u) => u.message);
    expect(messages).toContain("Processing");
    expect(messages).toEqual(expect.arrayContaining(["Progress counting: Step 1 of 4", "Progress counting: Step 3 of 4"]));
    // Progress only grows.
    expect(updates.map((u) => u.progress)).toEqual(updates.map((_, i) => i + 1));
  });

  it("leaves States out of the arguments and the result, each call starting from their initial value", async () => {
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === "add_length")!.inputSchema.properties).toEqual({ w: { type: "string" } });
    for (let i = 0; i < 2; i++) {
      const result = (await client.callTool({ name: "add_length", arguments: { w: "abc" } })) as CallToolResult;
      expect(texts(result)).toEqual(["5 + 3"]);
    }
  });

  it("answers with a generator's last value", async () => {
    const result = (await client.callTool({ name: "countdown", arguments: { n: 3 } })) as CallToolResult;
    expect(texts(result)).toEqual(["0"]);
  });

  it("reports a throw, a bad argument and an unknown tool as tool errors", async () => {
    const thrown = (await client.callTool({ name: "refuse", arguments: { w: "x" } })) as CallToolResult;
    expect(thrown).toMatchObject({ isError: true });
    expect(texts(thrown)).toEqual(['Error: Cannot use "x"']);
    // Any other throw is reported without its message (it may hold secrets), as on the page.
    const crashed = (await client.callTool({ name: "crash", arguments: { w: "x" } })) as CallToolResult;
    expect(crashed.isError).toBe(true);
    expect(texts(crashed)[0]).toMatch(/^Error: the function failed/);
    expect(texts(crashed)[0]).not.toMatch(/secret/);
    const unknownArg = (await client.callTool({ name: "letter_counter", arguments: { wrod: "x" } })) as CallToolResult;
    expect(unknownArg.isError).toBe(true);
    expect(texts(unknownArg)[0]).toMatch(/Unknown argument "wrod".*"word", "letter"/);
    const missing = (await client.callTool({ name: "describe_image", arguments: {} })) as CallToolResult;
    expect(texts(missing)[0]).toMatch(/Missing required argument "path"/);
    const unknownTool = (await client.callTool({ name: "hidden", arguments: { w: "x" } })) as CallToolResult;
    expect(unknownTool.isError).toBe(true);
    expect(texts(unknownTool)[0]).toMatch(/Unknown tool: hidden/);
  });

  it("limits the tools to those named in ?tools=, and lists them as JSON at /schema", async () => {
    const some = await connect(`${url}gradio_api/mcp/?tools=letter_counter,save_text`);
    try {
      expect((await some.listTools()).tools.map((t) => t.name)).toEqual(["letter_counter", "save_text"]);
    } finally {
      await some.close();
    }
    const schema = (await (await fetch(`${url}gradio_api/mcp/schema`)).json()) as { name: string; meta: { file_data_present: boolean } }[];
    expect(schema.map((s) => s.name)).toContain("describe_image");
    expect(schema.find((s) => s.name === "describe_image")!.meta.file_data_present).toBe(true);
  });

  it("serves the SSE transport at /gradio_api/mcp/sse", async () => {
    const sse = new Client({ name: "vitrine-test-sse", version: "1.0.0" });
    await sse.connect(new SSEClientTransport(new URL(`${url}gradio_api/mcp/sse`)));
    try {
      expect((await sse.listTools()).tools).toHaveLength(9);
      const result = (await sse.callTool({ name: "letter_counter", arguments: { word: "error", letter: "r" } })) as CallToolResult;
      expect(texts(result)).toEqual(["3"]);
    } finally {
      await sse.close();
    }
  });

  it("shows a browser a page about the MCP URL", async () => {
    const res = await fetch(`${url}gradio_api/mcp/`, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`${url}gradio_api/mcp/`);
  });
});

describe("MCP tools of an app mounted under a path", () => {
  let served: Served;
  let client: Client;

  beforeAll(async () => {
    const previous = process.env.VITRINE_MCP_SERVER;
    // The environment variable turns the MCP server on, as GRADIO_MCP_SERVER does.
    process.env.VITRINE_MCP_SERVER = "true";
    try {
      served = await serveMounted(mcpApp(), "/apps/tools");
    } finally {
      if (previous === undefined) delete process.env.VITRINE_MCP_SERVER;
      else process.env.VITRINE_MCP_SERVER = previous;
    }
    client = await connect(`${served.url}gradio_api/mcp/`);
  });

  afterAll(async () => {
    await client?.close();
    await served?.close();
  });

  it("returns file URLs under the mount path, which take the file back as an input", async () => {
    const made = (await client.callTool({ name: "make_image", arguments: { hex: "ff8800" } })) as CallToolResult;
    const fileUrl = texts(made)[0]!.replace(/^Image URL: /, "");
    expect(fileUrl.startsWith(`${served.url}gradio_api/file=`)).toBe(true);
    const described = (await client.callTool({ name: "describe_image", arguments: { path: fileUrl } })) as CallToolResult;
    expect(texts(described)[0]).toMatch(/^4x3 #ff8800ff /);
  });
});

describe("an app launched without mcp_server", () => {
  it("has no MCP route", async () => {
    const app = vt.Blocks(() => {
      const t = vt.Textbox();
      t.submit({ fn: (x: string) => x, inputs: [t], outputs: [t] });
    });
    const running = await app.launch({ server_port: 0, quiet: true });
    try {
      const post = await fetch(`${running.url}gradio_api/mcp/`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: {} }),
      });
      expect(post.status).toBe(404);
      expect((await fetch(`${running.url}gradio_api/mcp/`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
