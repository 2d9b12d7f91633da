/** Tabs, Accordion, Sidebar and vt.render regions in headless chromium, as a user drives them. */
import { describe, expect, it } from "@jest/globals";
import { demos } from "@vitrine/demo-gallery";
import { fieldValue, pollUntil, useBrowserSuite, waitForValue } from "./browser.js";

describe("layouts in a browser", () => {
  const suite = useBrowserSuite({
    layouts: demos.layouts!,
    tabs: demos.tabs!,
    accordion: demos.accordion!,
    sidebar: demos.sidebar!,
    render: demos.render!,
  });

  it("tabs: opens on the selected tab, switching fires select and change, a disabled tab stays shut", async () => {
    const { page } = suite;
    await suite.open("tabs");
    const text = page.getByRole("tab", { name: "Text" });
    const numbers = page.getByRole("tab", { name: "Numbers" });
    await expect(text.getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByLabel("text to reverse").waitFor({ state: "visible" });
    await expect(page.getByLabel("a + b").isVisible()).resolves.toBe(false);

    await numbers.click();
    await expect(waitForValue(page, "selected tab", "Numbers")).resolves.toBe("Numbers");
    await expect(waitForValue(page, "switches", "1")).resolves.toBe("1");
    await expect(numbers.getAttribute("aria-selected")).resolves.toBe("true");
    await page.getByLabel("a + b").waitFor({ state: "visible" });
    await expect(page.getByLabel("text to reverse").isVisible()).resolves.toBe(false);

    // The tab's content works once shown.
    await page.getByRole("button", { name: "Add" }).click();
    await expect(waitForValue(page, "a + b", "5")).resolves.toBe("5");

    // A Tab's own select listener runs too.
    await text.click();
    await expect(waitForValue(page, "switches", "2")).resolves.toBe("2");
    const picked = await pollUntil(() => fieldValue(page, "selected tab"), (v) => v.startsWith("Text"));
    expect(picked.startsWith("Text")).toBe(true);

    await expect(page.getByRole("tab", { name: "Locked" }).isDisabled()).resolves.toBe(true);

    // Arrow keys move between the enabled tabs (the disabled one is skipped).
    await numbers.focus();
    await page.keyboard.press("ArrowLeft");
    await expect(text.getAttribute("aria-selected")).resolves.toBe("true");
    await page.keyboard.press("ArrowLeft");
    await expect(numbers.getAttribute("aria-selected")).resolves.toBe("true");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Numbers");

    // The server switches tabs with an update of the Tabs' `selected`.
    await text.click();
    await page.getByLabel("text to reverse").waitFor({ state: "visible" });
    await page.getByRole("button", { name: "Go to Numbers" }).click();
    await page.getByLabel("a + b").waitFor({ state: "visible" });
    await expect(numbers.getAttribute("aria-selected")).resolves.toBe("true");
  });

  it("accordion: starts closed, opens and closes, firing expand and collapse", async () => {
    const { page } = suite;
    await suite.open("accordion");
    const header = page.getByRole("button", { name: "Settings" });
    await expect(header.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.getByLabel("shout").isVisible()).resolves.toBe(false);
    await header.click();
    await expect(header.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.getByLabel("shout").waitFor({ state: "visible" });
    await expect(waitForValue(page, "accordion events", "expand ")).resolves.toBe("expand ");
    await page.getByLabel("shout").check();
    await page.getByRole("button", { name: "Repeat" }).click();
    await expect(waitForValue(page, "result", "ECHO ECHO")).resolves.toBe("ECHO ECHO");
    await header.click();
    await expect(page.getByLabel("shout").isVisible()).resolves.toBe(false);
    await expect(waitForValue(page, "accordion events", "expand collapse ")).resolves.toBe("expand collapse ");

    // A layout is an output: an update hides the About accordion, and shows it again.
    const about = page.getByRole("button", { name: "About" });
    await about.waitFor({ state: "visible" });
    await page.getByLabel("show About").uncheck();
    await about.waitFor({ state: "hidden" });
    await page.getByLabel("show About").check();
    await about.waitFor({ state: "visible" });
  });

  it("sidebar: open beside the page on a wide screen; closes and opens again", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 1280, height: 800 });
    await suite.open("sidebar");
    const slider = page.getByRole("slider", { name: "at least" });
    await slider.waitFor({ state: "visible" });
    await page.waitForTimeout(300); // the slide-in transition
    // The page makes room for it: the app starts right of the sidebar.
    const sidebarBox = (await page.locator(".vt-sidebar").boundingBox())!;
    const appBox = (await page.locator(".vt-app").boundingBox())!;
    expect(appBox.x).toBeGreaterThanOrEqual(sidebarBox.x + sidebarBox.width - 1);

    await page.getByRole("button", { name: "Close sidebar" }).click();
    await expect(waitForValue(page, "sidebar events", "collapse ")).resolves.toBe("collapse ");
    await slider.waitFor({ state: "hidden" });
    await page.getByRole("button", { name: "Open sidebar" }).click();
    await expect(waitForValue(page, "sidebar events", "collapse expand ")).resolves.toBe("collapse expand ");
    await slider.waitFor({ state: "visible" });

    // Its inputs drive the page.
    await page.getByLabel("odd numbers only").check();
    const numbers = await pollUntil(() => fieldValue(page, "numbers"), (v) => v.startsWith("21, 23"));
    expect(numbers.startsWith("21, 23")).toBe(true);
  });

  it("sidebar: on a phone it starts closed and opens over the page", async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 375, height: 740 });
    await suite.open("sidebar");
    const slider = page.getByRole("slider", { name: "at least" });
    await expect(slider.isVisible()).resolves.toBe(false);
    await page.getByRole("button", { name: "Open sidebar" }).click();
    await slider.waitFor({ state: "visible" });
    await page.waitForTimeout(300); // the slide-in transition
    const box = (await page.locator(".vt-sidebar").boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
  });

  it("render: rebuilds its buttons from the words, and each rebuilt button's listener works", async () => {
    const { page } = suite;
    await suite.open("render");
    const vitrine = page.getByRole("button", { name: "vitrine", exact: true });
    await vitrine.waitFor();
    await vitrine.click();
    await expect(waitForValue(page, "clicked", "VITRINE!")).resolves.toBe("VITRINE!");

    await page.getByLabel("words").fill("alpha beta");
    const beta = page.getByRole("button", { name: "beta", exact: true });
    await beta.waitFor();
    await expect(page.getByRole("button", { name: "vitrine", exact: true }).count()).resolves.toBe(0);
    await beta.click();
    await expect(waitForValue(page, "clicked", "BETA!")).resolves.toBe("BETA!");

    await page.getByLabel("words").fill("");
    await page.getByText("No words yet.").waitFor();
  });

  it("render: keyed blocks keep their values across rebuilds, and inputs of the region reach its listeners", async () => {
    const { page } = suite;
    await suite.open("render");
    const box1 = page.getByLabel("box 1", { exact: true });
    await box1.waitFor();
    await box1.fill("one");
    await page.getByLabel("box 2", { exact: true }).fill("two");
    await page.getByRole("spinbutton", { name: "boxes value" }).fill("3");
    await page.getByRole("spinbutton", { name: "boxes value" }).press("Enter");
    const box3 = page.getByLabel("box 3", { exact: true });
    await box3.waitFor();
    await expect(box1.inputValue()).resolves.toBe("one");
    await box3.fill("three");
    await page.getByRole("button", { name: "Join boxes" }).click();
    await expect(waitForValue(page, "joined", "one + two + three")).resolves.toBe("one + two + three");
  });
});
