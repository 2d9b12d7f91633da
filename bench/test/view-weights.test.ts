/**
 * Smoke test of the view-weight bench (no size is asserted): a few pages weighed cold in
 * headless chromium, and what they fetched. It checks what the weights rest on: heavy code
 * loads only on pages that use it — CodeMirror on a page with Code, KaTeX on a page whose
 * Markdown holds math, and neither on a page with a Textbox.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import type { Browser } from "playwright-core";
import { launchChromium } from "@vitrine/component-test/chromium";
import { measureViewWeights, viewCases, viewWeightsTable, type ViewWeight } from "../src/view-weights.js";

let browser: Browser;
let results: ViewWeight[];
const wanted = ["(no component: the baseline)", "textbox", "markdown", "markdown + math", "code"];

beforeAll(async () => {
  browser = await launchChromium();
  results = await measureViewWeights(browser, viewCases().filter((c) => wanted.includes(c.name)));
}, 120_000);
afterAll(() => browser?.close());

const page = (name: string) => results.find((r) => r.name === name)!;
const fetched = (name: string, pattern: RegExp) => page(name).chunks.some((c) => pattern.test(c));

it("weighs each page against the bare page", () => {
  expect(results.map((r) => r.name)).toEqual(wanted);
  expect(page("(no component: the baseline)").viewsTransferred).toBe(0);
  for (const name of wanted.slice(1)) expect(page(name).viewsTransferred).toBeGreaterThan(0);
  expect(page("textbox").totalTransferred).toBeGreaterThan(page("(no component: the baseline)").totalTransferred);
  expect(viewWeightsTable(results).split("\n")).toHaveLength(wanted.length + 2);
});

it("loads CodeMirror only on the page with Code", () => {
  expect(page("code").chunks.some((c) => c.startsWith("code/"))).toBe(true);
  for (const name of ["textbox", "markdown", "markdown + math"]) expect(page(name).chunks.some((c) => c.startsWith("code/"))).toBe(false);
});

it("loads KaTeX only where Markdown holds math", () => {
  expect(fetched("markdown + math", /katex/i)).toBe(true);
  expect(fetched("markdown", /katex/i)).toBe(false);
  expect(fetched("textbox", /katex/i)).toBe(false);
});
