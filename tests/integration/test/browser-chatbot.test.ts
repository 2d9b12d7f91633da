/**
 * Chatbot in a real browser: like, retry, undo and edit reach their listeners with Gradio's event
 * data (the function's last argument); Markdown in messages renders with highlighted code and
 * KaTeX math (the highlighter and stylesheet served from @vitrine/markdown's folder, on a page
 * with no Markdown component); a thinking block collapses and expands; and the gallery's demo
 * streams a reply after a thinking block that ends "done" with its duration, and records a like.
 */
import { describe, expect, it } from "@jest/globals";
import { chatbot } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

const HISTORY: vt.ChatMessage[] = [
  { role: "user", content: "What is 2 + 2?" },
  { role: "assistant", content: "Adding the numbers.", metadata: { title: "Thinking", status: "done", duration: 0.5 } },
  { role: "assistant", content: "It is **4**.\n\n```python\nprint(2 + 2)\n```\n\n$$2 + 2 = 4$$" },
];

/** A Chatbot whose like, retry, undo and edit listeners write the event data they got into a Textbox. */
function recorder() {
  return vt.Blocks({ title: "Chatbot events" }, () => {
    const bot = vt.Chatbot({ label: "Chat", editable: "user", value: HISTORY });
    const log = vt.Textbox({ label: "Event log", interactive: false });
    const record = (name: string) => (history: vt.NormalizedMessage[], ctx: vt.EventContext) =>
      `${name} ${JSON.stringify(ctx.event.data)} (${history.length} messages)`;
    bot.like({ fn: record("like"), inputs: [bot], outputs: [log] });
    bot.retry({ fn: record("retry"), inputs: [bot], outputs: [log] });
    bot.undo({ fn: record("undo"), inputs: [bot], outputs: [log] });
    bot.edit({ fn: record("edit"), inputs: [bot], outputs: [log] });
  });
}

