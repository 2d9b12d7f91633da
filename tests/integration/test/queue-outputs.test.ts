/** update() outputs and preprocess/postprocess: false, through the official client (issue 3). */
import { describe, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { collect, useApps } from "./queue-helpers.js";

describe("outputs", () => {
  const { serve, connect } = useApps();

  function app() {
    return vt.Blocks(() => {
      const show = vt.Checkbox({ label: "show" });
      const n = vt.Number({ label: "n" });
      const text = vt.Textbox({ label: "text" });
      const out = vt.Textbox({ label: "out" });
      vt.Button("Toggle").click({
        fn: (visible: boolean): [vt.Update<never>, vt.Update<number>] => [
          vt.update({ visible, label: visible ? "Shown" : "Hidden" }),
          vt.update({ value: 42, interactive: false }),
        ],
        inputs: [show],
        outputs: [text, out],
        api_name: "toggle",
      });
      vt.Button("Stream").click({
        fn: function* () {
          yield vt.update({ value: 1, label: "one" });
          yield "plain";
          yield vt.update({ value: "three", visible: false });
        },
        outputs: [out],
        api_name: "stream",
      });
      vt.Button("Raw in").click({
        fn: (raw: unknown) => `${typeof raw}:${JSON.stringify(raw)}`,
        inputs: [n],
        outputs: [out],
        preprocess: false,
        api_name: "raw_in",
      });
      vt.Button("Raw out").click({
        fn: (s: string) => ({ not: "a string", length: s.length }) as unknown as string,
        inputs: [text],
        outputs: [out],
        postprocess: false,
        api_name: "raw_out",
      });
      vt.Button("Processed").click({
        fn: (x: number) => x * 2,
        inputs: [n],
        outputs: [out],
        api_name: "processed",
      });
    });
  }

  it("sends update() as {__type__: 'update', ...props}, with only its value postprocessed", async () => {
    const client = await connect(await serve(app()));
    const shown = await client.predict("/toggle", [true]);
    expect(shown.data).toEqual([
      { __type__: "update", visible: true, label: "Shown" },
      { __type__: "update", value: "42", interactive: false },
    ]);
    const hidden = await client.predict("/toggle", [false]);
    expect((hidden.data as any[])[0]).toEqual({ __type__: "update", visible: false, label: "Hidden" });
  });

  it("streams updates from a generator (each one replaces the previous value)", async () => {
    const client = await connect(await serve(app()));
    const { data, final } = await collect(client.submit("/stream", []));
    expect(final.stage).toBe("complete");
    expect(data).toEqual([
      [{ __type__: "update", value: "1", label: "one" }],
      ["plain"],
      [{ __type__: "update", value: "three", visible: false }],
      [{ __type__: "update", value: "three", visible: false }],
    ]);
  });

  it("skips preprocessing with preprocess: false and postprocessing with postprocess: false", async () => {
    const client = await connect(await serve(app()));
    expect((await client.predict("/raw_in", ["12"])).data).toEqual(['string:"12"']);
    expect((await client.predict("/raw_out", ["abc"])).data).toEqual([{ not: "a string", length: 3 }]);
    // With processing: Number turns "12" into 12, Textbox turns 24 into "24".
    expect((await client.predict("/processed", ["12"])).data).toEqual(["24"]);
  });
});
