/**
 * Main-thread time per streamed token in the browser: a `vt.ChatInterface` whose function
 * streams a long reply (2,000 tokens, fast), against a **baseline** in the same run and browser:
 * the same stream (the same function, the same schedule) into a plain `vt.Textbox` output.
 *
 * Each page is loaded in headless Debian chromium (playwright-core, a fresh context), a short
 * warm-up reply is streamed first (so the chat already holds earlier messages, one of them
 * streamed, and both pages' code is compiled), then the measured reply. Around it, CDP's
 * `Performance.getMetrics` gives the renderer main thread's cumulative task, script, layout and
 * style times: their deltas divided by the tokens are the per-token costs. Long tasks (over
 * 50 ms, a `PerformanceObserver`) are counted too, and the wall time from sending to the last
 * token shown.
 *
 * The chat's earlier messages are marked before the measured reply (a property on each message
 * element): after it, every marked element must still be in the document, where it was. A view
 * that re-created the earlier messages' DOM on each token would lose the marks.
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import * as vt from "vitrine";
import { summarize, type Summary } from "./stats.js";
import { expectedText } from "./tokens.js";
import { chatStream } from "./vitrine-app.js";
import { earlierMessages } from "./chat-bytes.js";

/** The bench's parameters. */
export interface ChatRenderOptions {
  /** Tokens of the measured reply. */
  tokens: number;
  /** Tokens per second (1000: one every millisecond). */
  rate: number;
  /** Tokens of the warm-up reply streamed first. */
  warmupTokens: number;
  /** Messages already in the chat when the page loads. */
  history: number;
  /** Measured replies per page (a fresh page each; the table shows medians). */
  runs: number;
  /** Tokens per paragraph of the replies (a blank line after each); 0 or absent: one paragraph. */
  paragraphTokens?: number;
}

/** One measured reply. */
export interface RenderRun {
  /** Main-thread time in the window (CDP TaskDuration delta), ms. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
  /** Sending → the last token shown, ms. */
  wallMs: number;
  /** Long tasks (> 50 ms) in the window: count and total duration, ms. */
  longTasks: number;
  longTaskMs: number;
  /** Tokens in the text shown at the end (expected: `tokens`), and whether it is exactly the reply. */
  tokensShown: number;
  textOk: boolean;
  /** When the text shown is not the reply: where they first differ, with some context. */
  mismatch: string | null;
  /** The chat only: earlier message elements marked before, and how many were no longer in place after. */
  marked: number | null;
  recreated: number | null;
}

/** One page: its runs and the medians per token. */
export interface RenderSide {
  name: "chat" | "textbox";
  runs: RenderRun[];
  /** Per token, ms (median over the runs). */
  taskPerToken: number | null;
  scriptPerToken: number | null;
  layoutPerToken: number | null;
  stylePerToken: number | null;
  wall: Summary;
  errors: Record<string, number>;
}

export interface ChatRenderResult {
  options: ChatRenderOptions;
  chat: RenderSide;
  baseline: RenderSide;
  /** chat / baseline, main-thread time per token. */
  ratio: number | null;
  /** How the chat's messages were found in the DOM. */
  selector: string;
}

/** Chat message elements: the Chatbot's, else any list item in the log (generic). */
const MESSAGE_SELECTORS = ["[role=log] .vt-chatbot-message", "[role=log] [role=listitem]"];

/** The chat page: a ChatInterface with earlier messages, its reply the token stream. */
export function chatRenderApp(o: ChatRenderOptions): vt.App {
  return new vt.ChatInterface({
    fn: chatStream({ tokens: o.tokens, rate: o.rate }, o.paragraphTokens ?? 0),
    chatbot: vt.Chatbot({ value: earlierMessages(o.history, 200) as never, label: "Chatbot", height: 500 }),
    concurrency_limit: null,
    title: "render bench",
  });
}

/** The baseline page: the same stream into a plain Textbox output. */
export function textboxRenderApp(o: ChatRenderOptions): vt.App {
  const stream = chatStream({ tokens: o.tokens, rate: o.rate }, o.paragraphTokens ?? 0);
  return vt.Blocks({ title: "render bench baseline" }, () => {
    const message = vt.Textbox({ label: "message" });
    const reply = vt.Textbox({ label: "reply", lines: 10, max_lines: 20 });
    vt.Button("Stream").click({
      fn: async function* (text: string, ctx: vt.EventContext) {
        yield* stream(text, [], ctx);
      },
      inputs: [message],
      outputs: [reply],
      concurrency_limit: null,
    });
  });
}

