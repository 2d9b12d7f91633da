import { afterAll, afterEach, beforeAll, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { launch, type RunningServer } from "@vitrine/server";
import { axeViolations, describeViolations } from "./axe.js";
import { launchChromium } from "./chromium.js";
import { conformanceApp, declaredEvents, MARKS } from "./conformance-app.js";
import type { ComponentSpec, TriggerContext } from "./spec.js";

/** How long one browser check may take. */
const CHECK_TIMEOUT_MS = 30_000;
/** How long an event may take to reach the server after its trigger. */
const EVENT_WAIT_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` until it holds, or fails with `message` after `ms`. */
async function waitFor(done: () => boolean | Promise<boolean>, ms: number, message: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(message());
    await sleep(25);
  }
}

/** Whether `text` is shown inside `block`: an element with exactly that text, drawn larger than a screen-reader-only clip. */
async function shows(block: Locator, text: string): Promise<boolean> {
  return block.evaluate((root, text) => {
    const matches = [...root.querySelectorAll("*")].filter(
      (el) => el.textContent?.trim() === text && ![...el.children].some((c) => c.textContent?.trim() === text),
    );
    return matches.some((el) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 2 && box.height > 2 && style.visibility !== "hidden" && style.opacity !== "0";
    });
  }, text);
}

/** Whether a control accepts input: enabled, and editable when it is a kind of field. */
async function accepts(control: Locator): Promise<boolean> {
  if (await control.isDisabled()) return false;
  try {
    return await control.isEditable();
  } catch {
    return true; // a button, a canvas: enabled is all it can be
  }
}

/**
 * Registers the checks that run in chromium against one server: props in the DOM, visibility,
 * interactivity, the example preview, accessibility in light and dark, and every event fired
 * from the view.
 */
export function registerBrowserChecks<P extends object>(spec: ComponentSpec<P>): void {
  const { app, main, fired } = conformanceApp(spec);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  let page: Page;

  /** Opens the conformance app in a fresh context, in `theme`, and waits until every view is drawn. */
  async function open(theme: "light" | "dark"): Promise<Page> {
    const context = await browser!.newContext();
    contexts.push(context);
    const p = await context.newPage();
    p.on("pageerror", (err) => pageErrors.push(`${theme}: ${err.message}`));
    p.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(`${theme} console: ${msg.text()}`);
    });
    // Views and the code they load when they mount (CodeMirror, KaTeX) come from /components/:
    // the page is ready once none of those is in flight (a Timer's polling never stops, so
    // waiting for the whole network to go quiet would not do).
    const viewRequests = new Set<unknown>();
    p.on("request", (r) => void (new URL(r.url()).pathname.includes("/components/") && viewRequests.add(r)));
    p.on("requestfinished", (r) => void viewRequests.delete(r));
    p.on("requestfailed", (r) => void viewRequests.delete(r));
    await p.goto(`${server!.url}?__theme=${theme}`);
    await p.locator(`#${MARKS.probe}`).waitFor({ state: "visible", timeout: 15_000 });
    await waitFor(async () => (await p.getByTestId("skeleton").count()) === 0, 15_000, () => "the views did not finish loading");
    let quietSince = Date.now();
    await waitFor(
      () => {
        if (viewRequests.size > 0) quietSince = Date.now();
        return Date.now() - quietSince >= 300;
      },
      15_000,
      () => `view code still loading after 15 s (${viewRequests.size} requests in flight)`,
    );
    return p;
  }

  const block = (id: string) => page.locator(`#${id}`);

  beforeAll(async () => {
    server = await launch(app, { server_port: 0, quiet: true });
    browser = await launchChromium(spec.browser);
    page = await open("light");
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
  afterEach(() => {
    const errors = pageErrors.splice(0);
    expect(errors).toEqual([]);
  });

  if (spec.drawn === false) {
    it("draws nothing (a component without a visible view)", async () => {
      const main = block(MARKS.main);
      expect((await main.count()) === 0 || (await main.isHidden())).toBe(true);
    }, CHECK_TIMEOUT_MS);
  } else {
    registerDrawnChecks();
  }

  function registerDrawnChecks(): void {
    const labelled = spec.labelled !== false;
    const noLabelName = spec.labelIsText ? "draws its label as its control's text" : "draws without a label (it has none)";
    it(labelled ? "shows its label and info, and hides the label with show_label: false" : noLabelName, async () => {
      if (labelled) {
        expect(await shows(block(MARKS.main), MARKS.label)).toBe(true);
        expect(await shows(block(MARKS.main), MARKS.info)).toBe(true);
        expect(await block(MARKS.noLabel).isVisible()).toBe(true);
        expect(await shows(block(MARKS.noLabel), MARKS.hiddenLabel)).toBe(false);
      } else {
        expect(await block(MARKS.main).isVisible()).toBe(true);
        expect(await shows(block(MARKS.main), MARKS.label)).toBe(spec.labelIsText === true);
      }
    }, CHECK_TIMEOUT_MS);

    it("puts elem_id and elem_classes on its element", async () => {
      expect(await page.locator(`#${MARKS.main}.${MARKS.elemClass}`).count()).toBe(1);
    }, CHECK_TIMEOUT_MS);

    it('is drawn when visible, left out when visible is false, kept unseen when "hidden"', async () => {
      expect(await block(MARKS.main).isVisible()).toBe(true);
      const invisible = block(MARKS.invisible);
      expect((await invisible.count()) === 0 || ((await invisible.isHidden()) && (await invisible.innerHTML()) === "")).toBe(true);
      const hidden = block(MARKS.hidden);
      expect(await hidden.count()).toBe(1);
      expect(await hidden.isHidden()).toBe(true);
      expect((await hidden.innerHTML()).length).toBeGreaterThan(0);
    }, CHECK_TIMEOUT_MS);

    const editor = spec.editor;
    it(editor ? "can be edited when interactive, and not when interactive is false" : "draws when interactive is false (it shows values only)", async () => {
      expect(await block(MARKS.static).isVisible()).toBe(true);
      if (!editor) return;
      const live = editor(block(MARKS.main));
      expect(await live.count()).toBeGreaterThan(0);
      expect(await accepts(live.first())).toBe(true);
      const frozen = editor(block(MARKS.static));
      for (let i = 0; i < (await frozen.count()); i++) expect(await accepts(frozen.nth(i))).toBe(false);
    }, CHECK_TIMEOUT_MS);

    it("previews every sample with its example view", async () => {
      const previews = block(MARKS.probe).getByTestId("vt-ct-example");
      await waitFor(async () => (await previews.count()) === spec.samples.length, 10_000, () => "the example previews did not render");
      for (let i = 0; i < spec.samples.length; i++) {
        const preview = previews.nth(i);
        await waitFor(
          () => preview.evaluate((el) => el.childElementCount > 0 || (el.textContent ?? "").trim() !== ""),
          10_000,
          () => `sample ${i} has no preview: does the package's browser entry export its example view as \`Example\`?`,
        );
      }
    }, CHECK_TIMEOUT_MS);

    const axeTargets = [MARKS.main, MARKS.static, MARKS.noLabel, MARKS.probe].map((id) => `#${id}`);
    it("has no accessibility violation (axe-core, WCAG 2.1 AA) in the light theme", async () => {
      const violations = await axeViolations(page, axeTargets);
      if (violations.length) throw new Error(`axe-core found violations in the light theme:\n${describeViolations(violations)}`);
    }, CHECK_TIMEOUT_MS);

    it("has no accessibility violation (axe-core, WCAG 2.1 AA) in the dark theme", async () => {
      const dark = await open("dark");
      const violations = await axeViolations(dark, axeTargets);
      if (violations.length) throw new Error(`axe-core found violations in the dark theme:\n${describeViolations(violations)}`);
    }, CHECK_TIMEOUT_MS);
  }

  const context = (): TriggerContext => ({
    page,
    block: block(MARKS.main),
    async sendValue() {
      await block(MARKS.probe).getByRole("button", { name: "Send the next value" }).click();
    },
  });
  for (const event of declaredEvents(main)) {
    const trigger = spec.events[event];
    if (typeof trigger !== "function") continue;
    it(`fires "${event}" from the view`, async () => {
      const count = () => fired.filter((e) => e === event).length;
      const before = count();
      await trigger(context());
      await waitFor(() => count() > before, EVENT_WAIT_MS, () => `"${event}" did not reach the server (fired so far: ${fired.join(", ") || "none"})`);
    }, CHECK_TIMEOUT_MS);
  }
}
