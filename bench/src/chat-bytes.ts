/**
 * Bytes per streamed token of a ChatInterface whose history already holds earlier exchanges.
 *
 * A `vt.ChatInterface` is served whose Chatbot starts with `history` messages of about
 * `messageChars` characters each (so every session's history State starts with them too) and
 * whose function streams `tokens` tokens (`t0 `, `t1 `, …, `src/tokens.ts`). Two paths are
 * driven, each in a fresh session, and the bytes of the session's SSE response are counted as
 * they come off the socket (`socket.bytesRead`: status line, headers, chunked framing and every
 * message, `estimation` to `close_stream`):
 *
 * - **page**: what the page does when the message is submitted. The textbox's `submit`
 *   (`queue: false`, `POST /run/predict`), the Chatbot update with the user's message (idem,
 *   with the Chatbot's value as the page holds it), then the hidden queued dependency whose
 *   outputs include the Chatbot (`show_api: false`, found in `/config`: the one the submit chain
 *   leads to), joined with the inputs the page sends (`null` in its State slots). Its streamed
 *   Chatbot value is the whole history; after the first message a token is one nested
 *   `append` at `[last, "content", 0, "text"]`.
 * - **api**: the `/chat` endpoint, `[message, null]`, as a client calls it: outputs
 *   `[reply, <history State>]`.
 *
 * The reference, per path: the bytes the same messages would take if every
 * `process_generating` carried its outputs whole (the whole history each time on the page
 * path), computed from the values rebuilt from the diffs received (the same framing, the same
 * JSON). Each stream is also checked: the reply rebuilt from the diffs is the expected text.
 */
import { request as httpRequest } from "node:http";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import * as vt from "vitrine";
import { sessionHash } from "./protocol-client.js";
import { countTokens, expectedText } from "./tokens.js";
import { chatStream } from "./vitrine-app.js";

/** The bench's parameters. */
export interface ChatBytesOptions {
  /** Messages already in the chat (alternating user / assistant). */
  history: number;
  /** Characters per earlier message (about). */
  messageChars: number;
  /** Tokens the reply streams. */
  tokens: number;
  /** Tokens per second. */
  rate: number;
}

/** What one path's stream cost. */
export interface PathBytes {
  path: "page" | "api";
  /** The dependency joined. */
  fnIndex: number;
  /** Tokens in the reply rebuilt from the stream, and the expected count. */
  tokens: number;
  tokensExpected: number;
  /** Whether the rebuilt reply (and the final value) is exactly the expected text. */
  replyOk: boolean;
  /** `process_generating` messages received. */
  generating: number;
  /** Bytes read from the socket for the whole `/queue/data` response. */
  socketBytes: number;
  /** `Content-Encoding` of the stream (`identity` when none). */
  encoding: string;
  /** Bytes of the SSE body, decoded (every `data: …\n\n`). */
  sseBytes: number;
  /** Bytes of the first `process_generating` (the outputs whole). */
  firstMessageBytes: number;
  /** Median bytes of a later `process_generating` (a diff). */
  diffMessageMedian: number;
  /** Socket bytes / tokens. */
  bytesPerToken: number;
  /**
   * The reference: socket bytes per token if every `process_generating` carried the whole chat
   * history (the earlier messages, the user's and the reply so far) instead of diffs. On the page
   * path that is the outputs whole; on the API path, `[reply, history]` with the State sent.
   */
  fullResendPerToken: number;
  /** bytesPerToken / fullResendPerToken. */
  ratio: number;
  /** Why the path failed (an error message from the server, a protocol error), or null. */
  error: string | null;
}

export interface ChatBytesResult {
  options: ChatBytesOptions;
  /** Bytes of the earlier messages as the Chatbot sends them (JSON). */
  historyBytes: number;
  page: PathBytes;
  api: PathBytes;
}

/** `count` earlier messages of about `chars` characters, alternating user and assistant. */
export function earlierMessages(count: number, chars: number): vt.HistoryMessage[] {
  const words = "the quick brown fox jumps over a lazy dog while streaming tokens through a chat".split(" ");
  return Array.from({ length: count }, (_, i) => {
    let text = `Message ${i + 1}:`;
    for (let w = 0; text.length < chars; w++) text += ` ${words[(i + w) % words.length]}`;
    return { role: i % 2 === 0 ? "user" : "assistant", content: text.slice(0, chars) } as vt.HistoryMessage;
  });
}