/** Runs in the page before its scripts: sums long tasks into `window.__vtLong`. */
function longTaskProbe(): void {
  const w = window as unknown as { __vtLong: { count: number; ms: number } };
  w.__vtLong = { count: 0, ms: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__vtLong.count++;
        w.__vtLong.ms += e.duration;
      }
    }).observe({ type: "longtask", buffered: false });
  } catch {
    /* no long task API: counts stay 0 */
  }
}

type Metrics = Record<"TaskDuration" | "ScriptDuration" | "LayoutDuration" | "RecalcStyleDuration", number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
  return { TaskDuration: get("TaskDuration"), ScriptDuration: get("ScriptDuration"), LayoutDuration: get("LayoutDuration"), RecalcStyleDuration: get("RecalcStyleDuration") };
}

const tokensIn = (text: string) => (text.match(/\bt\d+\b/g) ?? []).length;
const normalize = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text of the chat's last message (what the reply streams into), without the views' `<style>` elements. */
async function lastMessageText(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const all = document.querySelectorAll(sel);
    if (!all.length) return "";
    const copy = all[all.length - 1]!.cloneNode(true) as Element;
    copy.querySelectorAll("style, script").forEach((e) => e.remove());
    return copy.textContent ?? "";
  }, selector);
}

/** Sends `prompt` on the page (chat: the message box and Enter; baseline: the box and Stream). */
async function send(page: Page, side: RenderSide["name"], prompt: string): Promise<void> {
  if (side === "chat") {
    const box = page.getByRole("textbox", { name: "Message" });
    await box.fill(prompt);
    await box.press("Enter");
  } else {
    await page.getByLabel("message", { exact: true }).fill(prompt);
    await page.getByRole("button", { name: "Stream" }).click();
  }
}

/** Waits until the reply of `count` tokens is fully shown; returns its text. */
async function waitForReply(page: Page, side: RenderSide["name"], selector: string, count: number, timeoutMs: number): Promise<void> {
  const last = `t${count - 1}`;
  if (side === "chat") {
    await page.waitForFunction(
      ([sel, token]) => {
        const all = document.querySelectorAll(sel);
        const text = all.length ? (all[all.length - 1]!.textContent ?? "") : "";
        return new RegExp(`\\b${token}\\b`).test(text);
      },
      [selector, last] as const,
      { timeout: timeoutMs, polling: "raf" },
    );
  } else {
    await page.waitForFunction(
      (token) => [...document.querySelectorAll("textarea")].some((t) => new RegExp(`\\b${token}\\b`).test(t.value)),
      last,
      { timeout: timeoutMs, polling: "raf" },
    );
  }
}

/** The chat's message selector that finds the earlier messages on this page. */
async function findSelector(page: Page, history: number): Promise<string> {
  for (const sel of MESSAGE_SELECTORS) {
    const n = await page.locator(sel).count();
    if (n >= history) return sel;
  }
  throw new Error(`no chat message elements found (tried ${MESSAGE_SELECTORS.join(", ")})`);
}

