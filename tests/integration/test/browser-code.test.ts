/**
 * Code (issue 9) in a real browser: CodeMirror loads only on pages with a Code block; typing
 * into the editor reaches the function; Python and JSON are highlighted into token spans; an
 * output Code is read-only; line numbers, `lines` and `max_lines` set what the editor shows;
 * the `input`, `focus` and `blur` events fire.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import type { Locator, Page } from "playwright-core";
import { code, hello } from "@vitrine/demo-gallery";
import { pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

/** The editor (`.cm-editor`) whose editing area is named `label`. */
function editor(page: Page, label: string): Locator {
  return page.locator(".cm-editor", { has: page.getByRole("textbox", { name: label, exact: true }) });
}

/** The text an editor shows, its lines joined by newlines. */
function editorText(page: Page, label: string): Promise<string> {
  return editor(page, label).locator(".cm-line").allTextContents().then((lines) => lines.join("\n"));
}

/** The `.cm-scroller`'s height, and the height of one line, in CSS pixels. */
function heights(page: Page, label: string): Promise<{ height: number; line: number; scrollHeight: number }> {
  return editor(page, label).locator(".cm-scroller").evaluate((el) => {
    const style = getComputedStyle(el);
    return { height: el.clientHeight, line: parseFloat(style.lineHeight), scrollHeight: el.scrollHeight };
  });
}

