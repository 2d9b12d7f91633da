/**
 * Dataframe over the wire with Gradio's official client: the gallery's `dataframe` demo takes
 * DataframeData (`{ headers, data, metadata }`) exactly as Gradio's clients send it and answers
 * with the computed total column; `view_api()` shows Gradio's DataframeData type; a cell that is
 * not a number in a number column is refused with a message naming it; the 100,000-row generator
 * answers with every row; a function that returns a CSV file's path gives the file's table.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { dataframe } from "@vitrine/demo-gallery";
import { servings, type Served } from "./harness.js";

describe.each(servings)("Dataframe through @gradio/client, %s", (_name, serve) => {
  let served: Served;
  let client: Client;
  beforeAll(async () => {
    served = await serve(dataframe());
    client = await Client.connect(served.url);
  });
  afterAll(async () => {
    await served.close();
  });

  it("view_api() shows DataframeData for the parameter and the return", async () => {
    const api = (await client.view_api()) as {
      named_endpoints: Record<string, { parameters: { label: string; component: string; python_type: { type: string }; type: unknown }[]; returns: { label: string; component: string; python_type: { type: string } }[] }>;
    };
    const totals = api.named_endpoints["/totals"]!;
    const type = "Dict(headers: List[Any], data: List[List[Any]], metadata: Dict(str, List[Any] | None) | None)";
    expect(totals.parameters[0]).toMatchObject({ label: "Order", component: "Dataframe", python_type: { type } });
    // The server's /info holds Gradio's DataframeData schema (the JS client shows it as a type name only).
    const info = (await (await fetch(`${served.url}gradio_api/info`)).json()) as {
      named_endpoints: Record<string, { parameters: { type: unknown }[] }>;
    };
    expect(info.named_endpoints["/totals"]!.parameters[0]!.type).toMatchObject({ title: "DataframeData", type: "object", required: ["headers", "data"] });
    expect(totals.returns[0]).toMatchObject({ label: "Totals", component: "Dataframe", python_type: { type } });
    expect(api.named_endpoints["/generate"]!.returns[0]).toMatchObject({ label: "Generated", component: "Dataframe" });
  });

  it("round trips a table through the demo's total column", async () => {
    const result = await client.predict("/totals", [
      { headers: ["item", "price", "quantity", "in stock"], data: [["Tea", 4.5, 2, true], ["Jam", "3.25", "4", false]], metadata: null },
    ]);
    expect(result.data).toEqual([
      {
        headers: ["item", "price", "quantity", "in stock", "total"],
        data: [["Tea", 4.5, 2, true, 9], ["Jam", 3.25, 4, false, 13]],
        metadata: null,
      },
    ]);
    // Gradio's [[]] is a table without rows.
    const empty = await client.predict("/totals", [{ headers: ["item", "price", "quantity", "in stock"], data: [[]], metadata: null }]);
    expect(empty.data).toEqual([{ headers: ["item", "price", "quantity", "in stock", "total"], data: [], metadata: null }]);
  });

  it("refuses text in a number column and a row wider than the table, naming them", async () => {
    await expect(
      client.predict("/totals", [{ headers: ["item", "price", "quantity", "in stock"], data: [["Tea", "cheap", 2, true]], metadata: null }]),
    ).rejects.toMatchObject({ message: 'Dataframe "Order": row 1, column "price" (number) holds "cheap", which is not a number' });
    await expect(
      client.predict("/totals", [{ headers: ["item", "price", "quantity", "in stock"], data: [["Tea", 1, 2, true, "extra"]], metadata: null }]),
    ).rejects.toMatchObject({ message: expect.stringContaining("row 1 has 5 cells but the table has 4 columns") });
  });

  it("a CSV path returned for a Dataframe comes back as the file's table (and as the file for a File)", async () => {
    const rows = [["Tea", 4.5, 2, true, 9], ["Jam, strawberry", 3.25, 4, false, 13]];
    const result = await client.predict("/save_csv", [{ headers: ["item", "price", "quantity", "in stock", "total"], data: rows, metadata: null }]);
    const [file, table] = result.data as [{ orig_name: string; url: string }, { headers: string[]; data: unknown[][] }];
    expect(file.orig_name).toBe("totals.csv");
    expect(await (await fetch(file.url)).text()).toBe('item,price,quantity,in stock,total\nTea,4.5,2,true,9\n"Jam, strawberry",3.25,4,false,13\n');
    expect(table).toEqual({ headers: ["item", "price", "quantity", "in stock", "total"], data: rows, metadata: null });
  });

  it("the generator answers with every row", async () => {
    const result = await client.predict("/generate", [1000]);
    const table = (result.data as { headers: string[]; data: unknown[][] }[])[0]!;
    expect(table.headers).toEqual(["n", "label", "value", "flag"]);
    expect(table.data).toHaveLength(1000);
    expect(table.data[999]!.slice(0, 2)).toEqual([1000, "row 1000"]);
  });
});
