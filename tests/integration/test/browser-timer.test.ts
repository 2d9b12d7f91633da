/** The Timer component and `every` in headless chromium. */
import { describe, expect, it } from "@jest/globals";
import { demos, timer } from "@vitrine/demo-gallery";
import { fieldValue, pollUntil, useBrowserSuite } from "./browser.js";

describe("timers in a browser", () => {
  const suite = useBrowserSuite({ timer: { ...demos.timer!, create: () => timer({ tick: 0.4, every: 0.4 }) } });
  const ticks = async () => Number(await fieldValue(suite.page, "ticks"));

  it("Timer: ticks update the output repeatedly; a pause stops them and a resume restarts them", async () => {
    const { page } = suite;
    await suite.open("timer");
    await expect(pollUntil(ticks, (n) => n >= 3)).resolves.toBeGreaterThanOrEqual(3);
    // The Timer draws nothing.
    await expect(page.locator(".vt-type-timer").isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.waitForTimeout(400);
    const paused = await ticks();
    await page.waitForTimeout(700);
    await expect(ticks()).resolves.toBe(paused);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(pollUntil(ticks, (n) => n >= paused + 2)).resolves.toBeGreaterThanOrEqual(paused + 2);
  });

  it("Timer: an update of its value changes the period", async () => {
    const { page } = suite;
    await suite.open("timer");
    await pollUntil(ticks, (n) => n >= 1);
    await page.getByRole("button", { name: "Pause" }).click();
    await page.waitForTimeout(300);
    // 0.4 s → 0.2 s → 0.1 s: from at most 4 ticks in 1.5 s to up to 15.
    await page.getByRole("button", { name: "Faster" }).click();
    await page.getByRole("button", { name: "Faster" }).click();
    await page.waitForTimeout(300);
    const start = await ticks();
    await page.waitForTimeout(1500);
    expect((await ticks()) - start).toBeGreaterThanOrEqual(6);
  });

  it("every: demo.load({ every }) refreshes the server time while the page is open", async () => {
    const { page } = suite;
    await suite.open("timer");
    const seen = new Set<string>();
    await pollUntil(
      async () => {
        const value = await fieldValue(page, "server time");
        if (value) seen.add(value);
        return seen.size;
      },
      (n) => n >= 3,
      5000,
    );
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const value of seen) expect(value).toMatch(/^\d\d:\d\d:\d\d\.\d{3}$/);
  });
});
