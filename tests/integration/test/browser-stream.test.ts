/** The Interface's Stop button over a streaming generator, in headless chromium. */
import { describe, expect, it } from "@jest/globals";
import { demos, stream } from "@vitrine/demo-gallery";
import { fieldValue, pollUntil, useBrowserSuite } from "./browser.js";

describe("stopping a stream in a browser", () => {
  const suite = useBrowserSuite({ stream: { ...demos.stream!, create: () => stream({ delayMs: 120 }) } });
  const words = Array.from({ length: 40 }, (_, i) => `w${i + 1}`).join(" ");

  it("Stop replaces Submit while the generator streams; clicking it stops the output growing", async () => {
    const { page } = suite;
    await suite.open("stream");
    const submit = page.getByRole("button", { name: "Submit" });
    const stop = page.getByRole("button", { name: "Stop" });
    await expect(stop.isVisible()).resolves.toBe(false);
    await page.getByLabel("text", { exact: true }).fill(words);
    await submit.click();
    await stop.waitFor({ state: "visible" });
    await expect(submit.isVisible()).resolves.toBe(false);
    const streamed = await pollUntil(() => fieldValue(page, "streamed"), (v) => v.split(" ").length >= 3);
    expect(streamed.startsWith("w1 w2 w3")).toBe(true);
    await stop.click();
    await submit.waitFor({ state: "visible" });
    await expect(stop.isVisible()).resolves.toBe(false);
    await page.waitForTimeout(150);
    const stopped = await fieldValue(page, "streamed");
    await page.waitForTimeout(700);
    // The output keeps the last streamed value, and nothing more arrives.
    await expect(fieldValue(page, "streamed")).resolves.toBe(stopped);
    expect(stopped.split(" ").length).toBeLessThan(40);
    expect(stopped.startsWith(streamed)).toBe(true);
    await expect(page.getByRole("status").count()).resolves.toBe(0);
  });

  it("a new run after a stop streams from the start again", async () => {
    const { page } = suite;
    await suite.open("stream");
    await page.getByLabel("text", { exact: true }).fill(words);
    await page.getByRole("button", { name: "Submit" }).click();
    await pollUntil(() => fieldValue(page, "streamed"), (v) => v.split(" ").length >= 2);
    await page.getByRole("button", { name: "Stop" }).click();
    await page.getByLabel("text", { exact: true }).fill("one two three");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(pollUntil(() => fieldValue(page, "streamed"), (v) => v === "one two three")).resolves.toBe("one two three");
    await page.getByRole("button", { name: "Submit" }).waitFor({ state: "visible" });
  });
});
