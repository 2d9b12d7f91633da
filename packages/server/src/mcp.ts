/**
 * The app as an MCP server (`launch({ mcp_server: true })`, or `VITRINE_MCP_SERVER=true`), as
 * Gradio's: each endpoint of the API (named, shown) is a tool (see mcp-tools.ts), served with the
 * official MCP SDK over streamable HTTP at `{API_PREFIX}/mcp/` (stateless: a server per request)
 * and over the older SSE transport at `{API_PREFIX}/mcp/sse`. `GET {API_PREFIX}/mcp/schema` lists
 * the tools as JSON. A tool call runs as an event of the app's queue (concurrency limits,
 * batching and progress as for the page); its progress reaches the client as
 * `notifications/progress` when the call carries a progress token.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import express, { type Request, type Router } from "express";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { SSEServerTransport } from "@modelcontextprotocol/sdk/server/sse.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { API_PREFIX, VERSION, type BlocksApp, type Dependency, type ProgressUnit, type RequestInfo } from "@vitrine/core";
import { QueueFullError, type BatchSpec, type Job, type Queue } from "@vitrine/queue";
import { EventFileStore, type FileCache } from "./files/cache.js";
import { ToolInputError, toolContent, wireArguments, type FileIntake } from "./mcp-content.js";
import { appTools, type ToolSpec } from "./mcp-tools.js";
import { EventTask } from "./run-event.js";
import type { StateStore } from "./state-store.js";

/** What the MCP server needs from the app's service. */
export interface McpHost {
  app: BlocksApp;
  queue: Queue;
  /** Each session's State values (a tool call is a session of its own, forgotten when it ends). */
  states: StateStore;
  /** The app's file cache. */
  cache: FileCache;
  /** Whether messages of any throw reach clients (`show_error`). */
  showError: boolean;
  /** How a dependency's events are queued (its concurrency group and batch). */
  plan(dep: Dependency): { concurrencyId: string; concurrencyLimit: number | null; batch: BatchSpec | null };
  /** What `ctx.request` tells the function. */
  request(req: IncomingMessage, sessionHash: string): RequestInfo;
  /** The request's public URL up to where the router serving it is mounted (express's `baseUrl`), no trailing slash. */
  baseUrl(req: Request): string;
  /** Reads a JSON request body (with the server's size and depth limits). */
  readBody(req: IncomingMessage): Promise<unknown>;
}

/** Whether the MCP server is on: the `mcp_server` option, else the `VITRINE_MCP_SERVER` environment variable (`true`/`1`/`yes`). */
export function mcpEnabled(option: boolean | undefined): boolean {
  if (option !== undefined) return option;
  return /^(1|true|yes|on)$/i.test(process.env.VITRINE_MCP_SERVER ?? "");
}

/** The path of the MCP server under an app's URL (`<app url>gradio_api/mcp/`). */
export const MCP_PATH = `${API_PREFIX}/mcp/`;

/**
 * The MCP routes of an app, to mount at `{API_PREFIX}/mcp` ahead of the JSON body reader:
 * `/` and `/http` (streamable HTTP; a browser's plain GET gets a page saying how to connect),
 * `/sse` + `/messages` (the SSE transport), `/schema` (the tools as JSON). A `tools=a,b` query
 * on the URL a client connects to limits it to those tools.
 */
