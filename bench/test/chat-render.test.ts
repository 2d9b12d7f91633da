/**
 * Smoke test of the chat render bench (no timing is asserted): a ChatInterface page and the
 * Textbox baseline each stream a short reply in headless chromium; every token is shown, the
 * main-thread time is read, and the chat's earlier message elements are still the same ones.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "@vitrine/component-test/chromium";
import { chatRenderTable, measureChatRender, type ChatRenderResult } from "../src/chat-render.js";

let browser: Browser;
let result: ChatRenderResult;

beforeAll(async () => {
  browser = await launchChromium();
  result = await measureChatRender(browser, { tokens: 40, rate: 1000, warmupTokens: 5, history: 4, runs: 1 }, 20_000);
}, 120_000);
afterAll(() => browser?.close());

describe("the chat render bench", () => {
  it("streams every token into the Textbox baseline and reads its main-thread time", () => {
    expect(result.baseline.errors).toEqual({});
    expect(result.baseline.runs).toHaveLength(1);
    expect(result.baseline.runs[0]).toMatchObject({ tokensShown: 40, textOk: true });
    expect(result.baseline.taskPerToken).toBeGreaterThan(0);
  });

  it("streams every token into the chat, without re-creating the earlier messages' elements", () => {
    expect(result.chat.errors).toEqual({});
    expect(result.chat.runs).toHaveLength(1);
    const run = result.chat.runs[0]!;
    expect(run).toMatchObject({ tokensShown: 40, textOk: true, recreated: 0 });
    // The 4 messages of the page, the warm-up's message and reply.
    expect(run.marked).toBe(6);
    expect(result.chat.taskPerToken).toBeGreaterThan(0);
    expect(result.ratio).toBeGreaterThan(0);
    expect(chatRenderTable(result)).toContain("| main-thread time per token, ms (CDP TaskDuration) |");
  });
});