/** The served chat: a ChatInterface whose Chatbot starts with the earlier messages. */
export function chatBytesApp(o: ChatBytesOptions): vt.ChatInterface {
  return new vt.ChatInterface({
    fn: chatStream({ tokens: o.tokens, rate: o.rate }),
    chatbot: vt.Chatbot({ value: earlierMessages(o.history, o.messageChars) as never, label: "Chatbot" }),
    concurrency_limit: null,
  });
}

interface ConfigDependency {
  id: number;
  targets: [number, string][];
  inputs: number[];
  outputs: number[];
  queue: boolean;
  api_name: string | null;
  show_api?: boolean;
  trigger_after: number | null;
  types: { generator: boolean };
}
interface Config {
  components: { id: number; type: string; props: { value?: unknown } }[];
  dependencies: ConfigDependency[];
}

/** The dependencies the page runs when the message is submitted: the chain from the textbox's submit. */
export function submitChain(config: Config): { chatbot: number; textbox: number; chain: ConfigDependency[] } {
  const chatbot = config.components.find((c) => c.type === "chatbot");
  if (!chatbot) throw new Error("/config: no chatbot component");
  const first = config.dependencies.find((d) => d.targets.some(([, event]) => event === "submit") && d.api_name === null);
  if (!first) throw new Error("/config: no hidden dependency on a textbox's submit");
  const chain = [first];
  for (;;) {
    const next = config.dependencies.find((d) => d.trigger_after === chain.at(-1)!.id && d.targets.length === 0);
    if (!next) break;
    chain.push(next);
    if (next.queue && next.types.generator && next.outputs.includes(chatbot.id)) break;
  }
  const streaming = chain.at(-1)!;
  if (!(streaming.queue && streaming.types.generator && streaming.outputs.includes(chatbot.id) && streaming.show_api === false)) {
    throw new Error(`/config: the submit chain ${chain.map((d) => d.id).join(" → ")} does not end in a hidden streaming dependency that outputs the chatbot`);
  }
  return { chatbot: chatbot.id, textbox: first.targets[0]![0], chain };
}

async function postJson(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-gradio-user": "api" }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as unknown;
}

