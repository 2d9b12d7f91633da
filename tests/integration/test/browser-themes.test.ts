/**
 * Themes and the page's look in headless chromium: dark mode by URL and by system setting, every
 * prebuilt theme applied in light and dark (screenshots under test-output/themes/), a layout
 * skeleton before views load, and no sideways scrolling at 375 px for every gallery demo.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { demos } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { pollUntil, useBrowserSuite } from "./browser.js";

const OUTPUT = fileURLToPath(new URL("../test-output/themes", import.meta.url));

/** The body's computed background colour. */
function bodyBackground(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

/** A theme variable as the page resolves it on `<html>`. */
function variable(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** An app using every page option of Blocks. */
function custom() {
  return vt.Blocks(
    {
      title: "Custom page",
      theme: vt.themes.Base({ primary_hue: "emerald" }).set({ body_background_fill: "*primary_50" }),
      css: ".gradio-container #shout { border: 3px solid rgb(1, 2, 3); } .vitrine-container .loud { text-transform: uppercase; }",
      head: '<meta name="vt-test" content="from head">',
      js: "() => { document.body.dataset.appJs = 'ran'; }",
      fill_width: true,
      fill_height: true,
    },
    () => {
      vt.Textbox({ label: "shout", elem_id: "shout", elem_classes: ["loud", "extra"], value: "quiet" });
      vt.Textbox({ label: "tall", elem_id: "tall", lines: 2, scale: 1 });
      vt.Row({ elem_id: "the-row", elem_classes: "row-class" }, () => {
        vt.Button("A");
      });
    },
  );
}

describe("themes in a browser", () => {
  const suite = useBrowserSuite({ ...demos, custom: { create: custom, description: "every page option" } });

  async function openAt(path: string): Promise<Page> {
    const { page } = suite;
    await page.goto(`${suite.url}${path}`);
    await page.locator("#vt-root .vt-app").waitFor();
    return page;
  }

  it("?__theme=dark and ?__theme=light force the mode; the default follows the system", async () => {
    const { page } = suite;
    await page.emulateMedia({ colorScheme: "light" });
    await openAt("hello/");
    const light = await bodyBackground(page);
    await openAt("hello/?__theme=dark");
    const dark = await bodyBackground(page);
    expect(dark).not.toBe(light);
    await expect(page.evaluate(() => document.documentElement.classList.contains("dark"))).resolves.toBe(true);

    await page.emulateMedia({ colorScheme: "dark" });
    await openAt("hello/");
    await expect(bodyBackground(page)).resolves.toBe(dark);
    await openAt("hello/?__theme=light");
    await expect(bodyBackground(page)).resolves.toBe(light);
    // A page that follows the system changes with it.
    await openAt("hello/");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(pollUntil(() => bodyBackground(page), (bg) => bg === light)).resolves.toBe(light);
  });

  it("every prebuilt theme applies, in light and in dark (screenshots saved)", async () => {
    const { page } = suite;
    mkdirSync(OUTPUT, { recursive: true });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.emulateMedia({ colorScheme: "light" });
    await openAt("themes/");
    const names = Object.keys(vt.themes.themes);
    expect(names.length).toBe(8);
    const seen = new Map<string, string>();
    for (const name of names) {
      const theme = vt.themes.themes[name]!();
      await page.locator("#theme-choice").getByRole("radio", { name, exact: true }).check();
      for (const mode of ["light", "dark"] as const) {
        await page.locator("#mode-choice").getByRole("radio", { name: mode, exact: true }).check();
        await page.waitForFunction((dark) => document.documentElement.classList.contains("dark") === dark, mode === "dark");
        // Chromium substitutes var() references in a custom property's computed value.
        const expected = theme.variables(mode, { resolved: true })["--button-primary-background-fill"]!;
        await expect(variable(page, "--button-primary-background-fill").then(squash)).resolves.toBe(squash(expected));
        const bg = await bodyBackground(page);
        seen.set(`${name}/${mode}`, bg);
        await page.screenshot({ path: join(OUTPUT, `${name.toLowerCase()}-${mode}.png`), fullPage: true, animations: "disabled" });
      }
      expect(seen.get(`${name}/dark`)).not.toBe(seen.get(`${name}/light`));
    }
  });

  it("Blocks options: theme object, css, head, js, fill_width, elem_id and elem_classes", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 1800, height: 800 });
    await page.emulateMedia({ colorScheme: "light" });
    await suite.open("custom");
    // The theme object's override: the page background is emerald-50.
    await expect(bodyBackground(page)).resolves.toBe("rgb(236, 253, 245)");
    await expect(page.locator('meta[name="vt-test"]').getAttribute("content")).resolves.toBe("from head");
    await page.waitForFunction(() => document.body.dataset.appJs === "ran");
    const shout = page.locator("#shout");
    await expect(shout.evaluate((el) => getComputedStyle(el).borderTopColor)).resolves.toBe("rgb(1, 2, 3)");
    await expect(shout.getAttribute("class")).resolves.toMatch(/\bloud\b.*\bextra\b/);
    await expect(page.locator("#the-row").getAttribute("class")).resolves.toMatch(/\bvt-row\b.*\brow-class\b/);
    await expect(page.locator(".vitrine-container.gradio-container").count()).resolves.toBe(1);
    // fill_width: the app spans the window instead of a 1280 px column.
    const box = (await page.locator(".vt-app").boundingBox())!;
    expect(box.width).toBeGreaterThan(1700);
    // fill_height: the app fills the window, and the block with a scale takes the spare height.
    expect(box.height).toBeGreaterThanOrEqual(800);
    const tall = (await page.locator("#tall").boundingBox())!;
    expect(tall.height).toBeGreaterThan(400);
    await expect(page.title()).resolves.toBe("Custom page");
    // The theme's stylesheet is served on its own too.
    const css = await (await fetch(`${suite.url}custom/theme.css`)).text();
    expect(css).toContain("--body-background-fill");
  });

  it("the footer's \"Use via API\" lists the endpoints with a client call, and closes with Escape", async () => {
    const { page } = suite;
    await suite.open("hello");
    await expect(page.getByRole("link", { name: "Built with Vitrine" }).isVisible()).resolves.toBe(true);
    await page.getByRole("button", { name: "Use via API" }).click();
    const dialog = page.getByRole("dialog", { name: "Use via API" });
    await dialog.getByRole("heading", { name: "/predict" }).waitFor();
    await expect(dialog.getByRole("figure", { name: "@vitrine/client call of /predict" }).textContent()).resolves.toContain('client.predict("/predict"');
    await expect(dialog.textContent()).resolves.toContain("Textbox");
    // The parameter's default (the Textbox's initial value, "") is shown.
    await expect(dialog.getByRole("table", { name: "Parameters of /predict" }).locator("tbody td").nth(2).textContent()).resolves.toBe('""');
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
  });

  it("shows the layout at once, with a skeleton for each component whose view is still loading", async () => {
    const { page } = suite;
    // Hold the component views back: the layout must already be drawn.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Views are served at components/<type>.js?v=<hash>: match the query too.
    await page.route((url) => /\/components\/[^/]+\.js$/.test(url.pathname), async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${suite.url}hello/`);
    await page.locator("#vt-root .vt-app").waitFor();
    const skeletons = await page.getByTestId("skeleton").count();
    expect(skeletons).toBeGreaterThan(0);
    await expect(page.getByText("name", { exact: true }).first().isVisible()).resolves.toBe(true);
    release();
    await page.getByLabel("name", { exact: true }).waitFor();
    await expect(page.getByTestId("skeleton").count()).resolves.toBe(0);
  });

  it("no gallery demo scrolls sideways at 375 px", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 375, height: 740 });
    const overflowing: string[] = [];
    for (const name of Object.keys(demos)) {
      await openAt(`${name}/`);
      await expect(page.getByTestId("skeleton").count()).resolves.toBeGreaterThanOrEqual(0);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="skeleton"]').length === 0);
      const widths = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        view: document.documentElement.clientWidth,
      }));
      if (widths.doc > widths.view || widths.body > widths.view) overflowing.push(`${name}: ${JSON.stringify(widths)}`);
    }
    expect(overflowing).toEqual([]);
  });
});
