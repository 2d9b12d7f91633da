/**
 * Issue 7 in headless chromium: a live Interface (typing updates the outputs, no button), LaTeX
 * typeset by KaTeX loaded only when needed, a TabbedInterface's tabs, and the load demo calling
 * the gallery's hello demo through its API.
 */
import { describe, expect, it } from "@jest/globals";
import { demos } from "@vitrine/demo-gallery";
import { fieldValue, useBrowserSuite, waitForValue } from "./browser.js";

describe("the Interface family in a browser", () => {
  const suite = useBrowserSuite({
    hello: demos.hello!,
    live: demos.live!,
    tabbed: demos.tabbed!,
    parallel: demos.parallel!,
    series: demos.series!,
    load: demos.load!,
  });

  it("live: typing updates the outputs, with no Submit button", async () => {
    const { page } = suite;
    await suite.open("live");
    await expect(page.getByRole("button", { name: "Submit" }).count()).resolves.toBe(0);
    await expect(page.getByRole("button", { name: "Clear" }).count()).resolves.toBe(1);
    const text = page.getByLabel("text", { exact: true });
    await text.fill("");
    await text.pressSequentially("drawer", { delay: 30 });
    await expect(waitForValue(page, "reversed", "reward")).resolves.toBe("reward");
    await expect(waitForValue(page, "length", "6")).resolves.toBe("6");
    await text.press("Backspace");
    await expect(waitForValue(page, "reversed", "eward")).resolves.toBe("eward");
    await expect(waitForValue(page, "length", "5")).resolves.toBe("5");
  });

  it("typesets LaTeX in the description and article, loading KaTeX only for pages with math", async () => {
    const { page } = suite;
    const katex: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/components/markdown/")) katex.push(r.url());
    });
    await suite.open("hello");
    await page.getByText("Type a name").waitFor();
    await page.waitForLoadState("networkidle");
    expect(katex).toEqual([]);

    await suite.open("live");
    await page.locator(".vt-description .katex").first().waitFor();
    await page.locator(".vt-article .katex-display").waitFor();
    expect(katex.some((u) => /markdown\/katex-[A-Z0-9]+\.js$/.test(u))).toBe(true);
    expect(katex.some((u) => u.endsWith("markdown/katex.css"))).toBe(true);
    // The stylesheet applies (KaTeX's fonts), and the source no longer shows.
    await page.waitForFunction(() => {
      const el = document.querySelector(".vt-description .katex .katex-html");
      return el !== null && getComputedStyle(el.querySelector(".mord") ?? el).fontFamily.includes("KaTeX");
    });
    await expect(page.locator(".vt-math-pending").count()).resolves.toBe(0);
  });

  it("TabbedInterface: each tab holds an Interface that works", async () => {
    const { page } = suite;
    await suite.open("tabbed");
    const greet = page.getByRole("tab", { name: "Greet" });
    const square = page.getByRole("tab", { name: "Square" });
    await expect(greet.getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByLabel("name", { exact: true }).fill("Ada");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(waitForValue(page, "message", "Hello, Ada!")).resolves.toBe("Hello, Ada!");

    await square.click();
    await expect(square.getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByLabel("x", { exact: true }).waitFor({ state: "visible" });
    await expect(page.getByLabel("name", { exact: true }).isVisible()).resolves.toBe(false);
    await expect(fieldValue(page, "x")).resolves.toBe("3");
    // Role queries see the shown tab only: its own Submit button.
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(waitForValue(page, "x²", "9")).resolves.toBe("9");
    await page.locator(".vt-description .katex").first().waitFor();
  });

  it("Parallel and Series: one input, their outputs", async () => {
    const { page } = suite;
    await suite.open("parallel");
    await page.getByLabel("name", { exact: true }).fill("Grace");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(waitForValue(page, "formal", "Good day, Grace.")).resolves.toBe("Good day, Grace.");
    await expect(waitForValue(page, "casual", "Hey Grace!")).resolves.toBe("Hey Grace!");

    await suite.open("series");
    await page.getByLabel("text", { exact: true }).fill("to be or not");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(waitForValue(page, "summary", "4 WORDS!")).resolves.toBe("4 WORDS!");
  });

  it("load: the hello demo, called through its API", async () => {
    const { page } = suite;
    await suite.open("load");
    await page.getByLabel("name", { exact: true }).fill("Linus");
    await page.getByRole("button", { name: "Greet remotely" }).click();
    await expect(waitForValue(page, "remote greeting", "Hello, Linus!")).resolves.toBe("Hello, Linus!");
  });
});