/** Reads a session's SSE response to its end over a socket of its own; returns the bytes read and the body. */
function readStream(url: string): Promise<{ socketBytes: number; encoding: string; body: string }> {
  return new Promise((resolve, reject) => {
    // A browser's Accept-Encoding: the server may compress the stream; the bytes are counted as sent.
    const req = httpRequest(url, { agent: false, headers: { accept: "text/event-stream", "accept-encoding": "gzip, deflate, br, zstd" } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`GET ${url}: HTTP ${res.statusCode}`));
      const encoding = String(res.headers["content-encoding"] ?? "identity");
      const decoder = encoding === "gzip" ? createGunzip() : encoding === "br" ? createBrotliDecompress() : encoding === "deflate" ? createInflate() : null;
      const chunks: Buffer[] = [];
      const source = decoder ? res.pipe(decoder) : res;
      source.on("data", (chunk: Buffer) => chunks.push(chunk));
      source.on("error", reject);
      source.on("end", () => {
        const socket = req.socket;
        resolve({ socketBytes: socket?.bytesRead ?? 0, encoding, body: Buffer.concat(chunks).toString("utf8") });
        socket?.destroy();
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** Applies Gradio's nested diffs in place (values here are fresh JSON: nothing else holds them). */
function applyDiffs(value: unknown, edits: unknown[]): unknown {
  for (const edit of edits) {
    const [action, path, v] = edit as [string, (string | number)[], unknown];
    if (path.length === 0) {
      if (action === "replace") value = v;
      else if (action === "append") value = (value as string) + (v as string);
      else throw new Error(`diff ${action} at the root`);
      continue;
    }
    let parent = value as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path.at(-1)!;
    if (action === "replace") parent[key] = v;
    else if (action === "append") parent[key] = (parent[key] as string) + (v as string);
    else if (action === "add") {
      if (Array.isArray(parent)) parent.splice(key as number, 0, v);
      else parent[key] = v;
    } else if (action === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else throw new Error(`unknown diff action ${action}`);
  }
  return value;
}

/** The text of a Chatbot wire message (`content` a string or a list of parts). */
function messageText(message: unknown): string {
  const content = (message as { content?: unknown } | null)?.content;
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => (typeof (p as { text?: unknown }).text === "string" ? (p as { text: string }).text : "")).join("");
  return "";
}

/**
 * Reads an SSE body of one event: rebuilds each output from the first full value and the diffs,
 * sizes each `process_generating` as received and as it would be with its outputs whole.
 */
function weighMessages(body: string, reply: (outputs: unknown[]) => string, whole: (outputs: unknown[]) => unknown[]): {
  generating: number;
  firstMessageBytes: number;
  diffSizes: number[];
  /** Bytes of the `process_generating` messages as received, and as they would be with the whole history. */
  generatingBytes: number;
  fullResendBytes: number;
  streamed: string;
  final: string | null;
  error: string | null;
} {
  let outputs: unknown[] | null = null;
  let generating = 0;
  let firstMessageBytes = 0;
  const diffSizes: number[] = [];
  let fullResendBytes = 0;
  let generatingBytes = 0;
  let final: string | null = null;
  let error: string | null = null;
  for (const block of body.split("\n\n")) {
    if (!block.startsWith("data: ")) continue;
    const size = Buffer.byteLength(block) + 2;
    const m = JSON.parse(block.slice(6)) as { msg: string; success?: boolean; output?: { data?: unknown[] } };
    if (m.msg === "process_generating") {
      const data = m.output?.data ?? [];
      if (outputs === null) {
        outputs = structuredClone(data);
        firstMessageBytes = size;
      } else {
        outputs = outputs.map((value, i) => applyDiffs(value, (data[i] as unknown[]) ?? []));
        diffSizes.push(size);
      }
      const resent = { ...m, output: { ...m.output, data: whole(outputs) } };
      fullResendBytes += Buffer.byteLength(`data: ${JSON.stringify(resent)}\n\n`);
      generatingBytes += size;
      generating++;
    } else if (m.msg === "process_completed") {
      if (m.success !== true) error = `process_completed: ${block.slice(0, 200)}`;
      else final = reply(m.output?.data ?? []);
    } else if (m.msg === "unexpected_error") {
      error = block.slice(0, 200);
    }
  }
  return { generating, firstMessageBytes, diffSizes, generatingBytes, fullResendBytes, streamed: outputs ? reply(outputs) : "", final, error };
}

const median = (values: number[]): number => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Joins `fnIndex` with `data` in session `hash`, reads the stream, weighs it. */
async function streamBytes(
  base: string,
  path: PathBytes["path"],
  hash: string,
  fnIndex: number,
  data: unknown[],
  expected: string,
  reply: (outputs: unknown[]) => string,
  whole: (outputs: unknown[]) => unknown[],
): Promise<PathBytes> {
  await postJson(`${base}gradio_api/queue/join`, { data, event_data: null, fn_index: fnIndex, trigger_id: null, session_hash: hash });
  const { socketBytes, encoding, body } = await readStream(`${base}gradio_api/queue/data?session_hash=${hash}`);
  const w = weighMessages(body, reply, whole);
  const tokens = countTokens(w.streamed);
  // The same response with every process_generating carrying the whole history instead of a diff.
  const resent = socketBytes - w.generatingBytes + w.fullResendBytes;
  const tokensExpected = countTokens(expected);
  return {
    path,
    fnIndex,
    tokens,
    tokensExpected,
    replyOk: w.streamed === expected && w.final === expected,
    generating: w.generating,
    socketBytes,
    encoding,
    sseBytes: Buffer.byteLength(body),
    firstMessageBytes: w.firstMessageBytes,
    diffMessageMedian: median(w.diffSizes),
    bytesPerToken: tokens ? round(socketBytes / tokens) : 0,
    fullResendPerToken: tokens ? round(resent / tokens) : 0,
    ratio: resent ? round(socketBytes / resent, 4) : 0,
    error: w.error,
  };
}

/** A path that could not be measured. */
function failed(path: PathBytes["path"], err: unknown): PathBytes {
  const error = err instanceof Error ? err.message : String(err);
  return { path, fnIndex: -1, tokens: 0, tokensExpected: 0, replyOk: false, generating: 0, socketBytes: 0, encoding: "", sseBytes: 0, firstMessageBytes: 0, diffMessageMedian: 0, bytesPerToken: 0, fullResendPerToken: 0, ratio: 0, error };
}

/** Runs both paths against the chat served at `base` (its trailing slash included). */
export async function measureChatBytesAt(base: string, o: ChatBytesOptions): Promise<Omit<ChatBytesResult, "options">> {
  const config = (await (await fetch(`${base}config`)).json()) as Config;
  const { chatbot, chain } = submitChain(config);
  const expected = expectedText(o.tokens);
  const message = "Tell me more.";
  const chatbotValue = config.components.find((c) => c.id === chatbot)!.props.value ?? [];
  const historyBytes = Buffer.byteLength(JSON.stringify(chatbotValue));

  const page = await pagePath(base, config, chatbot, chain, chatbotValue, message, expected).catch((err: unknown) => failed("page", err));
  // The API: /chat, [message, <history State>], in a fresh session.
  const chat = config.dependencies.find((d) => d.api_name === "chat");
  const api = chat
    ? await streamBytes(base, "api", sessionHash(), chat.id, [message, null], expected, apiReply, (outputs) => {
        // The whole history as the Chatbot would send it, in the State's slot.
        const history = [...(chatbotValue as unknown[]), wireMessage("user", message), wireMessage("assistant", apiReply(outputs))];
        return [outputs[0], history];
      }).catch((err: unknown) => failed("api", err))
    : failed("api", new Error("/config: no /chat endpoint"));
  return { historyBytes, page, api };
}

/**
 * The page's path: the textbox's submit, the chatbot shown with the message (both `queue: false`,
 * sent to `/run/predict` as the page sends them), then the queued streaming dependency.
 */
async function pagePath(base: string, config: Config, chatbot: number, chain: ConfigDependency[], chatbotValue: unknown, message: string, expected: string): Promise<PathBytes> {
  const pageHash = sessionHash();
  let shown: unknown = chatbotValue;
  const values = new Map<number, unknown>();
  for (const dep of chain.slice(0, -1)) {
    const inputs = dep.inputs.map((id) => {
      const component = config.components.find((c) => c.id === id)!;
      if (component.type === "state") return null;
      if (id === chatbot) return shown;
      if (dep === chain[0]) return message;
      return values.get(id) ?? component.props.value ?? null;
    });
    const answer = (await postJson(`${base}gradio_api/run/predict`, { data: inputs, event_data: null, fn_index: dep.id, trigger_id: null, session_hash: pageHash })) as { data?: unknown[] };
    dep.outputs.forEach((id, i) => values.set(id, answer.data?.[i]));
    if (dep.outputs.includes(chatbot)) shown = answer.data?.[dep.outputs.indexOf(chatbot)];
  }
  const streaming = chain.at(-1)!;
  const slot = streaming.outputs.indexOf(chatbot);
  const pageInputs = streaming.inputs.map((id) => (config.components.find((c) => c.id === id)!.type === "state" ? null : (values.get(id) ?? null)));
  const pageReply = (outputs: unknown[]) => {
    const history = outputs[slot] as unknown[];
    return Array.isArray(history) && history.length > 0 ? messageText(history.at(-1)) : "";
  };
  return streamBytes(base, "page", pageHash, streaming.id, pageInputs, expected, pageReply, (outputs) => outputs);
}

const apiReply = (outputs: unknown[]) => (typeof outputs[0] === "string" ? outputs[0] : "");

/** A text message in the Chatbot's wire form (Gradio 6's normalized message). */
function wireMessage(role: "user" | "assistant", text: string): unknown {
  return { role, content: [{ type: "text", text }], metadata: null, options: null };
}

/** Serves the chat on 127.0.0.1, measures both paths, stops it. */
export async function measureChatBytes(o: ChatBytesOptions): Promise<ChatBytesResult> {
  const app = chatBytesApp(o);
  const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
  try {
    return { options: o, ...(await measureChatBytesAt(running.url, o)) };
  } finally {
    running.server.closeAllConnections();
    await app.close();
  }
}

/** The result as a Markdown table. */
export function chatBytesTable(r: ChatBytesResult): string {
  const o = r.options;
  const row = (p: PathBytes, what: string) =>
    p.error && !p.generating
      ? `| ${what} | — | **failed**: ${p.error.replace(/\|/g, "\\|").slice(0, 200)} | | | | | | | | |`
      : `| ${what} | ${p.fnIndex} | ${p.tokens} / ${p.tokensExpected}${p.replyOk ? "" : " **WRONG**"}${p.error ? ` (error: ${p.error.slice(0, 80)})` : ""} | ${p.generating} | ${p.encoding} | ${p.socketBytes} | ${p.firstMessageBytes} | ${p.diffMessageMedian} | ${p.bytesPerToken} | ${p.fullResendPerToken} | ${p.ratio.toFixed(3)}× |`;
  return [
    `Chat bytes per streamed token: ${o.history} earlier messages of ~${o.messageChars} characters (${(r.historyBytes / 1024).toFixed(1)} kB as the Chatbot sends them), a ${o.tokens}-token reply at ${o.rate} tokens/s.`,
    "",
    "| path | fn_index | tokens received | process_generating | encoding | socket bytes | first message, B | later message median, B | bytes per token | full resend per token (reference) | ratio |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    row(r.page, "page (hidden dependency, Chatbot output)"),
    row(r.api, "API (`/chat`)"),
  ].join("\n");
}
