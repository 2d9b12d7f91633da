import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** The WCAG 2.1 A and AA rules: what the suite holds every component to. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let axeSource: string | undefined;
function source(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  return axeSource;
}

/** One accessibility violation, as the suite reports it. */
export interface AxeViolation {
  /** The axe rule broken (`"color-contrast"`, …). */
  id: string;
  /** What the rule asks for, in a sentence. */
  help: string;
  /** The elements at fault: a CSS selector and axe's summary of the fix. */
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core's WCAG 2.1 A/AA rules over the elements matching `selectors` on `page` and
 * returns the violations (empty when there are none), each with the elements that fail it.
 */
export async function axeViolations(page: Page, selectors: readonly string[]): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's
  // Content-Security-Policy (script-src with a nonce) would refuse an injected script tag.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(source());
  return page.evaluate(
    async ({ selectors, tags }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
      const include = selectors.filter((s) => document.querySelector(s)).map((s) => [s]);
      const result = await axe.run({ include }, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(" "), summary: n.failureSummary ?? "" })),
      }));
    },
    { selectors: [...selectors], tags: AXE_TAGS },
  );
}

/** The violations as readable lines, for a failing test's message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  at ${n.target}\n    ${n.summary.replace(/\n/g, "\n    ")}`).join("\n")}`)
    .join("\n");
}
