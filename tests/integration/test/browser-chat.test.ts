/**
 * ChatInterface in headless chromium (issue 10): a streamed reply shows its partial text, Stop
 * ends the stream and frees the slot (the generator's signal fires and its `finally` runs), and
 * retry, undo and edit call the function with the right message and history.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { chatMultimodal } from "@vitrine/demo-gallery";
import type { Locator, Page } from "playwright-core";
import * as vt from "vitrine";
import { useBrowserSuite } from "./browser.js";

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });

/** What the chat functions saw, per call, and how many are running now. */
const calls: { message: string; history: string[] }[] = [];
let running = 0;
let aborted = 0;

/** The text of a history message (its text parts), for the log of calls. */
function text(m: vt.HistoryMessage): string {
  const parts = Array.isArray(m.content) ? m.content : [m.content];
  return parts.map((p) => (typeof p === "string" ? p : (p as { text?: string }).text ?? "")).join("");
}

/** A streaming echo: one word every `delay` ms; "long" makes 60 words. */
function streamingChat(delay: number) {
  return new vt.ChatInterface({
    fn: async function* (message: string, history: vt.HistoryMessage[], ctx: vt.EventContext) {
      calls.push({ message, history: history.map((m) => `${m.role}:${text(m)}`) });
      running++;
      try {
        const words = message === "long" ? Array.from({ length: 60 }, (_, i) => `w${i}`) : `You said ${message}`.split(" ");
        let reply = "";
        for (const word of words) {
          await sleep(delay, ctx.signal);
          if (ctx.signal.aborted) {
            aborted++;
            return;
          }
          reply += (reply ? " " : "") + word;
          yield reply;
        }
      } finally {
        running--;
      }
    },
    title: "Chat under test",
    editable: true,
    concurrency_limit: 1,
  });
}

/** Examples in the empty chat: run on click, or answered from the cache computed at start. */
let exampleRuns = 0;
function examplesChat(cache: boolean) {
  return new vt.ChatInterface({
    fn: (message: string) => {
      exampleRuns++;
      return `Answer to ${message}`;
    },
    examples: ["What is Vitrine?", "Say hi"],
    example_labels: ["About Vitrine", "Greeting"],
    cache_examples: cache,
  });
}

// Cached examples go to a folder of this test's own.
process.env.VITRINE_EXAMPLES_CACHE = mkdtempSync(join(tmpdir(), "vitrine-chat-examples-"));

const suite = useBrowserSuite({
  slow: { create: () => streamingChat(150), description: "a slow streaming chat" },
  fast: { create: () => streamingChat(5), description: "a fast streaming chat" },
  saved: {
    create: () => new vt.ChatInterface({ fn: (message: string) => `Noted: ${message}`, save_history: true, title: "Saved chats" }),
    description: "conversations kept in the browser",
  },
  examples: { create: () => examplesChat(false), description: "examples run on click" },
  cached: { create: () => examplesChat(true), description: "cached examples" },
  multimodal: { create: () => chatMultimodal(), description: "multimodal echo" },
});

const log = (page: Page) => page.getByRole("log");
const assistant = (page: Page) => log(page).getByRole("listitem", { name: "Assistant message" });
const user = (page: Page) => log(page).getByRole("listitem", { name: "User message" });
const box = (page: Page) => page.getByRole("textbox", { name: "Message" });

async function send(page: Page, message: string): Promise<void> {
  await box(page).fill(message);
  await box(page).press("Enter");
}

async function waitText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = "";
  while (Date.now() < deadline) {
    last = (await locator.innerText().catch(() => "")) ?? "";
    if (pattern.test(last)) return last;
    await sleep(30);
  }
  throw new Error(`Timed out waiting for ${pattern}; last text: ${JSON.stringify(last)}`);
}

/** Waits until `read()` gives `expected` (compared as JSON). */
async function until<T>(read: () => T | Promise<T>, expected: T, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await sleep(30);
  }
  throw new Error(`Timed out waiting for ${JSON.stringify(expected)}; last: ${JSON.stringify(last)}`);
}

