/**
 * What the three native plots' conformance tests share: samples, the round trip check, and the
 * browser triggers of `select` (a drag across the plot) and `double_click`.
 */
import { expect } from "@jest/globals";
import type { TriggerContext } from "@vitrine/component-test";
import { nativePlotRecords, type NativePlotData } from "./index.js";

type Locator = TriggerContext["block"];

/** Two tables a plot shows: sales per day (numbers), by region. */
export const samples = [
  [
    { day: 1, sales: 10, region: "north" },
    { day: 2, sales: 14, region: "north" },
    { day: 3, sales: 9, region: "north" },
    { day: 1, sales: 6, region: "south" },
    { day: 2, sales: 8, region: "south" },
    { day: 3, sales: 12, region: "south" },
  ],
  [
    { day: 1, sales: 3, region: "north" },
    { day: 4, sales: 7, region: "south" },
  ],
];

/** The props every conformance instance takes. */
export const props = { x: "day", y: "sales", color: "region" };

/** A sample comes back as Gradio's PlotData, whose records are the sample's. */
export function roundTrip(back: unknown, sample: unknown): void {
  expect(nativePlotRecords(back as NativePlotData)).toEqual(sample);
}

/** The plot's drawing area (plotly's drag layer), once drawn. */
async function plotArea(block: Locator) {
  const area = block.locator(".nsewdrag").first();
  await area.waitFor({ state: "visible", timeout: 15_000 });
  await area.scrollIntoViewIfNeeded();
  const box = await area.boundingBox();
  if (!box) throw new Error("the plot has no drawing area");
  return box;
}

/** Drags across the middle of the plot, from 20% to 80% of its width (and height). */
export async function dragSelection(block: Locator): Promise<void> {
  const box = await plotArea(block);
  const mouse = block.page().mouse;
  await mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.2);
  await mouse.down();
  await mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8, { steps: 5 });
  await mouse.up();
}

/** Double-clicks the plot's drawing area. */
export async function doubleClick(block: Locator): Promise<void> {
  const box = await plotArea(block);
  await block.page().mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
}
