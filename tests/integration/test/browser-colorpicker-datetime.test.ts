/**
 * ColorPicker and DateTime in headless chromium (issue 9): a colour and a date set in the page
 * reach the function in the forms their components promise (`#rrggbb`, a `Date` read in
 * Paris, seconds for a date-only field), the outputs show the results; and over the wire,
 * `@gradio/client` sending a bad date gets the DateTime's clear error.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { pickers } from "@vitrine/demo-gallery";
import * as vt from "vitrine";
import { useBrowserSuite, waitForValue } from "./browser.js";

/** Every event of both components writes its own box with what its function received. */
function pickerEvents() {
  return vt.Blocks({ title: "Picker events" }, () => {
    const colour = vt.ColorPicker({ label: "colour", value: "#000000" });
    const when = vt.DateTime({ label: "when", type: "string", timezone: "UTC" });
    for (const name of ["change", "input", "submit", "focus", "blur"] as const) {
      const seen = vt.Textbox({ label: `colour ${name}`, interactive: false });
      colour[name]({ fn: (c: string) => `${name} ${c}`, inputs: [colour], outputs: [seen] });
    }
    for (const name of ["change", "submit"] as const) {
      const seen = vt.Textbox({ label: `when ${name}`, interactive: false });
      when[name]({ fn: (d: string | null) => `${name} ${d}`, inputs: [when], outputs: [seen] });
    }
  });
}

describe("ColorPicker and DateTime in a browser", () => {
  const suite = useBrowserSuite({
    pickers: { create: pickers, description: "ColorPicker and DateTime" },
    "picker-events": { create: pickerEvents, description: "Every event of ColorPicker and DateTime" },
  });

  it("every declared event fires from the page: ColorPicker change, input, submit, focus, blur; DateTime change, submit", async () => {
    const page = await suite.open("picker-events");
    const hex = page.getByLabel("colour hex", { exact: true });
    await hex.focus();
    expect(await waitForValue(page, "colour focus", "focus #000000")).toBe("focus #000000");
    await hex.fill("#AbC");
    expect(await waitForValue(page, "colour input", "input #aabbcc")).toBe("input #aabbcc");
    expect(await waitForValue(page, "colour change", "change #aabbcc")).toBe("change #aabbcc");
    await hex.press("Enter");
    expect(await waitForValue(page, "colour submit", "submit #aabbcc")).toBe("submit #aabbcc");
    await hex.blur();
    expect(await waitForValue(page, "colour blur", "blur #aabbcc")).toBe("blur #aabbcc");

    const when = page.getByLabel("when", { exact: true });
    await when.fill("2024-01-02T03:04");
    await when.press("Enter");
    expect(await waitForValue(page, "when change", "change 2024-01-02 03:04:00")).toBe("change 2024-01-02 03:04:00");
    expect(await waitForValue(page, "when submit", "submit 2024-01-02 03:04:00")).toBe("submit 2024-01-02 03:04:00");
  });

  it("a colour picked and a date chosen in the page reach the function as #rrggbb, a Date and seconds", async () => {
    const page = await suite.open("pickers");
    // The swatch is a native colour input; the hex field follows it.
    await page.getByLabel("colour", { exact: true }).fill("#3366cc");
    expect(await waitForValue(page, "colour hex", "#3366cc")).toBe("#3366cc");
    // The meeting's calendar picker (datetime-local) sets its text field, read in Europe/Paris.
    await page.getByLabel("meeting picker", { exact: true }).fill("2024-07-10T09:30:15");
    expect(await waitForValue(page, "meeting", "2024-07-10 09:30:15")).toBe("2024-07-10 09:30:15");
    // The deadline (no time) typed as text and set with Enter.
    const deadline = page.getByLabel("deadline", { exact: true });
    await deadline.fill("2024-03-15");
    await deadline.press("Enter");
    await page.getByRole("button", { name: "Submit" }).click();

    const received = await waitForValue(page, "received",
      "colour #3366cc (string); meeting 2024-07-10T07:30:15.000Z (Date); deadline 1710460800 (number)");
    expect(received).toBe("colour #3366cc (string); meeting 2024-07-10T07:30:15.000Z (Date); deadline 1710460800 (number)");
    expect(await waitForValue(page, "inverse hex", "#cc9933")).toBe("#cc9933");
    expect(await page.getByLabel("inverse", { exact: true }).inputValue()).toBe("#cc9933");
    expect(await waitForValue(page, "a day later (UTC)", "2024-07-11 07:30:15")).toBe("2024-07-11 07:30:15");
    expect(await waitForValue(page, "a week after the deadline", "2024-03-22")).toBe("2024-03-22");
  });

  it("a text the DateTime cannot read is marked invalid in the page, with what it expects", async () => {
    const page = await suite.open("pickers");
    const meeting = page.getByLabel("meeting", { exact: true });
    await meeting.fill("next tuesday");
    await expect(meeting.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(page.getByRole("alert").first().textContent()).resolves.toMatch(/Expected YYYY-MM-DD HH:MM:SS, or a relative time/);
  });

  it("@gradio/client: a relative date works and a bad date gets a clear error", async () => {
    const client = await Client.connect(`${suite.url}pickers/`);
    const ok = await client.predict("/predict", ["rgb(0, 0, 255)", "now - 1d", "2024-03-15"]);
    const [inverse, later, week, received] = ok.data as [string, string, string, string];
    expect(inverse).toBe("#ffff00");
    expect(week).toBe("2024-03-22");
    // "now - 1d" plus a day is about now, in UTC.
    const laterMs = Date.parse(later.replace(" ", "T") + "Z");
    expect(Math.abs(laterMs - Date.now())).toBeLessThan(60_000);
    expect(received).toMatch(/^colour #0000ff \(string\); meeting \S+ \(Date\); deadline 1710460800 \(number\)$/);

    await expect(client.predict("/predict", ["#000000", "2024-02-30 10:00:00", "2024-03-15"])).rejects.toMatchObject({
      message: expect.stringContaining('DateTime "meeting": "2024-02-30 10:00:00" is not a real date or time'),
    });
    await expect(client.predict("/predict", ["#000000", "now", "someday"])).rejects.toMatchObject({
      message: expect.stringContaining('DateTime "deadline": "someday" is not a date; expected YYYY-MM-DD'),
    });
    const api = await client.view_api();
    const params = (api as { named_endpoints: Record<string, { parameters: { label: string; component: string; python_type: { type: string } }[] }> })
      .named_endpoints["/predict"]!.parameters;
    // view_api names each parameter's component as Gradio does (its type, capitalized), and its type as str.
    expect(params.map((p) => [p.label, p.component, p.python_type.type])).toEqual([
      ["colour", "Colorpicker", "str"],
      ["meeting", "Datetime", "str"],
      ["deadline", "Datetime", "str"],
    ]);
  });
});
