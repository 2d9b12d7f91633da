/**
 * Dropdown and CheckboxGroup in a real browser (issue 9): choosing by keyboard and by mouse, a
 * multiselect stopped at max_choices with chips, the `select` event's index and value, Select All,
 * and `@gradio/client` refused a value outside the choices with a clear message.
 */
import { describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { choices } from "@vitrine/demo-gallery";
import { fieldValue, useBrowserSuite, waitForValue } from "./browser.js";

describe("Dropdown and CheckboxGroup in a browser", () => {
  const suite = useBrowserSuite({ choices: { create: choices, description: "Dropdown and CheckboxGroup" } });

  it("a Dropdown chosen by keyboard: type to filter, ArrowDown, Enter; the function gets the value", async () => {
    const page = await suite.open("choices");
    const animal = page.getByRole("combobox", { name: "Animal" });
    await expect(animal.inputValue()).resolves.toBe("Cat");
    await animal.focus();
    await expect(animal.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.keyboard.type("par");
    await expect(page.getByRole("option").allTextContents()).resolves.toEqual(["Parrot"]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(waitForValue(page, "Sound", "hello")).resolves.toBe("hello");
    await expect(animal.inputValue()).resolves.toBe("Parrot");
    await expect(animal.getAttribute("aria-expanded")).resolves.toBe("false");
    // Escape closes the list without choosing.
    await page.keyboard.press("ArrowDown");
    await expect(animal.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.keyboard.press("Escape");
    await expect(animal.getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(animal.inputValue()).resolves.toBe("Parrot");
  });

  it("a Dropdown chosen by mouse: click the box, click an option; the function gets the value", async () => {
    const page = await suite.open("choices");
    await page.getByRole("combobox", { name: "Animal" }).click();
    await page.getByRole("option", { name: "Dog" }).click();
    await expect(waitForValue(page, "Sound", "woof")).resolves.toBe("woof");
    await expect(page.getByRole("combobox", { name: "Animal" }).inputValue()).resolves.toBe("Dog");
  });

  it("a Dropdown fires focus, key_up (key and typed text) and blur", async () => {
    const page = await suite.open("choices");
    const animal = page.getByRole("combobox", { name: "Animal" });
    await animal.click();
    await expect(waitForValue(page, "Animal focus", "focused")).resolves.toBe("focused");
    await page.keyboard.type("do");
    await expect(waitForValue(page, "Animal keys", "o → do")).resolves.toBe("o → do");
    await page.getByRole("combobox", { name: "City" }).focus();
    await expect(waitForValue(page, "Animal focus", "blurred")).resolves.toBe("blurred");
  });

  it("a multiselect stops at max_choices, shows chips, and select carries index, value and selected", async () => {
    const page = await suite.open("choices");
    const toppings = page.getByRole("combobox", { name: "Toppings" });
    await toppings.click();
    await page.getByRole("option", { name: "cheese" }).click();
    await expect(waitForValue(page, "Last selected", "selected cheese (index 0)")).resolves.toBe("selected cheese (index 0)");
    await page.getByRole("option", { name: "basil" }).click();
    await expect(waitForValue(page, "Order", "pizza with cheese and basil")).resolves.toBe("pizza with cheese and basil");
    await expect(waitForValue(page, "Last selected", "selected basil (index 3)")).resolves.toBe("selected basil (index 3)");
    // Two chosen: the others are disabled, and a click on one changes nothing.
    const olives = page.getByRole("option", { name: "olives" });
    await expect(olives.getAttribute("aria-disabled")).resolves.toBe("true");
    await olives.click({ force: true });
    await expect(page.locator(".vt-dropdown-chip").allInnerTexts()).resolves.toEqual([expect.stringContaining("cheese"), expect.stringContaining("basil")]);
    // Removing a chip deselects it.
    await page.getByRole("button", { name: "Remove cheese" }).click();
    await expect(waitForValue(page, "Order", "pizza with basil")).resolves.toBe("pizza with basil");
    await expect(waitForValue(page, "Last selected", "deselected cheese (index 0)")).resolves.toBe("deselected cheese (index 0)");
    // By keyboard too: type to filter, ArrowDown to the one option left, Enter.
    await toppings.focus();
    await page.keyboard.type("oli");
    await expect(page.getByRole("option").allTextContents()).resolves.toEqual(["olives"]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(waitForValue(page, "Order", "pizza with basil and olives")).resolves.toBe("pizza with basil and olives");
  });

  it("a custom value typed into a Dropdown with allow_custom_value reaches the function", async () => {
    const page = await suite.open("choices");
    const city = page.getByRole("combobox", { name: "City" });
    await city.click();
    await city.fill("Lima");
    await page.keyboard.press("Enter");
    await expect(waitForValue(page, "Greeting", "Hello from Lima!")).resolves.toBe("Hello from Lima!");
  });

  it("CheckboxGroup: Select All gives the function every value; the outputs follow", async () => {
    const page = await suite.open("choices");
    const group = page.getByRole("group", { name: "Countries" });
    await group.getByRole("checkbox", { name: "Japan" }).check();
    await expect(waitForValue(page, "Visited", "jp")).resolves.toBe("jp");
    const all = group.getByRole("checkbox", { name: "Select All" });
    await expect(all.getAttribute("aria-checked")).resolves.toBe("mixed");
    await all.click();
    await expect(waitForValue(page, "Visited", "us,jp,pk")).resolves.toBe("us,jp,pk");
    for (const name of ["USA", "Japan", "Pakistan"]) {
      await expect(group.getByRole("checkbox", { name }).isChecked()).resolves.toBe(true);
    }
    const others = page.getByRole("group", { name: "Not visited" });
    await expect(others.getByRole("checkbox", { name: "USA" }).isChecked()).resolves.toBe(false);
    await expect(page.getByRole("combobox", { name: "First visited" }).inputValue()).resolves.toBe("USA");
    await all.click();
    await expect(waitForValue(page, "Visited", "none")).resolves.toBe("none");
    await expect(others.getByRole("checkbox", { name: "Pakistan" }).isChecked()).resolves.toBe(true);
    await expect(fieldValue(page, "Visited")).resolves.toBe("none");
  });

  it("@gradio/client: a value outside the choices gets a clear error; valid values work", async () => {
    const client = await Client.connect(`${suite.url}choices/`);
    const api = (await client.view_api()) as { named_endpoints: Record<string, { parameters: { python_type: { type: string } }[] }> };
    expect(api.named_endpoints["/sound"]!.parameters[0]!.python_type.type).toBe("Literal['cat', 'dog', 'parrot']");
    expect(api.named_endpoints["/order"]!.parameters[0]!.python_type.type).toBe("list[Literal['cheese', 'olives', 'mushrooms', 'basil']]");
    await expect(client.predict("/sound", ["cow"])).rejects.toMatchObject({
      message: 'Dropdown "Animal": "cow" is not one of the choices ("cat", "dog", "parrot")',
    });
    await expect(client.predict("/sound", ["Dog"])).rejects.toMatchObject({
      message: 'Dropdown "Animal": "Dog" is not one of the choices ("cat", "dog", "parrot")',
    });
    await expect(client.predict("/order", [["cheese", "olives", "basil"]])).rejects.toMatchObject({
      message: 'Dropdown "Toppings": choose at most 2 choices, got 3',
    });
    await expect(client.predict("/visit", [["us", "fr"]])).rejects.toMatchObject({
      message: 'CheckboxGroup "Countries": "fr" is not one of the choices ("us", "jp", "pk")',
    });
    expect((await client.predict("/sound", ["dog"])).data).toEqual(["woof"]);
    expect((await client.predict("/order", [["olives"]])).data).toEqual(["pizza with olives"]);
    expect((await client.predict("/greet", ["Oslo"])).data).toEqual(["Hello from Oslo!"]);
    expect((await client.predict("/visit", [["pk", "us"]])).data).toEqual(["pk,us", ["jp"], "pk"]);
  });
});
