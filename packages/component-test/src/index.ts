/**
 * `@vitrine/component-test`: the conformance suite every Vitrine component runs, built-in or
 * custom. Call {@link describeComponent} from a jest test file of the component's package.
 */
import { describe } from "@jest/globals";
import { registerBrowserChecks } from "./browser-checks.js";
import { registerNodeChecks } from "./node-checks.js";
import type { ComponentSpec } from "./spec.js";

export type { AnyComponent, ComponentSpec, EventTrigger, TriggerContext } from "./spec.js";
export { TempFileStore } from "./file-store.js";
export { launchChromium, CHROMIUM, FAKE_MEDIA_ARGS, type ChromiumOptions } from "./chromium.js";
export { axeViolations, describeViolations, AXE_TAGS, type AxeViolation } from "./axe.js";
export { snapshotOf } from "./node-checks.js";
export { clickIfShown } from "./click.js";

/**
 * Registers the conformance suite of one component (a jest `describe` block). Without a browser:
 * a trigger for every declared event, each sample's round trip through postprocess, JSON and
 * preprocess, and a snapshot of its config and API schema. In chromium, against a real server:
 * label, info and `show_label`; `elem_id`/`elem_classes`; `visible` true, false and "hidden";
 * `interactive`; the example view of each sample; axe-core's WCAG 2.1 AA rules in the light and
 * dark themes; and every event fired from the view reaching the server.
 *
 * @example
 * describeComponent({
 *   create: Textbox,
 *   samples: ["Hello", "world"],
 *   editor: (block) => block.getByRole("textbox"),
 *   events: { change: ({ sendValue }) => sendValue(), input: ({ block }) => block.getByRole("textbox").fill("typed") },
 * });
 */
export function describeComponent<P extends object>(spec: ComponentSpec<P>): void {
  const name = spec.name ?? spec.create({ ...(spec.props ?? {}) } as P).type;
  describe(`${name} conformance`, () => {
    registerNodeChecks(spec);
    registerBrowserChecks({ ...spec, name });
  });
}