/** One page, one warm-up reply, one measured reply. */
async function measureOnce(browser: Browser, url: string, side: RenderSide["name"], o: ChatRenderOptions, timeoutMs: number): Promise<{ run: RenderRun; selector: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(longTaskProbe);
    const page = await context.newPage();
    // What the page reports (an error toast's text, a failed event), to say why a reply never showed.
    const complaints: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && complaints.push(m.text().slice(0, 200))));
    page.on("pageerror", (e) => void complaints.push(e.message.slice(0, 200)));
    const step = async <T>(what: string, promise: Promise<T>): Promise<T> => {
      try {
        return await promise;
      } catch (err) {
        const toast = await page.locator("[role=alert], .vt-toast").allTextContents().catch(() => [] as string[]);
        const said = [...toast.map((t) => t.trim()).filter(Boolean), ...complaints].slice(0, 2).join(" | ");
        throw new Error(`${what} was not shown: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]}${said ? ` (the page said: ${said})` : ""}`);
      }
    };
    await page.goto(url, { timeout: timeoutMs });
    let selector = "";
    if (side === "chat") {
      await page.locator(MESSAGE_SELECTORS.join(", ")).first().waitFor({ timeout: timeoutMs });
      selector = await findSelector(page, o.history);
    } else {
      await page.getByRole("button", { name: "Stream" }).waitFor({ timeout: timeoutMs });
    }
    // Warm-up: a short reply (a prompt that is a number asks for that many tokens).
    await send(page, side, String(o.warmupTokens));
    await step("the warm-up reply", waitForReply(page, side, selector, o.warmupTokens, timeoutMs));
    await page.waitForTimeout(300);

    // Mark the earlier messages' elements.
    const marked = side === "chat"
      ? await page.evaluate((sel) => {
          const all = [...document.querySelectorAll(sel)] as (Element & { __vtMark?: number })[];
          all.forEach((el, i) => (el.__vtMark = i));
          (window as unknown as { __vtMarked: Element[] }).__vtMarked = all;
          return all.length;
        }, selector)
      : null;

    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable", { timeDomain: "threadTicks" });
    await page.evaluate(() => {
      const w = window as unknown as { __vtLong: { count: number; ms: number } };
      w.__vtLong.count = 0;
      w.__vtLong.ms = 0;
    });
    const before = await metrics(cdp);
    const started = performance.now();
    await send(page, side, "Tell me a long story.");
    await step("the measured reply", waitForReply(page, side, selector, o.tokens, timeoutMs));
    const wallMs = performance.now() - started;
    // Let the last frame and any work it scheduled finish.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
    const after = await metrics(cdp);
    const long = await page.evaluate(() => (window as unknown as { __vtLong: { count: number; ms: number } }).__vtLong);

    const text = side === "chat" ? await lastMessageText(page, selector) : await page.getByLabel("reply", { exact: true }).inputValue();
    const recreated = side === "chat"
      ? await page.evaluate((sel) => {
          const before = (window as unknown as { __vtMarked: (Element & { __vtMark?: number })[] }).__vtMarked;
          const now = [...document.querySelectorAll(sel)] as (Element & { __vtMark?: number })[];
          return before.filter((el, i) => !el.isConnected || now[i] !== el || el.__vtMark !== i).length;
        }, selector)
      : null;
    const ms = (k: keyof Metrics) => Math.round((after[k] - before[k]) * 1e5) / 100;
    return {
      selector,
      run: {
        taskMs: ms("TaskDuration"),
        scriptMs: ms("ScriptDuration"),
        layoutMs: ms("LayoutDuration"),
        styleMs: ms("RecalcStyleDuration"),
        wallMs: Math.round(wallMs),
        longTasks: long.count,
        longTaskMs: Math.round(long.ms),
        tokensShown: tokensIn(text),
        textOk: normalize(text) === normalize(expectedText(o.tokens)),
        mismatch: firstDifference(normalize(text), normalize(expectedText(o.tokens))),
        marked,
        recreated,
      },
    };
  } finally {
    await context.close();
  }
}

/** Where `got` first differs from `want` (null when equal). */
function firstDifference(got: string, want: string): string | null {
  if (got === want) return null;
  let i = 0;
  while (i < got.length && got[i] === want[i]) i++;
  return `at ${i}: shown ${JSON.stringify(got.slice(Math.max(0, i - 20), i + 40))}, expected ${JSON.stringify(want.slice(Math.max(0, i - 20), i + 40))}`;
}

const perToken = (runs: RenderRun[], f: (r: RenderRun) => number, tokens: number): number | null => {
  const m = summarize(runs.map(f)).p50;
  return m === null ? null : Math.round((m / tokens) * 10000) / 10000;
};

async function measureSide(browser: Browser, url: string, side: RenderSide["name"], o: ChatRenderOptions, timeoutMs: number): Promise<{ result: RenderSide; selector: string }> {
  const runs: RenderRun[] = [];
  const errors: Record<string, number> = {};
  let selector = "";
  for (let i = 0; i < o.runs; i++) {
    try {
      const once = await measureOnce(browser, url, side, o, timeoutMs);
      runs.push(once.run);
      selector = once.selector;
    } catch (err) {
      const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 400);
      errors[reason] = (errors[reason] ?? 0) + 1;
    }
  }
  return {
    selector,
    result: {
      name: side,
      runs,
      taskPerToken: perToken(runs, (r) => r.taskMs, o.tokens),
      scriptPerToken: perToken(runs, (r) => r.scriptMs, o.tokens),
      layoutPerToken: perToken(runs, (r) => r.layoutMs, o.tokens),
      stylePerToken: perToken(runs, (r) => r.styleMs, o.tokens),
      wall: summarize(runs.map((r) => r.wallMs)),
      errors,
    },
  };
}

