/**
 * The Markdown view in a real browser, through a real server: a fenced Python block is coloured
 * by highlight.js, which the page loads (components/markdown/highlight.js) only when a Markdown
 * holds such a block; header links give headings ids and navigate to them (the URL's hash
 * changes); each code block has a copy button, whose `copy` event reaches the server with the
 * block's code; `show_copy_button` copies the whole source; `max_height` makes a long text scroll.
 */
import { describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { useBrowserSuite } from "./browser.js";

const CODE_TEXT = [
  "# Greeting",
  "",
  "## How it works",
  "",
  "```python",
  "def greet(name):",
  '    return "Hello " + name  # say hello',
  "```",
  "",
  ...Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of filler text.\n`),
  "## How it works",
  "",
  "The end.",
].join("\n");

function codeDemo() {
  return vt.Blocks(() => {
    const md = vt.Markdown(CODE_TEXT, { header_links: true, show_copy_button: true, max_height: 200 });
    const copied = vt.Textbox({ label: "Copied", lines: 4 });
    md.copy({ fn: (ctx) => String((ctx.event.data as vt.CopyData).value), inputs: [], outputs: [copied] });
  });
}

function plainDemo() {
  return vt.Blocks(() => {
    vt.Markdown("# Plain\n\nNo code here, only `inline code` and **bold** text.");
    vt.Textbox({ label: "Name" });
  });
}

describe("Markdown in a browser", () => {
  const suite = useBrowserSuite({
    code: { create: codeDemo, description: "Markdown with code" },
    plain: { create: plainDemo, description: "Markdown without code" },
  });

  it("highlights a fenced Python block, loading the highlighter for it", async () => {
    const { page } = suite;
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/components/markdown/")) requests.push(r.url());
    });
    await suite.open("code");
    const code = page.locator(".vt-markdown pre code.language-python");
    await page.locator(".vt-markdown pre code.hljs span.hljs-keyword").first().waitFor();
    await expect(code.locator("span.hljs-keyword").first().textContent()).resolves.toBe("def");
    await expect(code.locator("span.hljs-title").first().textContent()).resolves.toBe("greet");
    await expect(code.locator("span.hljs-string").first().textContent()).resolves.toBe('"Hello "');
    await expect(code.locator("span.hljs-comment").first().textContent()).resolves.toBe("# say hello");
    expect(requests.some((u) => u.endsWith("/components/markdown/highlight.js"))).toBe(true);
    // Token colours come from the theme: the keyword is --color-accent mixed toward the text
    // colour (so that it meets 4.5:1 contrast).
    const colours = await page.evaluate(() => {
      const keyword = document.querySelector(".vt-markdown span.hljs-keyword")!;
      const probe = document.createElement("span");
      probe.style.color = "color-mix(in srgb, var(--color-accent) 60%, var(--body-text-color))";
      keyword.parentElement!.append(probe);
      const result = { keyword: getComputedStyle(keyword).color, accent: getComputedStyle(probe).color, text: getComputedStyle(keyword.parentElement!).color };
      probe.remove();
      return result;
    });
    expect(colours.keyword).toBe(colours.accent);
    expect(colours.keyword).not.toBe(colours.text);
  });

  it("colours tokens from the theme in dark mode too", async () => {
    const { page } = suite;
    /** Each token's colour beside the theme variable it should have, in the mode shown. */
    const tokenColours = () =>
      page.evaluate(() => {
        // Each token is its theme colour mixed toward the text colour (for 4.5:1 contrast).
        const probe = (v: string, near: Element, share = 60) => {
          const span = document.createElement("span");
          span.style.color = `color-mix(in srgb, var(${v}) ${share}%, var(--body-text-color))`;
          near.append(span);
          const c = getComputedStyle(span).color;
          span.remove();
          return c;
        };
        const code = document.querySelector(".vt-markdown pre code.hljs")!;
        const pick = (sel: string) => getComputedStyle(code.querySelector(sel)!).color;
        return {
          string: [pick(".hljs-string"), probe("--vt-success-color", code)],
          comment: [pick(".hljs-comment"), probe("--body-text-color-subdued", code, 70)],
          keyword: [pick(".hljs-keyword"), probe("--color-accent", code)],
        };
      });
    await suite.open("code");
    await page.locator(".vt-markdown pre code.hljs span.hljs-string").first().waitFor();
    const light = await tokenColours();
    await page.goto(`${suite.url}code/?__theme=dark`);
    await page.locator(".vt-markdown pre code.hljs span.hljs-string").first().waitFor();
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);
    const dark = await tokenColours();
    for (const colours of [light, dark]) for (const [token, variable] of Object.values(colours)) expect(token).toBe(variable);
    // The theme's dark values differ from its light ones, and the tokens follow.
    expect(dark.string[0]).not.toBe(light.string[0]);
    expect(dark.comment[0]).not.toBe(light.comment[0]);
  });

  it("loads no highlighter for a page whose Markdown has no code block", async () => {
    const { page } = suite;
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/components/markdown/")) requests.push(r.url());
    });
    await suite.open("plain");
    await page.getByText("No code here").waitFor();
    await page.waitForLoadState("networkidle");
    await expect(page.locator(".vt-markdown code").first().textContent()).resolves.toBe("inline code");
    expect(requests).toEqual([]);
  });

  it("gives headings unique ids whose links navigate (the URL's hash changes)", async () => {
    const { page } = suite;
    await suite.open("code");
    const headings = page.locator(".vt-markdown h2");
    await expect(headings.evaluateAll((hs) => hs.map((h) => h.id))).resolves.toEqual(["how-it-works", "how-it-works-1"]);
    await page.getByRole("link", { name: "Link to this section: Greeting" }).waitFor();
    const second = page.getByRole("link", { name: "Link to this section: How it works" }).nth(1);
    await second.focus();
    await second.click();
    await page.waitForFunction(() => location.hash === "#how-it-works-1");
    expect(new URL(page.url()).hash).toBe("#how-it-works-1");
    // The section scrolled into view inside the Markdown's scrolling box (max_height).
    const box = await page.evaluate(() => {
      const scroll = document.querySelector<HTMLElement>(".vt-markdown-scroll")!;
      return { scrollTop: scroll.scrollTop, clientHeight: scroll.clientHeight, scrollHeight: scroll.scrollHeight };
    });
    expect(box.clientHeight).toBeLessThanOrEqual(200);
    expect(box.scrollHeight).toBeGreaterThan(box.clientHeight);
    expect(box.scrollTop).toBeGreaterThan(0);
  });

  it("copies a code block with its button, and the whole text with show_copy_button, firing copy", async () => {
    const { page } = suite;
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await suite.open("code");
    const copyCode = page.getByRole("button", { name: "Copy code" });
    await expect(copyCode.count()).resolves.toBe(1);
    await copyCode.click();
    const copied = page.getByLabel("Copied", { exact: true });
    const expected = 'def greet(name):\n    return "Hello " + name  # say hello';
    await page.waitForFunction(
      (want) => (document.querySelector<HTMLTextAreaElement>("textarea")?.value ?? "") === want,
      expected,
    );
    await expect(copied.inputValue()).resolves.toBe(expected);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(expected);

    await page.getByRole("button", { name: "Copy Markdown" }).click();
    await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>("textarea")?.value ?? "").startsWith("# Greeting"));
    await expect(copied.inputValue()).resolves.toBe(CODE_TEXT);
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(CODE_TEXT);
  });
});