describe("ChatInterface in the browser", () => {
  it("streams a reply: partial text shows before the whole of it", async () => {
    const page = await suite.open("slow");
    calls.length = 0;
    await send(page, "one two three four five");
    await expect(user(page).first().innerText()).resolves.toContain("one two three four five");
    // Part of the reply, not all of it yet.
    const partial = await waitText(assistant(page).last(), /You said/);
    expect(partial).not.toContain("five");
    await waitText(assistant(page).last(), /You said one two three four five/);
    expect(calls).toEqual([{ message: "one two three four five", history: [] }]);
    // The box is cleared and usable again once the reply is done. The last
    // text chunk reaches the page before the event's completion does, so wait.
    await expect(box(page).inputValue()).resolves.toBe("");
    await until(() => box(page).isEditable(), true);
  });

  it("Stop ends the stream (the generator's signal fires) and frees the slot for the next message", async () => {
    const page = await suite.open("slow");
    calls.length = 0;
    aborted = 0;
    await send(page, "long");
    await waitText(assistant(page).last(), /w2/);
    await page.getByRole("button", { name: "Stop" }).click();
    // The function saw the abort and returned; nothing runs any more.
    await until(() => running, 0);
    expect(aborted).toBe(1);
    const stopped = await assistant(page).last().innerText();
    await sleep(600);
    expect(await assistant(page).last().innerText()).toBe(stopped);
    expect(stopped).not.toContain("w59");
    // The slot (concurrency_limit 1) is free: the next message gets its reply, seeing the partial one in its history.
    await until(() => box(page).isEditable(), true);
    await send(page, "after");
    await waitText(assistant(page).last(), /You said after/);
    expect(calls[1]!.message).toBe("after");
    expect(calls[1]!.history[0]).toBe("user:long");
    expect(calls[1]!.history[1]).toMatch(/^assistant:w0 w1 w2/);
  });

  it("retry runs fn again on the last message, without the reply it replaces", async () => {
    const page = await suite.open("fast");
    calls.length = 0;
    await send(page, "first");
    await waitText(assistant(page).last(), /You said first/);
    await send(page, "second");
    await waitText(assistant(page).last(), /You said second/);
    await assistant(page).last().hover();
    await page.getByRole("button", { name: "Retry" }).click();
    await until(() => calls.length, 3);
    expect(calls[2]).toEqual({ message: "second", history: ["user:first", "assistant:You said first"] });
    await waitText(assistant(page).last(), /You said second/);
    await expect(user(page).count()).resolves.toBe(2);
    await expect(assistant(page).count()).resolves.toBe(2);
  });

  it("undo takes the last exchange off and puts the message back in the box", async () => {
    const page = await suite.open("fast");
    calls.length = 0;
    await send(page, "keep");
    await waitText(assistant(page).last(), /You said keep/);
    await send(page, "take back");
    await waitText(assistant(page).last(), /You said take back/);
    await user(page).last().hover();
    await page.getByRole("button", { name: "Undo" }).click();
    await until(() => box(page).inputValue(), "take back");
    await expect(user(page).count()).resolves.toBe(1);
    await expect(assistant(page).count()).resolves.toBe(1);
    // The history fn sees next is the one shown.
    await box(page).fill("next");
    await box(page).press("Enter");
    await waitText(assistant(page).last(), /You said next/);
    expect(calls.at(-1)).toEqual({ message: "next", history: ["user:keep", "assistant:You said keep"] });
  });

  it("editing a user message runs fn again from there, with the edited text", async () => {
    const page = await suite.open("fast");
    calls.length = 0;
    await send(page, "alpha");
    await waitText(assistant(page).last(), /You said alpha/);
    await send(page, "beta");
    await waitText(assistant(page).last(), /You said beta/);
    await user(page).first().hover();
    await user(page).first().getByRole("button", { name: "Edit message" }).click();
    const editor = page.getByRole("textbox", { name: "Edit message" });
    await editor.fill("gamma");
    await page.getByRole("button", { name: "Save" }).click();
    await until(() => calls.length, 3);
    expect(calls[2]).toEqual({ message: "gamma", history: [] });
    await waitText(assistant(page).last(), /You said gamma/);
    await expect(user(page).count()).resolves.toBe(1);
  });

  it("an example runs on click, with its label shown; a cached one answers without calling fn", async () => {
    let page = await suite.open("examples");
    const before = exampleRuns;
    await page.getByRole("button", { name: "About Vitrine" }).click();
    await waitText(assistant(page).last(), /Answer to What is Vitrine\?/);
    await expect(user(page).first().innerText()).resolves.toContain("What is Vitrine?");
    expect(exampleRuns).toBe(before + 1);

    page = await suite.open("cached");
    const cachedBefore = exampleRuns;
    await page.getByRole("button", { name: "Greeting" }).click();
    await waitText(assistant(page).last(), /Answer to Say hi/);
    // Computed when the app started; the click did not run fn.
    expect(exampleRuns).toBe(cachedBefore);
    // The conversation goes on from the cached exchange.
    await send(page, "and then?");
    await waitText(assistant(page).last(), /Answer to and then\?/);
    await expect(assistant(page).count()).resolves.toBe(2);
  });

  it("save_history keeps conversations in the browser: listed after a reload, reopened with a click", async () => {
    const page = await suite.open("saved");
    await send(page, "remember me");
    await waitText(assistant(page).last(), /Noted: remember me/);
    // Saved in the browser once the exchange is done: the list shows it, then a reload keeps it.
    await page.getByRole("button", { name: /remember me/ }).waitFor({ timeout: 10_000 });
    await page.reload();
    const saved = page.getByRole("button", { name: /remember me/ });
    await saved.waitFor({ timeout: 10_000 });
    await expect(log(page).getByRole("listitem").count()).resolves.toBe(0);
    await saved.click();
    await waitText(assistant(page).last(), /Noted: remember me/);
    // A new chat starts empty; its first exchange is listed too, first.
    await page.getByRole("button", { name: /New chat/ }).click();
    await until(() => log(page).getByRole("listitem").count(), 0);
    await send(page, "second topic");
    await waitText(assistant(page).last(), /Noted: second topic/);
    await page.getByRole("button", { name: /second topic/ }).waitFor({ timeout: 10_000 });
    await expect(page.getByRole("button", { name: /remember me/ }).count()).resolves.toBe(1);
  });

  it("a multimodal chat sends an attached image with the text; the image comes back in the reply", async () => {
    const dir = mkdtempSync(join(tmpdir(), "vitrine-chat-mm-"));
    const png = join(dir, "dot.png");
    writeFileSync(png, Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64"));
    const page = await suite.open("multimodal");
    await page.locator("input[type=file]").setInputFiles(png);
    await page.getByRole("button", { name: "Remove dot.png" }).waitFor({ timeout: 10_000 });
    await box(page).fill("what is this?");
    await box(page).press("Enter");
    await waitText(assistant(page).last(), /You wrote: what is this\?/);
    // The user's message shows the image; so does the reply, with its size in bytes.
    await expect(user(page).locator("img").count()).resolves.toBeGreaterThan(0);
    await waitText(log(page), /You sent \*?\*?dot\.png/);
    const images = log(page).getByRole("listitem", { name: "Assistant message" }).locator("img");
    await images.first().waitFor({ timeout: 10_000 });
    const loaded = await images.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth === 1);
    expect(loaded).toBe(true);
  });
});
