/** Which endpoints become MCP tools, and their names, descriptions and input schemas. */
import { describe, expect, it } from "@jest/globals";
import { Blocks, FILE_DATA_SCHEMA, type ApiParameter } from "@vitrine/core";
import { Textbox } from "../test/fixtures/textbox.js";
import {
  FILE_INPUT_FORMAT,
  FILE_INPUT_HINT,
  appTools,
  containsFileData,
  docComment,
  isFileDataSchema,
  parseDocComment,
  simplifyFileSchema,
  toolDescription,
  toolInputSchema,
  uniqueToolName,
} from "./mcp-tools.js";

const param = (name: string, type: Record<string, unknown>, extra: Partial<ApiParameter> = {}): ApiParameter => ({
  label: name,
  parameter_name: name,
  parameter_has_default: false,
  parameter_default: null,
  type,
  python_type: { type: "str", description: "" },
  component: "Textbox",
  ...extra,
});

describe("parseDocComment", () => {
  it("reads the summary, each @param (with or without a dash or a type) and @returns", () => {
    const doc = parseDocComment(`
     * Counts how often a letter occurs
     * in a word.
     * @param word - The word to search.
     * @param {string} letter The letter
     *   to count.
     * @param [times=1] - How often.
     * @returns {number} - How many times it occurs.
     * @example letterCounter("strawberry", "r")
     `);
    expect(doc).toEqual({
      summary: "Counts how often a letter occurs in a word.",
      params: { word: "The word to search.", letter: "The letter to count.", times: "How often." },
      returns: "How many times it occurs.",
    });
  });

  it("takes a one-line comment with no tags", () => {
    expect(parseDocComment(" Adds two numbers. ")).toEqual({ summary: "Adds two numbers.", params: {}, returns: null });
  });
});

describe("docComment", () => {
  it("reads a doc comment that opens a function's body", () => {
    function letterCounter(word: string, letter = "(}") {
      /**
       * Counts letters.
       * @param word - The word.
       */
      return [...word].filter((c) => c === letter).length;
    }
    expect(docComment(letterCounter)).toEqual({ summary: "Counts letters.", params: { word: "The word." }, returns: null });
  });

  it("reads it in an arrow function's block body, an async one and a generator", () => {
    const arrow = (a: string) => {
      /** Echoes. */
      return a;
    };
    const single = async (a: string) => {
      /** Waits. @returns the text */
      return a;
    };
    function* gen() {
      /** Streams. */
      yield 1;
    }
    expect(docComment(arrow)?.summary).toBe("Echoes.");
    expect(docComment(single)).toEqual({ summary: "Waits. @returns the text", params: {}, returns: null });
    expect(docComment(gen)?.summary).toBe("Streams.");
  });

  it("reads a /*! comment, which esbuild and tsx keep", () => {
    function kept(a: string) {
      /*!
       * Kept by esbuild.
       * @param a - Some text.
       */
      return a;
    }
    expect(docComment(kept)).toEqual({ summary: "Kept by esbuild.", params: { a: "Some text." }, returns: null });
  });

  it("finds none in an expression body, a body without a comment, or a plain comment", () => {
    const expression = (a: string) => a.toUpperCase();
    function plain(a: string) {
      // not a doc comment
      return a;
    }
    function later(a: string) {
      const b = a;
      /** Too late: not the first thing in the body. */
      return b;
    }
    expect(docComment(expression)).toBeNull();
    expect(docComment(plain)).toBeNull();
    expect(docComment(later)).toBeNull();
  });
});

describe("toolDescription", () => {
  const doc = { summary: "Counts letters", params: {}, returns: "The count." };
  it("uses api_description when set, even empty", () => {
    expect(toolDescription("Given.", doc)).toBe("Given.");
    expect(toolDescription("", doc)).toBe("");
  });
  it("else the doc comment, with what it returns", () => {
    expect(toolDescription(null, doc)).toBe("Counts letters. Returns: The count.");
    expect(toolDescription(undefined, { ...doc, summary: "Counts." })).toBe("Counts. Returns: The count.");
    expect(toolDescription(undefined, { summary: "", params: {}, returns: "x" })).toBe("Returns: x");
    expect(toolDescription(undefined, null)).toBe("");
  });
});

