import * as vt from "vitrine";

/** A tool definition in the JSON-Schema form LLM tool calls use, for the ParamViewer demo. */
export const WEATHER_TOOL = JSON.stringify(
  {
    name: "get_forecast",
    description: "The weather forecast for a place.",
    parameters: {
      type: "object",
      properties: {
        location: { type: "string", description: "City and country, e.g. **Paris, France**." },
        unit: { type: "string", enum: ["celsius", "fahrenheit"], description: "Temperature unit.", default: "celsius" },
        days: { type: "integer", description: "How many days ahead (1 to 7). See [ISO 8601](https://en.wikipedia.org/wiki/ISO_8601).", default: 3 },
        hourly: { type: "boolean", description: "Whether to give hourly values." },
      },
      required: ["location"],
    },
  },
  null,
  2,
);

/** One property of a JSON Schema, the part `documentTool` reads. */
interface SchemaProperty {
  type?: string | string[];
  enum?: unknown[];
  items?: SchemaProperty;
  description?: string;
  default?: unknown;
}

/** A JSON Schema type as a Python-style type: `str`, `int`, `Literal['a', 'b']`, `list[str]`. */
function typeName(p: SchemaProperty): string {
  if (Array.isArray(p.enum)) return `Literal[${p.enum.map((v) => (typeof v === "string" ? `'${v}'` : String(v))).join(", ")}]`;
  const one = (t: string): string =>
    ({ string: "str", integer: "int", number: "float", boolean: "bool", object: "dict", null: "None" })[t] ??
    (t === "array" ? `list[${p.items ? typeName(p.items) : "Any"}]` : t);
  if (Array.isArray(p.type)) return p.type.map(one).join(" | ");
  return p.type ? one(p.type) : "Any";
}

/**
 * Documents a tool from its JSON definition (`{ name, parameters: { properties, required } }`):
 * each property becomes a ParamViewer parameter; optional ones without a default show `None`.
 */
export function documentTool(json: string): vt.ParamViewerInput {
  let tool: { parameters?: { properties?: Record<string, SchemaProperty>; required?: string[] } };
  try {
    tool = JSON.parse(json) as typeof tool;
  } catch (err) {
    throw new vt.Error(`The tool definition is not JSON: ${(err as Error).message}`);
  }
  const properties = tool.parameters?.properties;
  if (!properties || typeof properties !== "object") throw new vt.Error("The tool definition has no parameters.properties");
  const required = new Set(tool.parameters?.required ?? []);
  const docs: vt.ParamViewerInput = {};
  for (const [name, p] of Object.entries(properties)) {
    const def = p.default !== undefined ? JSON.stringify(p.default) : required.has(name) ? null : "None";
    docs[name] = { type: typeName(p), description: p.description ?? "", default: def };
  }
  return docs;
}

/** A one-line summary of documented parameters: how many, and which are required. */
export function summarizeParameters(docs: vt.ParamViewerValue): string {
  const names = Object.keys(docs);
  const required = names.filter((n) => docs[n]!.default === null);
  return `${names.length} parameters: ${names.join(", ")}; required: ${required.join(", ") || "none"}`;
}

/** The ClearButton's own props, as a static ParamViewer shows them. */
const CLEAR_BUTTON_DOCS: vt.ParamViewerInput = {
  components: { type: "Component | Component[] | null", description: "The components to clear; add more later with `.add()`.", default: null },
  value: { type: "str", description: "The button's text.", default: '"Clear"' },
  variant: { type: "Literal['primary', 'secondary', 'stop']", description: "The button's colours.", default: '"secondary"' },
  size: { type: "Literal['sm', 'md', 'lg']", description: "The button's size.", default: '"lg"' },
};

/**
 * ClearButton, DuplicateButton and ParamViewer. A form cleared by a ClearButton (a Textbox, a
 * Number, an Image, a Dropdown, a State; `.add` called twice); a DuplicateButton, which links to
 * the duplication page on a Hugging Face Space; a ParamViewer filled from a tool's JSON
 * definition (and read back as an input), and one showing fixed documentation.
 */
export function buttonsExtra() {
  return vt.Blocks({ title: "ClearButton, DuplicateButton, ParamViewer" }, () => {
    vt.Markdown("# ClearButton\nFill in the form, then **Clear form** empties it in the browser; the tally (a State) resets on the server.");
    const name = vt.Textbox({ label: "Name", value: "Ada" });
    const age = vt.Number({ label: "Age", value: 36 });
    const photo = vt.Image({ label: "Photo", type: "filepath" });
    const colour = vt.Dropdown({ label: "Colour", choices: ["red", "green", "blue"], value: "green" });
    const tally = vt.State({ value: 0 });
    const summary = vt.Textbox({ label: "Summary" });
    const clears = vt.Number({ label: "Clears", value: 0, precision: 0 });
    vt.Row(() => {
      vt.Button("Summarize", { variant: "primary" }).click({
        fn: (n: string, a: number | null, p: string | null, c: string | null, t: number) =>
          [`${n || "(no name)"}, ${a ?? "no age"}, ${p ? "with a photo" : "no photo"}, ${c ?? "no colour"}; summary #${t + 1}`, t + 1] as const,
        inputs: [name, age, photo, colour, tally],
        outputs: [summary, tally],
        api_name: "summarize",
      });
      const clear = vt.ClearButton([name, age], { value: "Clear form", variant: "stop" });
      clear.add([photo, colour]).add([summary, tally]);
      // Its click event also runs the listeners an app attaches.
      clear.click({ fn: (n: number | null) => (n ?? 0) + 1, inputs: [clears], outputs: [clears], api_name: false });
    });

    vt.Markdown("# DuplicateButton\nOn a Hugging Face Space it links to the page that duplicates the Space; elsewhere it only fires `click`.");
    vt.Row(() => {
      const duplicate = vt.DuplicateButton();
      const clicks = vt.Textbox({ label: "Duplicate clicks", value: "0" });
      duplicate.click({ fn: (n: string) => String(Number(n) + 1), inputs: [clicks], outputs: [clicks], api_name: false });
    });

    vt.Markdown("# ParamViewer\nA tool's JSON definition documented as parameters (output), then read back (input).");
    vt.Row(() => {
      const tool = vt.Textbox({ label: "Tool definition (JSON)", lines: 12, value: WEATHER_TOOL });
      const docs = vt.ParamViewer({ header: "get_forecast()", anchor_links: "tool", linkify: ["Literal"] });
      const documented = vt.Textbox({ label: "Documented" });
      vt.Button("Document").click({ fn: documentTool, inputs: [tool], outputs: [docs], api_name: "document_tool" });
      docs.change({ fn: summarizeParameters, inputs: [docs], outputs: [documented], api_name: "summarize_parameters" });
    });
    vt.ParamViewer({ header: "vt.ClearButton(components, props)", value: CLEAR_BUTTON_DOCS });
  });
}
