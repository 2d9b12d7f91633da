/** Chains, trigger modes, js functions and scroll_to_output in headless chromium. */
import { describe, expect, it } from "@jest/globals";
import type { Locator } from "playwright-core";
import { chain, demos, triggers } from "@vitrine/demo-gallery";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** Clicks a button `n` times in a row, all before the page handles anything else (a fast user). */
function clickTimes(button: Locator, n: number): Promise<void> {
  return button.evaluate((el, times) => {
    for (let i = 0; i < times; i++) (el as HTMLElement).click();
  }, n);
}

describe("events in a browser", () => {
  const suite = useBrowserSuite({
    chain: { ...demos.chain!, create: () => chain({ delayMs: 250 }) },
    triggers: { ...demos.triggers!, create: () => triggers({ delayMs: 800 }) },
    js: demos.js!,
    scroll: demos.scroll!,
  });

  /** Every distinct value the field takes until it equals `last`. */
  async function history(label: string, last: string): Promise<string[]> {
    const seen: string[] = [];
    await pollUntil(
      async () => {
        const v = await fieldValue(suite.page, label);
        if (v !== seen[seen.length - 1]) seen.push(v);
        return v;
      },
      (v) => v === last,
    );
    return seen;
  }

  it("chain: after a success, .success then its .then run in order, and .then of step 1 runs", async () => {
    const { page } = suite;
    await suite.open("chain");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(history("log", "step 1\nsuccess\nthen\n")).resolves.toEqual(["", "step 1\n", "step 1\nsuccess\n", "step 1\nsuccess\nthen\n"]);
    await expect(waitForValue(page, "finished", "yes")).resolves.toBe("yes");
    await page.waitForTimeout(200);
    await expect(fieldValue(page, "log")).resolves.toBe("step 1\nsuccess\nthen\n");
    await expect(page.locator('[data-testid="toast"]').count()).resolves.toBe(0);
  });

  it("chain: after a failure, only .failure and .then run", async () => {
    const { page } = suite;
    await suite.open("chain");
    await page.getByLabel("make step 1 fail").check();
    await page.getByRole("button", { name: "Run" }).click();
    await expect(waitForValue(page, "log", "failure\n")).resolves.toBe("failure\n");
    await expect(waitForValue(page, "finished", "yes")).resolves.toBe("yes");
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Step 1 failed");
    await page.waitForTimeout(300);
    await expect(fieldValue(page, "log")).resolves.toBe("failure\n");
  });

  it("trigger_mode once: clicks while the event is pending are ignored", async () => {
    const { page } = suite;
    await suite.open("triggers");
    await clickTimes(page.getByRole("button", { name: "Run (once)" }), 3);
    await expect(waitForValue(page, "once runs", "1 run")).resolves.toBe("1 run");
    await page.waitForTimeout(700);
    await expect(fieldValue(page, "once runs")).resolves.toBe("1 run");
  });

  it("trigger_mode multiple runs every click; always_last runs once more after the pending run", async () => {
    const { page } = suite;
    await suite.open("triggers");
    await clickTimes(page.getByRole("button", { name: "Run (multiple)" }), 3);
    await clickTimes(page.getByRole("button", { name: "Run (always_last)" }), 3);
    await expect(waitForValue(page, "multiple runs", "3 runs")).resolves.toBe("3 runs");
    await expect(waitForValue(page, "always_last runs", "2 runs")).resolves.toBe("2 runs");
    await page.waitForTimeout(700);
    await expect(fieldValue(page, "always_last runs")).resolves.toBe("2 runs");
  });

  it("trigger_mode defaults to always_last for change: typing during a run re-runs once with the latest text", async () => {
    const { page } = suite;
    await suite.open("triggers");
    await page.getByLabel("type here", { exact: true }).pressSequentially("hello", { delay: 20 });
    await expect(waitForValue(page, "shouted", "2 runs: HELLO")).resolves.toBe("2 runs: HELLO");
    await page.waitForTimeout(900);
    await expect(fieldValue(page, "shouted")).resolves.toBe("2 runs: HELLO");
  });

  it("vt.on: one function bound to a Textbox submit and a Button click", async () => {
    const { page } = suite;
    await suite.open("triggers");
    await page.getByLabel("name", { exact: true }).fill("Ada");
    await page.getByLabel("name", { exact: true }).press("Enter");
    await expect(waitForValue(page, "greeting", "Hello, Ada!")).resolves.toBe("Hello, Ada!");
    await page.getByLabel("name", { exact: true }).fill("Grace");
    await page.getByRole("button", { name: "Greet" }).click();
    await expect(waitForValue(page, "greeting", "Hello, Grace!")).resolves.toBe("Hello, Grace!");
  });

  it("js: a client-side function runs in the browser, alone or before the server function", async () => {
    const { page } = suite;
    const calls: string[] = [];
    page.on("request", (req) => {
      if (/\/gradio_api\/(queue\/join|run\/)/.test(req.url())) calls.push(req.url());
    });
    await suite.open("js");
    await page.getByRole("button", { name: "Reverse in the browser" }).click();
    await expect(waitForValue(page, "result", "enirtiV ,olleH")).resolves.toBe("enirtiV ,olleH");
    expect(calls).toEqual([]);
    await page.getByRole("button", { name: "Swap" }).click();
    await expect(waitForValue(page, "text", "enirtiV ,olleH")).resolves.toBe("enirtiV ,olleH");
    await expect(fieldValue(page, "result")).resolves.toBe("Hello, Vitrine");
    expect(calls).toEqual([]);
    await page.getByRole("button", { name: "Upper-case, then the server" }).click();
    const shouted = "ENIRTIV ,OLLEH (seen by the server)";
    await expect(waitForValue(page, "result", shouted)).resolves.toBe(shouted);
    expect(calls).toHaveLength(1);
  });

  it("scroll_to_output: the page scrolls the output into view when the event completes", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 1000, height: 600 });
    await suite.open("scroll");
    const inView = () =>
      page.getByLabel("answer", { exact: true }).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    // Once the filler text has rendered, the answer is far below the fold.
    await expect(pollUntil(inView, (v) => !v, 5000)).resolves.toBe(false);
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    await page.getByRole("button", { name: "Answer" }).click();
    await waitForValue(page, "answer", "Down here, in answer to: Where is the answer?");
    await expect(pollUntil(inView, (v) => v, 3000)).resolves.toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  });
});