describe("uniqueToolName", () => {
  it("keeps letters, digits and underscores, and adds a suffix when taken", () => {
    expect(uniqueToolName("my-tool.v2", new Set())).toBe("my_tool_v2");
    expect(uniqueToolName("greet", new Set(["greet", "greet_1"]))).toBe("greet_2");
    expect(uniqueToolName("x".repeat(200), new Set())).toHaveLength(120);
  });
});

describe("toolInputSchema", () => {
  it("names, types, describes and defaults each parameter; those without a default are required", () => {
    const schema = toolInputSchema(
      [param("word", { type: "string" }), param("times", { type: "number" }, { parameter_has_default: true, parameter_default: 2 })],
      { word: "The word." },
    );
    expect(schema).toEqual({
      type: "object",
      properties: { word: { type: "string", description: "The word." }, times: { type: "number", default: 2 } },
      required: ["word"],
    });
  });

  it("makes a FileData a URL string, alone, in a list or in an anyOf", () => {
    const schema = toolInputSchema([
      param("image", { ...FILE_DATA_SCHEMA }, { parameter_has_default: true, parameter_default: { path: "/x.png" } }),
      param("files", { type: "array", items: { ...FILE_DATA_SCHEMA } }),
      param("maybe", { anyOf: [{ ...FILE_DATA_SCHEMA }, { type: "null" }] }),
    ]);
    expect(schema.properties.image).toEqual({ type: "string", format: FILE_INPUT_FORMAT, title: "FileData", description: FILE_INPUT_HINT });
    expect(schema.properties.files).toEqual({
      type: "array",
      items: { type: "string", format: FILE_INPUT_FORMAT, title: "FileData" },
      description: FILE_INPUT_HINT,
    });
    expect(schema.properties.maybe!.anyOf).toEqual([{ type: "string", format: FILE_INPUT_FORMAT, title: "FileData" }, { type: "null" }]);
    expect(schema.required).toEqual(["files", "maybe"]);
  });

  it("recognises FileData schemas", () => {
    expect(isFileDataSchema(FILE_DATA_SCHEMA)).toBe(true);
    expect(isFileDataSchema({ properties: { meta: { properties: { _type: { const: "gradio.FileData" } } } } })).toBe(true);
    expect(isFileDataSchema({ type: "object", properties: { path: { type: "string" } } })).toBe(false);
    expect(containsFileData({ type: "array", items: FILE_DATA_SCHEMA })).toBe(true);
    expect(simplifyFileSchema({ type: "string" })).toEqual({ type: "string" });
  });
});

describe("appTools", () => {
  it("makes a tool of each endpoint shown in the API, named after it, described by api_description or the doc comment", () => {
    const app = Blocks(() => {
      const a = Textbox({ label: "Word" });
      const b = Textbox({ label: "Letter", value: "r" });
      const out = Textbox();
      a.submit({
        fn: function letter_counter(word: string, letter: string) {
          /**
           * Counts a letter in a word.
           * @param word - The word to search.
           * @returns How many there are.
           */
          return String([...word].filter((c) => c === letter).length);
        },
        inputs: [a, b],
        outputs: [out],
      });
      a.change({ fn: (w: string) => w, inputs: [a], outputs: [out], api_name: "shout-it", api_description: "Shouts." });
      a.blur({ fn: (w: string) => w, inputs: [a], outputs: [out], show_api: false });
      a.focus({ fn: (w: string) => w, inputs: [a], outputs: [out], api_name: false });
    });
    const tools = appTools(app);
    expect(tools.map((t) => [t.name, t.endpoint, t.description])).toEqual([
      ["letter_counter", "/letter_counter", "Counts a letter in a word. Returns: How many there are."],
      ["shout_it", "/shout-it", "Shouts."],
    ]);
    expect(tools[0]!.inputSchema).toEqual({
      type: "object",
      // A Textbox's initial value ("") is its default: nothing is required, and "" is not shown.
      properties: { word: { type: "string", description: "The word to search." }, letter: { type: "string", default: "r" } },
    });
    expect(tools[0]!.takesFiles).toBe(false);
  });
});
