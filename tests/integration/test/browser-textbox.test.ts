/**
 * A Textbox with focus in headless chromium: values the server sends it show at once, and the
 * store echoing the user's typing never moves the caret or drops a keystroke.
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
 * A box with Gradio 5's submit and stop buttons: Submit streams ticks into "ticks" (and clears the
 * box, so the box shows the run); Stop cancels it. Its copy button's `copy` event says what it copied.
 */
function buttons() {
  return vt.Blocks({ title: "Buttons" }, () => {
    const msg = vt.Textbox({ label: "msg", submit_btn: true, stop_btn: "Stop it", show_copy_button: true });
    const ticks = vt.Textbox({ label: "ticks" });
    const copied = vt.Textbox({ label: "copied" });
    const run = msg.submit({
      fn: async function* (text: string) {
        for (let i = 1; i <= 200; i++) {
          yield ["", `${text} ${i}`] as const;
          await sleep(50);
        }
      },
      inputs: [msg],
      outputs: [msg, ticks],
    });
    msg.stop({ fn: () => undefined, inputs: [], outputs: [], cancels: [run] });
    msg.copy({ fn: (ctx) => `copied: ${ctx.event.data.value}`, inputs: [], outputs: [copied] });
  });
}

/** The texts the "at most 5" box's input listener has answered, in order. */
const shortAnswered: string[] = [];

/**
 * Typing while listeners answer: a `change` listener writes another box; an `input` listener
 * writes the box itself, cutting it to five characters.
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
    const short = vt.Textbox({ label: "at most 5" });
    short.input({
      fn: async (text: string) => {
        await sleep(50);
        shortAnswered.push(text);
        return text.slice(0, 5);
      },
      inputs: short,
      outputs: short,
      trigger_mode: "always_last",
    });
  });
}

/** The label of the element that has focus. */
function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? null);
}

describe("Textbox in a browser", () => {
  const suite = useBrowserSuite({
    buttons: { create: buttons, description: "A Textbox's submit, stop and copy buttons" },
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

  it("shows what the box's own input listener answers, while the box has focus", async () => {
    const { page } = suite;
    await suite.open("echoes");
    const box = page.getByLabel("at most 5", { exact: true });
    await box.click();
    // One key at a time, each answer awaited: a reply to an earlier key that lands after a newer
    // one replaces the newer text (as in Gradio), which a loaded machine would make a race. Up to
    // five keys the answer reads as what was typed, so the server says when it answered.
    let shown = "";
    for (const key of "abcdefgh") {
      const typed = shown + key;
      await box.press(key);
      await expect(pollUntil(async () => shortAnswered.at(-1), (last) => last === typed)).resolves.toBe(typed);
      shown = typed.slice(0, 5);
      await expect(waitForValue(page, "at most 5", shown)).resolves.toBe(shown);
      // (The reply has left the server: it reaches the page well before the next key.)
      await sleep(100);
    }
    await expect(focusedLabel(page)).resolves.toBe("at most 5");
    await sleep(300);
    await expect(fieldValue(page, "at most 5")).resolves.toBe("abcde");
  });

  it("Gradio 5's buttons: Submit runs, Stop shows while it runs and cancels it, Copy fires copy", async () => {
    const { page } = suite;
    await suite.open("buttons");
    const box = page.getByLabel("msg", { exact: true });
    await box.fill("tick");
    await page.getByRole("button", { name: "Copy" }).click();
    await expect(waitForValue(page, "copied", "copied: tick")).resolves.toBe("copied: tick");
    await page.getByRole("button", { name: "Submit" }).click();
    // It streams (a tick each 50 ms): any tick from the third on shows it running (a loaded
    // machine may poll past "tick 3" itself).
    const running = await pollUntil(() => fieldValue(page, "ticks"), (v) => /^tick \d+$/.test(v) && Number(v.split(" ")[1]) >= 3);
    expect(running).toMatch(/^tick \d+$/);
    expect(Number(running.split(" ")[1])).toBeGreaterThanOrEqual(3);
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByRole("button", { name: "Submit" }).waitFor();
    const stopped = await fieldValue(page, "ticks");
    await sleep(400);
    await expect(fieldValue(page, "ticks")).resolves.toBe(stopped);
    expect(Number(stopped.split(" ")[1])).toBeLessThan(200);
  });
});