/** Serves both pages on 127.0.0.1 and measures them in `browser`, alternating which goes first. */
export async function measureChatRender(browser: Browser, o: ChatRenderOptions, timeoutMs = 60_000): Promise<ChatRenderResult> {
  const chatApp = chatRenderApp(o);
  const textApp = textboxRenderApp(o);
  const chatUrl = (await chatApp.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true })).url;
  const textUrl = (await textApp.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true })).url;
  try {
    const chat = await measureSide(browser, chatUrl, "chat", o, timeoutMs);
    const baseline = await measureSide(browser, textUrl, "textbox", o, timeoutMs);
    const ratio = chat.result.taskPerToken !== null && baseline.result.taskPerToken ? Math.round((chat.result.taskPerToken / baseline.result.taskPerToken) * 100) / 100 : null;
    return { options: o, chat: chat.result, baseline: baseline.result, ratio, selector: chat.selector };
  } finally {
    await chatApp.close();
    await textApp.close();
  }
}

/** The result as a Markdown table: the chat against the Textbox baseline. */
export function chatRenderTable(r: ChatRenderResult): string {
  const o = r.options;
  const f = (v: number | null, d = 3) => (v === null ? "—" : v.toFixed(d));
  const ratio = (a: number | null, b: number | null) => (a !== null && b ? `${(a / b).toFixed(2)}×` : "—");
  const rows: [string, number | null, number | null][] = [
    ["main-thread time per token, ms (CDP TaskDuration)", r.chat.taskPerToken, r.baseline.taskPerToken],
    ["  script per token, ms", r.chat.scriptPerToken, r.baseline.scriptPerToken],
    ["  layout per token, ms", r.chat.layoutPerToken, r.baseline.layoutPerToken],
    ["  style recalculation per token, ms", r.chat.stylePerToken, r.baseline.stylePerToken],
    [`send → last token shown, ms median (ideal ${Math.round((o.tokens / o.rate) * 1000)})`, r.chat.wall.p50, r.baseline.wall.p50],
  ];
  const sum = (side: RenderSide, f: (x: RenderRun) => number) => side.runs.reduce((a, x) => a + f(x), 0);
  const chatRuns = r.chat.runs;
  const lines = [
    `Render time per streamed token: a ${o.tokens}-token reply ${o.paragraphTokens ? `in paragraphs of ${o.paragraphTokens} tokens` : "in one paragraph"} at ${o.rate} tokens/s, ${o.runs} run(s) per page (fresh page each, after a ${o.warmupTokens}-token warm-up reply); the chat starts with ${o.history} messages. Messages found with \`${r.selector || "—"}\`.`,
    "",
    "| metric | ChatInterface | Textbox (baseline) | chat / baseline |",
    "| --- | ---: | ---: | ---: |",
    ...rows.map(([m, c, b]) => `| ${m} | ${f(c, m.includes("→") ? 0 : 3)} | ${f(b, m.includes("→") ? 0 : 3)} | ${ratio(c, b)} |`),
    `| long tasks (> 50 ms), all runs: count / total ms | ${sum(r.chat, (x) => x.longTasks)} / ${sum(r.chat, (x) => x.longTaskMs)} | ${sum(r.baseline, (x) => x.longTasks)} / ${sum(r.baseline, (x) => x.longTaskMs)} | |`,
    `| tokens shown at the end (runs with the exact text) | ${chatRuns.map((x) => x.tokensShown).join(", ") || "—"} (${chatRuns.filter((x) => x.textOk).length}/${o.runs}) | ${r.baseline.runs.map((x) => x.tokensShown).join(", ") || "—"} (${r.baseline.runs.filter((x) => x.textOk).length}/${o.runs}) | |`,
    `| earlier message elements re-created while streaming | ${chatRuns.map((x) => `${x.recreated} of ${x.marked}`).join(", ") || "—"} | — | |`,
    `| failed runs | ${Object.values(r.chat.errors).reduce((a, b) => a + b, 0)} | ${Object.values(r.baseline.errors).reduce((a, b) => a + b, 0)} | |`,
  ];
  const errors = [...Object.entries(r.chat.errors).map(([e, n]) => `chat: ${e} (×${n})`), ...Object.entries(r.baseline.errors).map(([e, n]) => `baseline: ${e} (×${n})`)];
  if (errors.length) lines.push("", ...errors.map((e) => `- ${e}`));
  return lines.join("\n");
}
