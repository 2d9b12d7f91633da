/** Progress bars, show_progress and toasts in headless chromium. */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { demos, progress, toasts } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** The `.vt-block` holding the field labelled `label`. */
const blockOf = (page: Page, label: string) => page.locator(".vt-block", { has: page.getByLabel(label, { exact: true }) });

describe("progress and messages in a browser", () => {
  const suite = useBrowserSuite({
    progress: { ...demos.progress!, create: () => progress({ delayMs: 150 }) },
    toasts: { ...demos.toasts!, create: toasts },
  });

  it("progress: a bar with the function's description and step count shows over the output while it runs", async () => {
    const { page } = suite;
    await suite.open("progress");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    const bar = blockOf(page, "result").getByRole("progressbar");
    const seen: { text: string; now: number }[] = [];
    await pollUntil(
      async () => {
        // Read the bar in one go: it may be gone by the next call.
        const [current] = await bar.evaluateAll((els) =>
          els.map((el) => ({ text: el.getAttribute("aria-valuetext") ?? "", now: Number(el.getAttribute("aria-valuenow")) })),
        );
        if (current?.text && seen[seen.length - 1]?.text !== current.text) seen.push(current);
        return page.getByLabel("result", { exact: true }).inputValue();
      },
      (v) => v !== "",
    );
    await expect(waitForValue(page, "result", "Finished 8 steps")).resolves.toBe("Finished 8 steps");
    const working = seen.filter((s) => /^Working \d+\/8 steps$/.test(s.text));
    expect(working.length).toBeGreaterThanOrEqual(3);
    // Steps only go forward, and aria-valuenow follows them as a percentage.
    const percents = working.map((s) => s.now);
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    for (const s of working) expect(s.now).toBe(Math.round((Number(/(\d+)\//.exec(s.text)![1]) / 8) * 100));
    // When the run ends the bar goes away.
    await expect(pollUntil(() => bar.count(), (n) => n === 0)).resolves.toBe(0);
  });

  it("show_progress: full covers the output, minimal shows only a timer, hidden shows nothing", async () => {
    const { page } = suite;
    await suite.open("progress");
    for (const mode of ["full", "minimal", "hidden"]) await page.getByRole("button", { name: `Run (${mode})` }).click();
    // One snapshot of the three outputs' overlays, taken while the runs are pending.
    const snapshot = () =>
      page.evaluate(() =>
        ["full", "minimal", "hidden"].map((mode) => {
          const field = [...document.querySelectorAll(".vt-block")].find((b) => b.querySelector(`[aria-label="${mode} output"]`))!;
          const status = field.querySelector<HTMLElement>('[role="status"]');
          return {
            present: status !== null,
            className: status?.className ?? "",
            spinners: status?.querySelectorAll(".vt-spinner").length ?? 0,
            text: status?.textContent ?? "",
            height: status?.getBoundingClientRect().height ?? 0,
            blockHeight: field.getBoundingClientRect().height,
          };
        }),
      );
    const [full, minimal, hidden] = await pollUntil(snapshot, ([f, m]) => f!.present && m!.present);
    expect(full!.className).toContain("vt-status-full");
    expect(full!.spinners).toBe(1);
    expect(full!.height).toBeGreaterThan(full!.blockHeight * 0.9); // covers the output
    expect(minimal!.className).toContain("vt-status-minimal");
    expect(minimal!.spinners).toBe(0);
    expect(minimal!.text).toMatch(/^\d+\.\ds$/); // only the timer
    expect(minimal!.height).toBeLessThan(minimal!.blockHeight / 2);
    expect(hidden!.present).toBe(false);
    for (const mode of ["full", "minimal", "hidden"]) {
      await expect(waitForValue(page, `${mode} output`, `done (${mode})`)).resolves.toBe(`done (${mode})`);
    }
    await expect(page.getByRole("status").count()).resolves.toBe(0);
  });

  it("toasts: vt.Info and vt.Warning show as distinct toasts while the function runs", async () => {
    const { page } = suite;
    await suite.open("toasts");
    await page.getByRole("button", { name: "Info" }).click();
    const info = page.locator('[data-testid="toast"][data-level="info"]');
    await info.waitFor();
    await expect(info.textContent()).resolves.toContain("Something to say");
    await expect(info.getAttribute("role")).resolves.toBe("status");
    await page.getByRole("button", { name: "Warning" }).click();
    const warning = page.locator('[data-testid="toast"][data-level="warning"]');
    await warning.waitFor();
    await expect(warning.locator(".vt-toast-title").textContent()).resolves.toBe("Careful");
    await expect(warning.getAttribute("role")).resolves.toBe("alert");
    const stripe = (el: typeof info) => el.evaluate((node) => getComputedStyle(node).borderLeftColor);
    expect(await stripe(info)).not.toBe(await stripe(warning));
    await expect(waitForValue(page, "result", "warning sent")).resolves.toBe("warning sent");
  });

  it("toasts: an error with no duration stays until closed", async () => {
    const { page } = suite;
    await suite.open("toasts");
    await page.getByRole("button", { name: "Error" }).click();
    const error = page.locator('[data-testid="toast"][data-level="error"]');
    await error.waitFor();
    await expect(error.textContent()).resolves.toContain("Something to say");
    await expect(error.locator(".vt-toast-timer").count()).resolves.toBe(0);
    await page.waitForTimeout(1200);
    await expect(error.count()).resolves.toBe(1);
    await error.getByRole("button", { name: "Close" }).click();
    await expect(error.count()).resolves.toBe(0);
  });
});
