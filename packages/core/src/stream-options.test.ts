/** Issue 8: `stream` listeners in the config — `connection: "stream"`, `stream_every` and `time_limit`, as Gradio writes them. */
import { describe, expect, it } from "@jest/globals";
import { Blocks, eventListener, on } from "./index.js";
import { Field } from "../test/fixtures.js";

describe("stream listeners", () => {
  it("have connection stream, their stream_every and time_limit; other listeners keep Gradio's defaults", () => {
    const app = Blocks(() => {
      const a = Field({ label: "a" });
      const b = Field({ label: "b" });
      on([eventListener(a, "stream")], { fn: (s: string) => s, inputs: a, outputs: b, stream_every: 0.1, time_limit: 5 });
      on([eventListener(a, "stream")], { fn: (s: string) => s, inputs: a, outputs: b, show_progress: "hidden" });
      a.submit({ fn: (s: string) => s, inputs: a, outputs: b });
    });
    const deps = app.config().dependencies;
    expect(deps[0]).toMatchObject({ connection: "stream", stream_every: 0.1, time_limit: 5, show_progress: "minimal" });
    expect(deps[1]).toMatchObject({ connection: "stream", stream_every: 0.5, time_limit: null, show_progress: "hidden" });
    expect(deps[2]).toMatchObject({ connection: "sse", stream_every: 0.5, time_limit: null, show_progress: "full" });
  });

  it("refuse a stream_every or time_limit that is not a positive number of seconds", () => {
    const attach = (options: Record<string, unknown>) =>
      Blocks(() => {
        const a = Field();
        on([eventListener(a, "stream")], { fn: () => "x", outputs: a, ...options });
      });
    expect(() => attach({ stream_every: 0 })).toThrow(/stream_every must be a positive number of seconds/);
    expect(() => attach({ stream_every: "1" })).toThrow(/stream_every must be a positive number of seconds/);
    expect(() => attach({ time_limit: -1 })).toThrow(/time_limit must be a positive number of seconds or null/);
    expect(() => attach({ time_limit: Infinity })).toThrow(/time_limit/);
    expect(() => attach({ time_limit: null, stream_every: 2 })).not.toThrow();
  });
});
