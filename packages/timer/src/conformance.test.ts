import { describeComponent } from "@vitrine/component-test";
import { Timer } from "./index.js";

describeComponent({
  create: Timer,
  drawn: false,
  // A Timer's value is its period in seconds.
  samples: [0.2, 1.5],
  editor: null,
  events: {
    // Its view ticks by itself while the page is open: waiting is the trigger.
    tick: ({ page }) => page.waitForTimeout(500),
  },
});