export function mcpRouter(host: McpHost): Router {
  const router = express.Router();
  const sse = new Map<string, SSEServerTransport>();
  let tools: ToolSpec[] | null = null;
  // The app is fixed once served: its tools are made once.
  const allTools = (): ToolSpec[] => (tools ??= appTools(host.app));
  const selected = (req: Request): ToolSpec[] => {
    const list = allTools();
    const query = typeof req.query.tools === "string" ? req.query.tools : null;
    if (query === null) return list;
    const wanted = new Set(query.split(",").map((t) => t.trim()));
    return list.filter((t) => wanted.has(t.name));
  };

  router.get(["/schema", "/schema/"], (req, res) => {
    res.json(
      selected(req).map((t) => ({
        name: t.name,
        description: t.description,
        inputSchema: t.inputSchema,
        meta: { file_data_present: t.takesFiles, mcp_type: "tool", endpoint_name: t.endpoint.replace(/^\//, "") },
      })),
    );
  });

  router.get(["/sse", "/sse/"], (req, res, next) => {
    const transport = new SSEServerTransport(`${new URL(host.baseUrl(req)).pathname.replace(/\/+$/, "")}/messages/`, res);
    sse.set(transport.sessionId, transport);
    const server = toolServer(host, () => selected(req), req);
    res.on("close", () => {
      sse.delete(transport.sessionId);
      void server.close();
    });
    server.connect(transport).catch(next);
  });
  router.post(["/messages", "/messages/"], (req, res, next) => {
    const transport = sse.get(typeof req.query.sessionId === "string" ? req.query.sessionId : "");
    if (!transport) {
      res.status(404).json({ detail: "No MCP SSE session with this sessionId: open GET …/gradio_api/mcp/sse first" });
      return;
    }
    host.readBody(req).then((body) => transport.handlePostMessage(req, res, body), next);
  });

  router.all(["/", "/http", "/http/"], (req, res, next) => {
    if (req.method === "GET" && !/text\/event-stream/i.test(req.headers.accept ?? "")) {
      res.type("html").send(landingPage(`${host.baseUrl(req)}/`));
      return;
    }
    if (req.method !== "POST") {
      // Stateless: no stream outlives its request, and there is no session to delete.
      res.status(405).set("Allow", "POST").json({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed: POST MCP messages here" }, id: null });
      return;
    }
    host.readBody(req).then(async (body) => {
      const server = toolServer(host, () => selected(req), req);
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on("close", () => {
        void transport.close();
        void server.close();
      });
      await server.connect(transport);
      await transport.handleRequest(req, res, body);
    }, next).catch(next);
  });

  router.use((req, res) => {
    res.status(404).json({ detail: `Not found: ${req.method} ${req.originalUrl}. The MCP server is at ${MCP_PATH} (streamable HTTP) and ${MCP_PATH}sse.` });
  });
  return router;
}

/** An MCP server (the low-level SDK one: the schemas are JSON already) answering for the app's tools. */
function toolServer(host: McpHost, tools: () => ToolSpec[], req: Request): Server {
  const server = new Server({ name: host.app.title, version: VERSION }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools().map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = tools().find((t) => t.name === request.params.name);
    if (!tool) return failure(`Unknown tool: ${request.params.name}. This app's tools: ${tools().map((t) => t.name).join(", ") || "none"}`);
    const token = request.params._meta?.progressToken;
    let step = 0;
    const notify =
      token === undefined
        ? null
        : (message: string) => {
            void extra
              .sendNotification({ method: "notifications/progress", params: { progressToken: token, progress: ++step, message } })
              .catch(() => undefined);
          };
    return callTool(host, tool, request.params.arguments, req, extra.signal, notify);
  });
  return server;
}

function failure(message: string): CallToolResult {
  return { isError: true, content: [{ type: "text", text: message }] };
}

/**
 * Runs one tool call as an event of the app's queue and answers with its outputs as MCP content
 * (a generator's last yield); a throw, a bad argument, a full queue or a cancellation is a tool
 * error with its message. `notify` gets each status and progress update, as text.
 */
export async function callTool(
  host: McpHost,
  tool: ToolSpec,
  args: Record<string, unknown> | undefined,
  req: Request,
  signal: AbortSignal,
  notify: ((message: string) => void) | null,
): Promise<CallToolResult> {
  const base = host.baseUrl(req);
  const root = base.endsWith(`${API_PREFIX}/mcp`) ? base.slice(0, -`${API_PREFIX}/mcp`.length) : base;
  const store = new EventFileStore(host.cache, () => root);
  const intake: FileIntake = { cache: host.cache, root, fileUrl: store.fileUrl };
  let data: unknown[];
  try {
    data = await wireArguments(tool, args, intake);
  } catch (err) {
    if (err instanceof ToolInputError) return failure(err.message);
    throw err;
  }
  const dep = tool.dependency;
  const plan = host.plan(dep);
  const hash = `mcp-${randomUUID()}`;
  const eventId = randomUUID().replaceAll("-", "");
  const outcome = await new Promise<{ ok: true; data: unknown[] } | { ok: false; message: string }>((resolve) => {
    let job: Job | null = null;
    const send = (text: string): void => {
      const msg = JSON.parse(text.slice("data: ".length)) as QueueFrame;
      if (msg.msg === "process_completed") {
        signal.removeEventListener("abort", abort);
        if (!msg.success) return resolve({ ok: false, message: errorMessage(msg.output, host.showError) });
        const out = (msg.output as { data?: unknown[] }).data;
        return resolve(out ? { ok: true, data: out } : { ok: false, message: "The call was cancelled" });
      }
      const status = notify && statusMessage(msg);
      if (status) notify(status);
    };
    const abort = () => job?.cancel();
    try {
      job = host.queue.push(
        new EventTask({
          eventId,
          call: { dependency: dep, data, sessionHash: hash, eventData: null, triggerId: null },
          request: () => host.request(req, hash),
          concurrencyId: plan.concurrencyId,
          concurrencyLimit: plan.concurrencyLimit,
          batch: plan.batch,
          showError: host.showError,
          files: { files: store, fileUrl: store.fileUrl },
          send,
          state: {
            inputs: (d, values) => host.states.inputs(hash, d, values),
            outputs: (d, values) => host.states.outputs(hash, d, values),
          },
        }),
      );
    } catch (err) {
      return resolve({ ok: false, message: err instanceof QueueFullError ? err.message : `The call could not be queued: ${String(err)}` });
    }
    if (signal.aborted) abort();
    else signal.addEventListener("abort", abort, { once: true });
  });
  host.states.end(hash);
  if (!outcome.ok) return failure(outcome.message);
  return { content: await toolContent(dep, outcome.data, (path) => store.read(path)) };
}

/** A queue message, as the event task frames it. */
interface QueueFrame {
  msg: string;
  success?: boolean;
  output?: unknown;
  rank?: number;
  queue_size?: number;
  rank_eta?: number | null;
  progress_data?: ProgressUnit[];
}

/**
 * The text of a failed event's error payload (`Title: message`, as Gradio's MCP server says it).
 * A throw other than `vt.Error` has no message unless the app shows errors (`show_error`).
 */
export function errorMessage(output: unknown, showError: boolean): string {
  const { error, title } = (output ?? {}) as { error?: string | null; title?: string };
  if (error) return `${title ?? "Error"}: ${error}`;
  return showError ? `${title ?? "Error"}` : "Error: the function failed (its message is shown only with show_error: true)";
}

/** A status or progress message as one line of text for a progress notification, or null. */
export function statusMessage(msg: QueueFrame): string | null {
  switch (msg.msg) {
    case "estimation": {
      let text = `In queue. Position ${(msg.rank ?? 0) + 1} out of ${msg.queue_size ?? 1}.`;
      if (typeof msg.rank_eta === "number") text += ` Estimated time remaining: ${Math.round(msg.rank_eta * 10) / 10} seconds.`;
      return text;
    }
    case "process_starts":
      return "Processing";
    case "progress":
      return progressText(msg.progress_data ?? []);
    default:
      return null;
  }
}

/** `Progress <desc>: Step 2 of 5` (or `: 40%`) for the innermost progress unit. */
export function progressText(units: readonly ProgressUnit[]): string | null {
  const unit = units[units.length - 1];
  if (!unit) return null;
  const title = unit.desc ? `Progress ${unit.desc}` : "Progress";
  if (unit.index !== null && unit.length !== null) return `${title}: Step ${unit.index} of ${unit.length}`;
  if (unit.index !== null) return `${title}: Step ${unit.index}`;
  if (unit.progress !== null) return `${title}: ${Math.round(unit.progress * 100)}%`;
  return title;
}

/** What a browser's plain GET of the MCP URL shows: the URL, and how an MCP client connects to it. */
function landingPage(url: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const config = JSON.stringify({ mcpServers: { vitrine: { url } } }, null, 2);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MCP server</title>
<style>body{font-family:system-ui,sans-serif;max-width:44rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1f2937}
pre,code{font-family:ui-monospace,monospace;background:#f3f4f6;border-radius:6px}pre{padding:1rem;overflow-x:auto}code{padding:.1rem .3rem}</style></head>
<body><h1>MCP server</h1><p>This is the Model Context Protocol endpoint of a Vitrine app: MCP clients (AI assistants) connect here; it is not a page to browse.</p>
<p>Server URL (streamable HTTP): <code>${esc(url)}</code></p><p>For example, in an MCP client's settings:</p><pre>${esc(config)}</pre>
<p>The tools and their input schemas: <a href="schema">schema</a>.</p></body></html>`;
}

