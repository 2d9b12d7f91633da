/**
 * A Textbox with focus in headless chromium: values the server sends it show at once, and fast
 * typing is never undone by replies to earlier keystrokes.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import * as vt from "vitrine";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A chat box: Enter appends the message to the log and clears the box, which keeps focus. */
function chatbox() {
  return vt.Blocks({ title: "Chat box" }, () => {
    const msg = vt.Textbox({ label: "msg" });
    const log = vt.Textbox({ label: "log", interactive: false });
    msg.submit({ fn: (m: string, l: string) => ["", l + m], inputs: [msg, log], outputs: [msg, log] });
  });
}

/**
 * Typing while `change` listeners answer: one writes another box, one answers the box itself
 * with what it was sent (late, so replies to earlier keystrokes arrive while the user types).
 */
function echoes() {
  return vt.Blocks({ title: "Echoes" }, () => {
    const typed = vt.Textbox({ label: "typed" });
    const shouted = vt.Textbox({ label: "shouted" });
    typed.change({
      fn: async (text: string) => {
        await sleep(40);
        return text.toUpperCase();
      },
      inputs: typed,
      outputs: shouted,
      trigger_mode: "multiple",
      concurrency_limit: null,
    });
    const echoed = vt.Textbox({ label: "echoed" });
    const sent = vt.Textbox({ label: "sent", interactive: false });
    echoed.change({
      fn: async (text: string) => {
        await sleep(150);
        return text;
      },
      inputs: echoed,
      outputs: echoed,
      trigger_mode: "multiple",
      concurrency_limit: null,
    });
    echoed.submit({ fn: (text: string) => text, inputs: echoed, outputs: sent });
  });
}

/** The label of the element that has focus. */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
}

describe("Textbox in a browser", () => {
  const suite = useBrowserSuite({
    chatbox: { create: chatbox, description: "A chat box that clears itself after Enter" },
    echoes: { create: echoes, description: "Change listeners answering while the user types" },
  });

  it("shows a value the server sends while the box has focus: a chat box clears itself after Enter", async () => {
    const { page } = suite;
    await suite.open("chatbox");
    const box = page.getByLabel("msg", { exact: true });
    await box.click();
    await box.pressSequentially("hello", { delay: 15 });
    await box.press("Enter");
    await expect(waitForValue(page, "log", "hello")).resolves.toBe("hello");
    await expect(waitForValue(page, "msg", "")).resolves.toBe("");
    await expect(focusedLabel(page)).resolves.toBe("msg");
    // The next message is what the box shows, not an empty or stale one.
    await box.pressSequentially("again", { delay: 15 });
    await expect(fieldValue(page, "msg")).resolves.toBe("again");
    await box.press("Enter");
    await expect(waitForValue(page, "log", "helloagain")).resolves.toBe("helloagain");
    await expect(waitForValue(page, "msg", "")).resolves.toBe("");
    await expect(focusedLabel(page)).resolves.toBe("msg");
  });

  it("keeps fast typing intact while a change listener updates another output", async () => {
    const { page } = suite;
    await suite.open("echoes");
    const box = page.getByLabel("typed", { exact: true });
    await box.click();
    const text = "the quick brown fox jumps over the lazy dog";
    await box.pressSequentially(text, { delay: 5 });
    // Typing in the middle while replies land: the caret stays where the user put it.
    await box.press("Home");
    await box.pressSequentially("> ", { delay: 5 });
    const expected = `> ${text}`;
    await expect(fieldValue(page, "typed")).resolves.toBe(expected);
    await expect(box.evaluate((el) => (el as HTMLInputElement).selectionStart)).resolves.toBe(2);
    await expect(waitForValue(page, "shouted", expected.toUpperCase())).resolves.toBe(expected.toUpperCase());
    await sleep(300);
    await expect(fieldValue(page, "typed")).resolves.toBe(expected);
  });

  it("keeps fast typing intact when the box's own change listener answers with earlier text", async () => {
    const { page } = suite;
    await suite.open("echoes");
    const box = page.getByLabel("echoed", { exact: true });
    await box.click();
    const text = "hello there, general";
    await box.pressSequentially(text, { delay: 25 });
    // Every reply (each the text of an earlier keystroke) has come back by now.
    const settled = await pollUntil(
      async () => {
        await sleep(400);
        return fieldValue(page, "echoed");
      },
      (v) => v === text,
      3000,
    );
    expect(settled).toBe(text);
    // What the server gets next is what the box shows.
    await box.press("Enter");
    await expect(waitForValue(page, "sent", text)).resolves.toBe(text);
    await expect(fieldValue(page, "echoed")).resolves.toBe(text);
  });
});
