/** An Interface with a streaming input (webcam or microphone), as Gradio's `live` Interface with `stream_every` and `time_limit`. */
import { describe, expect, it, jest } from "@jest/globals";
import * as vt from "./index.js";

describe("Interface with a streaming input", () => {
  it("live: runs fn on each streamed chunk (a stream listener with stream_every and time_limit); other inputs run it on change", () => {
    const demo = new vt.Interface({
      fn: (frame: vt.ImageArray | string | null, level: number) => (frame === null || typeof frame === "string" ? null : { ...frame, level }),
      inputs: [vt.Image({ sources: "webcam", streaming: true }), vt.Slider({ minimum: 0, maximum: 10 })],
      outputs: "image",
      live: true,
      stream_every: 0.1,
      time_limit: 12,
    });
    const config = demo.config();
    const predict = config.dependencies.find((d) => d.api_name === "predict")!;
    const [camera, slider] = demo.inputComponents;
    expect(predict.targets).toEqual([
      [camera!.id, "stream"],
      [slider!.id, "change"],
    ]);
    expect(predict).toMatchObject({ connection: "stream", stream_every: 0.1, time_limit: 12, trigger_mode: "multiple", show_progress: "hidden" });
    // No Submit button in a live Interface.
    expect(config.components.filter((c) => c.type === "button").map((c) => c.props.value)).toEqual(["Clear", "Flag"]);
  });

  it("live: Gradio's defaults are stream_every 0.5 and time_limit 30; time_limit null streams until stopped", () => {
    const make = (time_limit?: number | null) =>
      new vt.Interface({ fn: (a: vt.AudioArray | null) => String(a?.sample_rate ?? ""), inputs: vt.Audio({ sources: "microphone", streaming: true }), outputs: "text", live: true, ...(time_limit === undefined ? {} : { time_limit }) });
    expect(make().config().dependencies.find((d) => d.api_name === "predict")).toMatchObject({ connection: "stream", stream_every: 0.5, time_limit: 30 });
    expect(make(null).config().dependencies.find((d) => d.api_name === "predict")).toMatchObject({ time_limit: null });
  });

  it("without live: warns, as Gradio, and Submit runs fn on the input's value (nothing streams)", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const demo = new vt.Interface({ fn: (a: vt.ImageArray | string | null) => a, inputs: vt.Image({ sources: "webcam", streaming: true }), outputs: "image" });
      const predict = demo.config().dependencies.find((d) => d.api_name === "predict")!;
      expect(predict.connection).toBe("sse");
      expect(predict.targets.map(([, e]) => e)).toEqual(["click"]);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/streaming inputs stream only in a live Interface/));
    } finally {
      warn.mockRestore();
    }
  });

  it("without a streaming input, live keeps running on change (always_last), whatever stream_every says", () => {
    const demo = new vt.Interface({ fn: (s: string) => s, inputs: "text", outputs: "text", live: true, stream_every: 2 });
    const predict = demo.config().dependencies.find((d) => d.api_name === "predict")!;
    expect(predict).toMatchObject({ connection: "sse", trigger_mode: "always_last" });
  });

  it("refuses a bad stream_every or time_limit", () => {
    const fn = (s: string) => s;
    expect(() => new vt.Interface({ fn, inputs: "text", outputs: "text", stream_every: 0 })).toThrow(/stream_every must be a positive number of seconds, got 0/);
    expect(() => new vt.Interface({ fn, inputs: "text", outputs: "text", time_limit: -1 })).toThrow(/time_limit must be a positive number of seconds or null, got -1/);
  });
});
