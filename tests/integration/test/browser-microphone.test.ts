/**
 * The Audio's microphone and streaming output (issue 8) in a real browser with chromium's fake
 * microphone (a steady beep): a recording reaches the function as audio that is not silent;
 * the microphone streamed to a `stream` listener in WAV chunks runs it again and again; and a
 * generator's audio chunks, streamed out, all reach the page's player and are queued in order.
 */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { microphone } from "@vitrine/demo-gallery";
import { useBrowserSuite } from "./browser.js";

/** Waits until the textbox labelled `label` satisfies `check`, and returns its value. */
async function waitForValue(page: Page, label: string, check: (v: string) => boolean, timeout = 30_000): Promise<string> {
  const box = page.getByLabel(label, { exact: true });
  const end = Date.now() + timeout;
  for (;;) {
    const v = await box.inputValue();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`"${label}" still reads ${JSON.stringify(v)}`);
    await page.waitForTimeout(100);
  }
}

describe("the microphone", () => {
  const suite = useBrowserSuite({ microphone: { create: () => microphone(), description: "microphone" } }, { fakeMedia: true });

  it("records a clip: the function gets audio that is not silent", async () => {
    const page = await suite.open("microphone");
    const clip = page.locator(".vt-type-audio").filter({ hasText: "Recording" });
    await clip.getByRole("button", { name: "Microphone" }).click();
    await clip.getByRole("button", { name: "● Record" }).click();
    await clip.getByRole("meter", { name: "Input level" }).waitFor();
    await page.waitForTimeout(1500);
    await clip.getByRole("button", { name: "■ Stop" }).click();
    const about = await waitForValue(page, "About the recording", (v) => v !== "");
    const match = /^([\d.]+) s at (\d+) Hz, (-?[\d.]+|-Infinity) dBFS$/.exec(about);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThan(0.5);
    expect(Number(match![2])).toBeGreaterThanOrEqual(8000);
    // Chromium's fake microphone beeps: far louder than digital silence.
    expect(Number(match![3])).toBeGreaterThan(-50);
    // The recording is the value: a player of it.
    await clip.locator("audio").waitFor();
  });

  it("streams the microphone in chunks: the function runs on each, and stops with the stream", async () => {
    const page = await suite.open("microphone");
    const mic = page.locator(".vt-type-audio").filter({ hasText: "Live microphone" });
    await mic.getByRole("button", { name: "Start streaming" }).click();
    const level = await waitForValue(page, "Level", (v) => /heard ([\d.]+) s/.test(v) && Number(/heard ([\d.]+) s/.exec(v)![1]) >= 1.5);
    expect(Number(/^(-?[\d.]+) dBFS/.exec(level)?.[1])).toBeGreaterThan(-60);
    await mic.getByRole("button", { name: "Stop streaming" }).click();
    await mic.getByRole("button", { name: "Start streaming" }).waitFor();
    // Once the last chunks are in, the function is not called any more.
    let last = await page.getByLabel("Level", { exact: true }).inputValue();
    let since = Date.now();
    const end = Date.now() + 15_000;
    while (Date.now() - since < 1500) {
      expect(Date.now()).toBeLessThan(end);
      await page.waitForTimeout(100);
      const now = await page.getByLabel("Level", { exact: true }).inputValue();
      if (now !== last) [last, since] = [now, Date.now()];
    }
  });

  it("streams a tone out: every chunk reaches the player and is queued in order", async () => {
    const page = await suite.open("microphone");
    await page.getByRole("button", { name: "Stream a tone" }).click();
    const player = page.locator(".vt-audio-stream");
    await page.waitForFunction(() => document.querySelector(".vt-audio-stream")?.getAttribute("data-chunks") === "6", undefined, { timeout: 30_000 });
    // Chunk i lasts 0.5 + 0.01·i seconds: their order shows in their durations.
    const durations = (await player.getAttribute("data-durations"))!.split(",").map(Number);
    expect(durations).toEqual([0.5, 0.51, 0.52, 0.53, 0.54, 0.55]);
    // Each starts where the previous one ends: one seamless track.
    const starts = (await player.getAttribute("data-starts"))!.split(",").map(Number);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeCloseTo(starts[i - 1]! + durations[i - 1]!, 2);
    await expect(player.textContent()).resolves.toMatch(/6 chunks, 3\.[12] s/);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
  });
});
