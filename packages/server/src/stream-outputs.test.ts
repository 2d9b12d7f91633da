/**
 * Streaming outputs' final values: when a generator feeding a `streaming: true` output ends, the
 * output's value in `process_completed` is one file of all the chunks it streamed (Gradio's
 * `combine_stream`), for the page and for API clients alike (@gradio/client here).
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { Blocks, Component, isFileData, needFiles, type ApiDescription, type FileData, type ProcessContext } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import { launch, type RunningServer } from "./index.js";

/** A test-only streaming output: each yield (a string) is saved as a text chunk; the chunks join by concatenation. */
class TextChunks extends Component<never, string, FileData | null> {
  static override readonly events = ["change"] as const;
  readonly type = "textchunks";
  readonly ui = { file: "/nonexistent/ui.js" };
  override preprocess(): never {
    throw new Error("an output only");
  }
  override async postprocess(value: string, ctx?: ProcessContext): Promise<FileData | null> {
    return needFiles("TextChunks", ctx).save(new TextEncoder().encode(value), { name: `chunk-${Math.random().toString(36).slice(2)}.txt`, mime_type: "text/plain" });
  }
  async combineStream(chunks: readonly FileData[], ctx?: ProcessContext): Promise<FileData | null> {
    const files = needFiles("TextChunks", ctx);
    let text = "";
    for (const c of chunks) text += new TextDecoder().decode(await files.read(await files.resolve(c)));
    return files.save(new TextEncoder().encode(text), { name: "text-stream.txt", mime_type: "text/plain" });
  }
  api(): ApiDescription {
    return { type: { type: "object" }, python_type: { type: "filepath", description: "" } };
  }
}

let server: RunningServer;

beforeAll(async () => {
  const app = Blocks(() => {
    const streamed = new TextChunks({ streaming: true } as never);
    const plain = new TextChunks({});
    const note = Textbox();
    const go = Textbox();
    go.submit({
      fn: async function* () {
        for (const part of ["one ", "two ", "three"]) yield [part, part.length];
      },
      inputs: [],
      outputs: [streamed, note],
      api_name: "parts",
    } as never);
    go.change({
      fn: async function* () {
        for (const part of ["a", "b"]) yield part;
      },
      inputs: [],
      outputs: [plain],
      api_name: "plain",
    } as never);
  });
  server = await launch(app, { server_port: 0, quiet: true });
});

afterAll(async () => {
  await server.close();
});

/** Runs an endpoint to its end with @gradio/client; returns every data message and the final one. */
async function run(endpoint: string) {
  const client = await Client.connect(server.url, { events: ["data", "status"] });
  const data: unknown[][] = [];
  for await (const msg of client.submit(endpoint, [])) {
    // @gradio/client applies diffs in place: keep a copy of each message as it came.
    if (msg.type === "data") data.push(structuredClone(msg.data as unknown[]));
    if (msg.type === "status" && (msg.stage === "complete" || msg.stage === "error")) break;
  }
  return data;
}

async function text(file: unknown): Promise<string> {
  if (!isFileData(file)) throw new Error(`not a file: ${JSON.stringify(file)}`);
  return (await fetch(file.url!)).text();
}

describe("a streaming output's final value", () => {
  it("is one file of all its chunks, in order, once the generator ends", async () => {
    const data = await run("/parts");
    // Three chunks, then the final value.
    expect(data).toHaveLength(4);
    expect(await Promise.all(data.slice(0, 3).map((d) => text(d[0])))).toEqual(["one ", "two ", "three"]);
    const [final, count] = data[3]!;
    expect((final as FileData).orig_name).toBe("text-stream.txt");
    expect(await text(final)).toBe("one two three");
    // Other outputs keep their last value.
    expect(count).toBe("5");
  });

  it("is the last yield for an output that does not stream", async () => {
    const data = await run("/plain");
    expect(await text(data.at(-1)![0])).toBe("b");
  });
});
