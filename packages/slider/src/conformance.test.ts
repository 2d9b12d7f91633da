import { describeComponent } from "@vitrine/component-test";
import { Slider, type SliderProps } from "./index.js";

describeComponent({
  create: (props: SliderProps) => Slider(props),
  props: { minimum: 0, maximum: 100, step: 1 },
  samples: [25, 80, 0],
  editor: (block) => block.getByRole("slider"),
  events: {
    change: ({ sendValue }) => sendValue(),
    input: async ({ block }) => {
      await block.getByRole("slider").focus();
      await block.getByRole("slider").press("ArrowRight");
    },
    // Drags the thumb from the middle of the track to three quarters of it, and lets go.
    release: async ({ page, block }) => {
      const box = (await block.getByRole("slider").boundingBox())!;
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width / 2, y);
      await page.mouse.down();
      await page.mouse.move(box.x + (box.width * 3) / 4, y, { steps: 5 });
      await page.mouse.up();
    },
  },
});
