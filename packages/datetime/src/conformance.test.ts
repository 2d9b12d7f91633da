import { describeComponent } from "@vitrine/component-test";
import { DateTime, type DateTimeProps } from "./index.js";

describeComponent({
  create: (props: DateTimeProps) => DateTime(props),
  props: { timezone: "UTC" },
  // Seconds since the epoch (the default type): 2025-01-01 12:00:00 and 2026-03-15 08:45:30, UTC.
  samples: [1735732800, 1773564330],
  editor: (block) => block.locator("input"),
  events: {
    change: ({ sendValue }) => sendValue(),
    submit: async ({ block }) => {
      await block.getByPlaceholder("YYYY-MM-DD HH:MM:SS").fill("2025-06-01 09:30:00");
      await block.getByPlaceholder("YYYY-MM-DD HH:MM:SS").press("Enter");
    },
  },
});
