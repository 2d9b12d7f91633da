/** State in headless chromium: per-session values, BrowserState across reloads, delete_callback and unload. */
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { state } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** The "on this server" line: sessions ended and history values deleted so far. */
async function serverCounts(page: Page): Promise<{ ended: number; deleted: number }> {
  const text = await fieldValue(page, "on this server");
  const m = /(\d+) session\(s\) ended, (\d+) history value\(s\) deleted/.exec(text);
  return m ? { ended: Number(m[1]), deleted: Number(m[2]) } : { ended: -1, deleted: -1 };
}

describe("State in a browser", () => {
  const suite = useBrowserSuite({
    state: { create: () => state(), description: "State" },
    request: {
      create: () =>
        vt.Blocks(() => {
          const out = vt.Textbox({ label: "request" });
          const picked = vt.Radio({ label: "pick", choices: ["a", "b"] });
          vt.Button("Who am I").click({
            fn: (ctx: vt.EventContext) =>
              JSON.stringify({ ref: ctx.request.query.ref ?? null, user: ctx.request.username, same: ctx.request.session_hash === ctx.session.hash }),
            outputs: [out],
          });
          picked.select({ fn: (ctx) => `${ctx.event.index}:${String(ctx.event.value)}:${ctx.event.selected}`, outputs: [out] });
        }),
      description: "ctx.request and ctx.event",
    },
  });

  it("ctx.request has the page's query parameters and the session; ctx.event has the event's data", async () => {
    const { page } = suite;
    await page.goto(`${suite.url}request/?ref=newsletter`);
    await page.locator("#vt-root .vt-app").waitFor();
    await page.getByRole("button", { name: "Who am I" }).click();
    const expected = JSON.stringify({ ref: "newsletter", user: null, same: true });
    await expect(waitForValue(page, "request", expected)).resolves.toBe(expected);
    await page.getByRole("radio", { name: "b" }).check();
    await expect(waitForValue(page, "request", "1:b:true")).resolves.toBe("1:b:true");
  });

  it("two browser contexts keep separate State", async () => {
    const { page } = suite;
    await suite.open("state");
    const other = await (await page.context().browser()!.newContext()).newPage();
    try {
      await other.goto(`${suite.url}state/`);
      await other.locator("#vt-root .vt-app").waitFor();
      const plus = page.getByRole("button", { name: "+1" });
      for (let i = 0; i < 3; i++) {
        await plus.click();
        await waitForValue(page, "your count", String(i + 1));
      }
      await other.getByRole("button", { name: "+1" }).click();
      await expect(waitForValue(other, "your count", "1")).resolves.toBe("1");
      await plus.click();
      await expect(waitForValue(page, "your count", "4")).resolves.toBe("4");

      await page.getByLabel("message").fill("mine");
      await page.getByLabel("message").press("Enter");
      await expect(waitForValue(page, "your history", "mine")).resolves.toBe("mine");
      await other.getByLabel("message").fill("theirs");
      await other.getByLabel("message").press("Enter");
      await expect(waitForValue(other, "your history", "theirs")).resolves.toBe("theirs");
      // The State's change listener ran once for each new value.
      await expect(waitForValue(page, "history changes", "1")).resolves.toBe("1");
    } finally {
      await other.context().close();
    }
  });

  it("a BrowserState survives a reload; a State does not", async () => {
    const { page } = suite;
    await suite.open("state");
    const first = Number(await pollUntil(() => fieldValue(page, "your visits (kept in this browser)"), (v) => v !== "0"));
    await page.getByRole("button", { name: "+1" }).click();
    await waitForValue(page, "your count", "1");
    await page.reload();
    await page.locator("#vt-root .vt-app").waitFor();
    await expect(waitForValue(page, "your visits (kept in this browser)", String(first + 1))).resolves.toBe(String(first + 1));
    // What the page stores is sealed by the server: not the number itself.
    const stored = await page.evaluate(() => localStorage.getItem("vitrine-gallery-visits"));
    expect(stored).not.toBeNull();
    expect(stored).not.toMatch(/^"?\d+"?$/);
    expect(stored!.length).toBeGreaterThan(30);
    await page.getByRole("button", { name: "+1" }).click();
    await expect(waitForValue(page, "your count", "1")).resolves.toBe("1");
  });

  it("closing a page ends its session: delete_callback and unload run", async () => {
    const { page } = suite;
    await suite.open("state");
    const before = await pollUntil(() => serverCounts(page), (c) => c.ended >= 0);
    const leaving = await page.context().newPage();
    await leaving.goto(`${suite.url}state/`);
    await leaving.locator("#vt-root .vt-app").waitFor();
    await leaving.getByLabel("message").fill("bye");
    await leaving.getByLabel("message").press("Enter");
    await waitForValue(leaving, "your history", "bye");
    await leaving.close();
    // After the session's grace period (2 s), a fresh page reads the server's counts.
    const after = await pollUntil(
      async () => {
        await page.reload();
        await page.locator("#vt-root .vt-app").waitFor();
        return pollUntil(() => serverCounts(page), (c) => c.ended >= 0, 3000);
      },
      (c) => c.ended >= before.ended + 1 && c.deleted >= before.deleted + 1,
      15_000,
    );
    expect(after.ended).toBeGreaterThanOrEqual(before.ended + 1);
    expect(after.deleted).toBeGreaterThanOrEqual(before.deleted + 1);
  });
});