describe("Code (CodeMirror 6)", () => {
  const suite = useBrowserSuite({
    code: { create: code, description: "Code" },
    hello: { create: hello, description: "no Code" },
  });

  it("a page without a Code block requests nothing of components/code; a page with one loads CodeMirror from there", async () => {
    const { page } = suite;
    const requested: string[] = [];
    page.on("request", (r) => void requested.push(r.url()));
    await suite.open("hello");
    await page.waitForLoadState("networkidle");
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((u) => /components\/code(\.js|\/)/.test(u))).toEqual([]);

    requested.length = 0;
    await suite.open("code").catch((err: Error) => {
      throw new Error(`${err.message}\nrequested: ${requested.join("\n")}`);
    });
    await editor(page, "Python script").waitFor();
    expect(requested.some((u) => /components\/code\/.+\.js/.test(u))).toBe(true);
  });

  it("typing into the editor sends the text to the function: the summary, the input event, focus and blur", async () => {
    const { page } = suite;
    await suite.open("code");
    const content = page.getByRole("textbox", { name: "Python script", exact: true });
    await content.click();
    await waitForValue(page, "Last editor event", "focus");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText("def area(r):\n    return r * r\n");
    await page.keyboard.type("total = 2");
    const typed = "def area(r):\n    return r * r\ntotal = 2";
    await expect(editorText(page, "Python script")).resolves.toBe(typed);
    await expect(waitForValue(page, "Characters typed", String(typed.length))).resolves.toBe(String(typed.length));
    const expected = { lines: 3, characters: typed.length, functions: ["area"], imports: [] };
    const summary = await pollUntil(() => editorText(page, "Summary"), (t) => t.includes('"characters": ' + typed.length));
    expect(JSON.parse(summary)).toEqual(expected);
    await page.getByRole("heading", { name: "Code" }).click();
    await expect(waitForValue(page, "Last editor event", "blur")).resolves.toBe("blur");
  });

  it("highlights Python and JSON into token spans with classes", async () => {
    const { page } = suite;
    await suite.open("code");
    const python = editor(page, "Python script");
    await python.locator(".tok-keyword", { hasText: "def" }).first().waitFor();
    await expect(python.locator(".tok-keyword").allTextContents()).resolves.toEqual(expect.arrayContaining(["import", "def", "return"]));
    await expect(python.locator(".tok-string").first().textContent()).resolves.toBe('"""The area of a circle."""');
    await expect(python.locator(".tok-number").allTextContents()).resolves.toContain("2");
    const json = editor(page, "Summary");
    await json.locator(".tok-propertyName").first().waitFor();
    await expect(json.locator(".tok-propertyName").allTextContents()).resolves.toEqual(['"lines"', '"characters"', '"functions"', '"imports"']);
    await expect(json.locator(".tok-string").allTextContents()).resolves.toEqual(['"area"', '"math"']);
    await expect(json.locator(".tok-number").first().textContent()).resolves.toBe("5");
    // A token's colour comes from the theme, not the default black text.
    const colours = await python.locator(".tok-keyword").first().evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest(".cm-line")!).color]);
    expect(colours[0]).not.toBe(colours[1]);
  });

  it("an output Code is read-only", async () => {
    const { page } = suite;
    await suite.open("code");
    const content = page.getByRole("textbox", { name: "Summary", exact: true });
    await expect(content.getAttribute("contenteditable")).resolves.toBe("false");
    await expect(content.getAttribute("aria-readonly")).resolves.toBe("true");
    const before = await editorText(page, "Summary");
    await content.click();
    await page.keyboard.type("xyz");
    await page.keyboard.press("Backspace");
    await expect(editorText(page, "Summary")).resolves.toBe(before);
  });

  it("line numbers show unless turned off; lines sets the least height and max_lines the most", async () => {
    const { page } = suite;
    await suite.open("code");
    const python = editor(page, "Python script");
    const numbers = () => python.locator(".cm-lineNumbers .cm-gutterElement:visible").allTextContents();
    await expect(pollUntil(numbers, (n) => n.join(",") === "1,2,3,4,5")).resolves.toEqual(["1", "2", "3", "4", "5"]);
    await editor(page, "Notes").waitFor();
    expect(await editor(page, "Notes").locator(".cm-lineNumbers").count()).toBe(0);
    // The script holds 5 lines; `lines: 8` keeps room for 8 (and the content's 4px padding each side).
    const short = await heights(page, "Python script");
    expect(Math.abs(short.height - (8 * short.line + 8))).toBeLessThanOrEqual(2);
    const notes = await heights(page, "Notes");
    expect(Math.abs(notes.height - (3 * notes.line + 8))).toBeLessThanOrEqual(2);
    // 40 lines: the editor stops growing at max_lines (20) and scrolls.
    await page.getByRole("textbox", { name: "Python script", exact: true }).click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(Array.from({ length: 40 }, (_, i) => `x${i} = ${i}`).join("\n"));
    const tall = await pollUntil(() => heights(page, "Python script"), (h) => h.scrollHeight > h.height + 10);
    expect(Math.abs(tall.height - (20 * tall.line + 8))).toBeLessThanOrEqual(2);
    expect(tall.scrollHeight).toBeGreaterThan(tall.height);
  });

  it("autocomplete suggests the language's words while typing", async () => {
    const { page } = suite;
    await suite.open("code");
    const python = editor(page, "Python script");
    await python.locator(".tok-keyword").first().waitFor();
    await page.getByRole("textbox", { name: "Python script", exact: true }).click();
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("pri");
    const options = python.locator(".cm-tooltip-autocomplete li");
    await options.first().waitFor();
    await expect(options.allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining("print")]));
  });

  it("the editor's colours follow the theme in light and dark mode", async () => {
    const { page } = suite;
    const colours = async (mode: string) => {
      await page.goto(`${suite.url}code/?__theme=${mode}`);
      const python = editor(page, "Python script");
      await python.locator(".tok-keyword").first().waitFor();
      return python.evaluate((el) => {
        const line = el.querySelector(".cm-line")!;
        return { background: getComputedStyle(el).backgroundColor, text: getComputedStyle(line).color,
          body: getComputedStyle(document.body).color, keyword: getComputedStyle(el.querySelector(".tok-keyword")!).color };
      });
    };
    const light = await colours("light");
    const dark = await colours("dark");
    expect(dark.background).not.toBe(light.background);
    expect(dark.text).not.toBe(light.text);
    // The code's text is the page's text colour, in each mode.
    expect(light.text).toBe(light.body);
    expect(dark.text).toBe(dark.body);
    expect(light.keyword).not.toBe(light.text);
  });

  it("@gradio/client: the code round trips through the summary endpoint; view_api types it as str", async () => {
    const client = await Client.connect(`${suite.url}code/`);
    const api = (await client.view_api()) as { named_endpoints: Record<string, { parameters: { python_type: { type: string } }[]; returns: { python_type: { type: string } }[] }> };
    const endpoint = api.named_endpoints["/summarise"]!;
    expect(endpoint.parameters.map((p) => p.python_type.type)).toEqual(["str"]);
    expect(endpoint.returns.map((p) => p.python_type.type)).toEqual(["str"]);
    const script = "import os\nfrom json import loads\n\ndef one():\n    return 1\n\nasync def two():\n    return 2";
    const result = await client.predict("/summarise", [script]);
    expect(JSON.parse((result.data as string[])[0]!)).toEqual({ lines: 8, characters: script.length, functions: ["one", "two"], imports: ["os", "json"] });
  });
});