describe("Chatbot in a browser", () => {
  const suite = useBrowserSuite({
    "chatbot-events": { create: recorder, description: "Chatbot events recorded" },
    chatbot: { create: () => chatbot({ delayMs: 15 }), description: "the gallery's chatbot demo" },
    "chatbot-slow": { create: () => chatbot({ delayMs: 120, height: 220 }), description: "the gallery's chatbot demo, streaming slowly" },
  });

  it("like, retry and undo reach their functions with the message's index and value", async () => {
    const page = await suite.open("chatbot-events");
    await page.getByRole("button", { name: "Like", exact: true }).click();
    await expect(
      waitForValue(page, "Event log", 'like {"index":1,"value":["Adding the numbers.","It is **4**.\\n\\n```python\\nprint(2 + 2)\\n```\\n\\n$$2 + 2 = 4$$"],"liked":true} (3 messages)'),
    ).resolves.toMatch(/^like \{"index":1,.*"liked":true\} \(3 messages\)$/);
    await page.getByRole("button", { name: "Dislike" }).click();
    await expect(pollUntil(() => page.getByLabel("Event log", { exact: true }).inputValue(), (v) => v.includes('"liked":false'))).resolves.toMatch(
      /^like \{"index":1,.*"liked":false\}/,
    );
    await page.getByRole("button", { name: "Retry" }).click();
    await expect(waitForValue(page, "Event log", 'retry {"index":0,"value":"What is 2 + 2?"} (3 messages)')).resolves.toBe(
      'retry {"index":0,"value":"What is 2 + 2?"} (3 messages)',
    );
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(waitForValue(page, "Event log", 'undo {"index":0,"value":"What is 2 + 2?"} (3 messages)')).resolves.toBe(
      'undo {"index":0,"value":"What is 2 + 2?"} (3 messages)',
    );
  });

  it("an edited message reaches edit with its index, new value and previous value, and the value holds the edit", async () => {
    const page = await suite.open("chatbot-events");
    await page.getByRole("button", { name: "Edit message" }).click();
    await page.getByRole("textbox", { name: "Edit message" }).fill("What is 3 + 3?");
    await page.getByRole("button", { name: "Save" }).click();
    const expected = 'edit {"index":0,"value":"What is 3 + 3?","previous_value":"What is 2 + 2?"} (3 messages)';
    await expect(waitForValue(page, "Event log", expected)).resolves.toBe(expected);
    expect(await page.getByRole("log", { name: "Chat" }).innerText()).toContain("What is 3 + 3?");
  });

  it("renders Markdown with highlighted code and KaTeX math, and a thinking block collapses and expands", async () => {
    const page = await suite.open("chatbot-events");
    const log = page.getByRole("log", { name: "Chat" });
    await log.locator('.vt-markdown[data-highlight="ready"] code [class^="hljs-"]').first().waitFor({ timeout: 10_000 });
    await log.locator('.vt-markdown[data-math="ready"] .katex').first().waitFor({ timeout: 10_000 });
    expect(await log.locator("strong").first().innerText()).toBe("4");
    // KaTeX's stylesheet came from the markdown folder, served beside the Chatbot's view.
    const katexCss = await page.evaluate(() => (document.querySelector("link[data-vt-katex]") as HTMLLinkElement | null)?.href ?? "");
    expect(katexCss).toMatch(/\/components\/markdown\/katex\.css$/);
    expect((await page.request.get(katexCss)).status()).toBe(200);
    // The thought is done: closed, with its duration; a click opens it, another closes it.
    const toggle = log.getByRole("button", { name: /Thinking/ });
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
    expect(await toggle.innerText()).toContain("0.5s");
    expect(await log.innerText()).not.toContain("Adding the numbers.");
    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    expect(await log.innerText()).toContain("Adding the numbers.");
    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("false");
  });

  it("the demo streams a reply after a thinking block that ends done with its duration, and records a like", async () => {
    const page = await suite.open("chatbot");
    const log = page.getByRole("log", { name: "Assistant" });
    // While it thinks, the block is open with a spinner. The thinking lasts a fraction of a second
    // here, so an observer set up before sending records the spinner even if a poll would miss it.
    await log.evaluate((el) => {
      const seen = (): boolean => el.querySelector('[role="status"][aria-label="In progress"]') !== null;
      const w = window as unknown as { spinnerSeen?: boolean };
      w.spinnerSeen = seen();
      new MutationObserver(() => { if (seen()) w.spinnerSeen = true; }).observe(el, { subtree: true, childList: true });
    });
    await page.getByRole("textbox", { name: "Message" }).fill("How big is a circle?");
    await page.getByRole("textbox", { name: "Message" }).press("Enter");
    expect(await pollUntil(() => page.evaluate(() => (window as unknown as { spinnerSeen?: boolean }).spinnerSeen === true), (v) => v, 10_000)).toBe(true);
    // Then the answer streams in, with math and highlighted code, and the thought closes with its duration.
    await log.locator(".katex").first().waitFor({ timeout: 15_000 });
    await log.locator('code [class^="hljs-"]').first().waitFor({ timeout: 15_000 });
    await pollUntil(() => log.innerText(), (t) => t.includes("math.pi"), 15_000);
    const toggle = log.getByRole("button", { name: /Thinking/ });
    await expect(pollUntil(() => toggle.getAttribute("aria-expanded"), (v) => v === "false")).resolves.toBe("false");
    expect(await toggle.innerText()).toMatch(/\d+(\.\d)?s/);
    expect(await log.getByRole("status", { name: "In progress" }).count()).toBe(0);
    // Autoscroll followed the reply down: the log is scrolled to its bottom.
    // What renders late (fonts, highlighted code) moves the bottom after the last chunk: the log follows.
    const bottom = (el: HTMLElement) => ({ overflow: el.scrollHeight > el.clientHeight, gap: el.scrollHeight - el.scrollTop - el.clientHeight });
    const gap = await pollUntil(() => log.evaluate(bottom), (g) => g.gap < 40, 5_000);
    expect(gap.overflow).toBe(true);
    expect(gap.gap).toBeLessThan(40);
    // A message that grows with no new value (as an image that loads late would) is followed too.
    await log.evaluate((el) => { (el.querySelector(".vt-chatbot-group:last-child .vt-chatbot-bubble") as HTMLElement).style.paddingBottom = "300px"; });
    expect((await pollUntil(() => log.evaluate(bottom), (g) => g.gap < 40, 5_000)).gap).toBeLessThan(40);
    await page.getByRole("button", { name: "Like", exact: true }).click();
    await expect(waitForValue(page, "Feedback", "You liked message 1.")).resolves.toBe("You liked message 1.");
    await page.getByRole("button", { name: "Feedback: Inaccurate" }).click();
    await expect(waitForValue(page, "Feedback", 'You flagged as "Inaccurate" message 1.')).resolves.toBe('You flagged as "Inaccurate" message 1.');
  });

  it("autoscroll stops following the stream once the user scrolls up", async () => {
    const page = await suite.open("chatbot-slow");
    await page.getByRole("textbox", { name: "Message" }).fill("How big is a circle?");
    await page.getByRole("textbox", { name: "Message" }).press("Enter");
    const log = page.getByRole("log", { name: "Assistant" });
    // Once the stream overflows the log (it follows it down meanwhile), the user scrolls to the top.
    await pollUntil(() => log.evaluate((el) => el.scrollHeight > el.clientHeight + 60), (v) => v, 15_000);
    // It follows once per animation frame, so a token may land between a frame and this look: look again briefly.
    const gap = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight);
    expect(await pollUntil(gap, (g) => g < 40, 1_000)).toBeLessThan(40);
    expect(await log.innerText()).not.toContain("math.pi");
    // The user scrolls up with the wheel: the log stays where they put it as the stream goes on.
    await log.hover();
    await page.mouse.wheel(0, -5000);
    await pollUntil(() => log.evaluate((el) => el.scrollTop), (top) => top === 0, 2_000);
    await pollUntil(() => log.innerText(), (t) => t.includes("math.pi"), 20_000);
    expect(await log.evaluate((el) => el.scrollTop)).toBe(0);
  });
});
