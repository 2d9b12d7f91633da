import type { Locator } from "playwright-core";

/**
 * Clicks a control if it shows, and returns whether it did. A control can go between the look and
 * the click (a Clear button once the value it clears is gone): the click then gives up after
 * `timeoutMs` instead of waiting out the test's timeout, as a plain `click()` would.
 */
export async function clickIfShown(control: Locator, timeoutMs = 1000): Promise<boolean> {
  if (!(await control.isVisible())) return false;
  return control.click({ timeout: timeoutMs }).then(
    () => true,
    () => false,
  );
}
