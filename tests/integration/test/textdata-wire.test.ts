/**
 * HighlightedText, ColorPicker and DateTime on the wire, through Gradio's official
 * `@gradio/client` against the gallery's demos: the `textdata` demo's tagger turns a sentence into
 * highlighted tokens and its counter reads tokens back in; the `pickers` demo inverts a colour and
 * moves two dates. `view_api()` must type each parameter as Gradio's clients print it.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Client } from "@gradio/client";
import { pickers, textdata } from "@vitrine/demo-gallery";
import { serveAtRoot, type Served } from "./harness.js";

interface Param {
  label: string;
  component: string;
  python_type: { type: string };
}
type Api = { named_endpoints: Record<string, { parameters: Param[]; returns: Param[] }> };

describe("HighlightedText over the wire (@gradio/client, the textdata demo)", () => {
  let served: Served;
  let client: Awaited<ReturnType<typeof Client.connect>>;
  beforeAll(async () => {
    served = await serveAtRoot(textdata());
    client = await Client.connect(served.url);
  });
  afterAll(() => served?.close());

  it("tags a sentence into tokens with their labels, in order, covering the whole text", async () => {
    const sentence = "Grace wrote 3 programs with Ada";
    const { data } = await client.predict("/tag", [sentence]);
    const tokens = (data as [{ token: string; class_or_confidence: string | number | null }[]])[0];
    expect(tokens.map((t) => t.token).join("")).toBe(sentence);
    expect(tokens.filter((t) => t.class_or_confidence !== null)).toEqual([
      { token: "Grace", class_or_confidence: "NAME" },
      { token: "3", class_or_confidence: "NUMBER" },
      { token: "Ada", class_or_confidence: "NAME" },
    ]);
  });

  it("reads highlighted tokens sent as input (labels and confidences) and counts them", async () => {
    const tokens = [
      { token: "The cat", class_or_confidence: "ANIMAL" },
      { token: " and ", class_or_confidence: null },
      { token: "the dog", class_or_confidence: "ANIMAL" },
      { token: " maybe", class_or_confidence: 0.25 },
    ];
    const { data } = await client.predict("/count_labels", [tokens]);
    expect(data).toEqual([{ ANIMAL: 2, none: 1, "0.25": 1 }]);
  });

  it("view_api() types HighlightedText as Gradio does", async () => {
    const api = (await client.view_api()) as Api;
    const tag = api.named_endpoints["/tag"]!;
    expect(tag.returns[0]!.component).toBe("Highlightedtext");
    expect(tag.returns[0]!.python_type.type).toMatch(/^List\[Dict\(token: str, class_or_confidence/);
    expect(api.named_endpoints["/count_labels"]!.parameters[0]!.python_type.type).toMatch(/^List\[Dict\(token: str/);
  });
});

describe("ColorPicker and DateTime over the wire (@gradio/client, the pickers demo)", () => {
  let served: Served;
  let client: Awaited<ReturnType<typeof Client.connect>>;
  beforeAll(async () => {
    served = await serveAtRoot(pickers());
    client = await Client.connect(served.url);
  });
  afterAll(() => served?.close());

  it("inverts the colour and moves the dates as the demo does", async () => {
    const { data } = await client.predict("/predict", ["#102030", "2024-03-15 09:30:00", "2024-04-01"]);
    const [inverse, dayLater, weekLater, received] = data as [string, string, string, string];
    expect(inverse).toBe("#efdfcf");
    // 09:30 in Paris (UTC+1 in March) is 08:30 UTC; a day later.
    expect(dayLater).toBe("2024-03-16 08:30:00");
    expect(weekLater).toBe("2024-04-08");
    expect(received).toContain("colour #102030 (string)");
  });

  it("view_api() types the colour as str and the dates as Gradio's DateTime does", async () => {
    const api = (await client.view_api()) as Api;
    const params = api.named_endpoints["/predict"]!.parameters;
    expect(params.map((p) => p.component)).toEqual(["Colorpicker", "Datetime", "Datetime"]);
    expect(params[0]!.python_type.type).toBe("str");
    expect(params[1]!.python_type.type).toMatch(/str|float/);
  });
});
