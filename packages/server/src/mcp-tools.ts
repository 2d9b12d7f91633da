/**
 * How an app's endpoints become MCP tools: which endpoints (the ones `/gradio_api/info` lists:
 * named, shown in the API), each tool's name, description and input JSON schema, and where its
 * file inputs are. Pure functions of the app; the server side is in mcp.ts.
 */
import { FILE_DATA_TYPE, type ApiParameter, type BlocksApp, type Dependency } from "@vitrine/core";

/** The `format` of a file input in a tool's schema (the wording Gradio uses). */
export const FILE_INPUT_FORMAT = "Gradio File Input - a http or https url to a file";

/** What a file input's schema says to the model, besides the parameter's own description. */
export const FILE_INPUT_HINT = "A file, given as an http(s) URL (or a data: URL).";

/** One tool: its MCP description, and the endpoint behind it. */
export interface ToolSpec {
  /** The tool's name: the endpoint's API name with anything but letters, digits and `_` made `_`. */
  name: string;
  /** The endpoint (`/predict`). */
  endpoint: string;
  description: string;
  /** The JSON schema of the tool's arguments (an object, one property per API parameter). */
  inputSchema: ToolInputSchema;
  /** The dependency the tool runs. */
  dependency: Dependency;
  /** The endpoint's API parameters, in order (components hidden from the API left out). */
  parameters: ApiParameter[];
  /** Whether any input takes a file. */
  takesFiles: boolean;
}

/** A tool's input schema. */
export interface ToolInputSchema {
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  [key: string]: unknown;
}

/** What a doc comment of a function says: its summary, its parameters, what it returns. */
export interface DocComment {
  summary: string;
  params: Record<string, string>;
  returns: string | null;
}

/**
 * The tools of an app: one per endpoint of its API description (named, with a function, not
 * hidden by `show_api: false`), in the order of the app's dependencies.
 */
export function appTools(app: BlocksApp): ToolSpec[] {
  const info = app.apiInfo().named_endpoints;
  const tools: ToolSpec[] = [];
  const names = new Set<string>();
  for (const [endpoint, described] of Object.entries(info)) {
    const dependency = app.dependencyByApiName(endpoint);
    if (!dependency?.fn) continue;
    const name = uniqueToolName(endpoint.replace(/^\//, ""), names);
    names.add(name);
    const doc = docComment(dependency.fn);
    const inputSchema = toolInputSchema(described.parameters, doc?.params ?? {});
    tools.push({
      name,
      endpoint,
      description: toolDescription(dependency.options.api_description, doc),
      inputSchema,
      dependency,
      parameters: described.parameters,
      takesFiles: described.parameters.some((p) => containsFileData(p.type)),
    });
  }
  return tools;
}

/**
 * A valid MCP tool name (letters, digits, `_`; at most 120 characters) not yet in `taken`:
 * `_1`, `_2`, … is added when needed.
 */
export function uniqueToolName(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 120) || "tool";
  let name = clean;
  for (let i = 1; taken.has(name); i++) name = `${clean}_${i}`;
  return name;
}

/**
 * A tool's description: the endpoint's `api_description` when it is set (`""` for none), else
 * the function's doc comment (its summary, then " Returns: …" from `@returns`), else "".
 */
export function toolDescription(apiDescription: string | null | undefined, doc: DocComment | null): string {
  if (typeof apiDescription === "string") return apiDescription;
  if (!doc) return "";
  const text = doc.summary;
  if (!doc.returns) return text;
  return text ? `${text}${text.endsWith(".") ? "" : "."} Returns: ${doc.returns}` : `Returns: ${doc.returns}`;
}

/**
 * The doc comment of a function, read from its source at run time: a `/** … *\/` comment that
 * is the first thing in the function's body (a comment before the function is not part of
 * its source, so JavaScript cannot see it). Null when there is none, or when a compiler
 * stripped comments: tsc and swc keep them; esbuild and tsx keep only `/*! … *\/` ones, which
 * are read the same way.
 *
 * @example
 * function letterCounter(word: string, letter: string): number {
 *   /**
 *    * Counts how often a letter occurs in a word.
 *    * @param word - The word to search.
 *    * @param letter - The letter to count.
 *    * @returns How many times the letter occurs.
 *    *\/
 *   return [...word].filter((c) => c === letter).length;
 * }
 */
export function docComment(fn: (...args: never[]) => unknown): DocComment | null {
  let source: string;
  try {
    source = Function.prototype.toString.call(fn);
  } catch {
    return null;
  }
  const body = bodyStart(source);
  if (body < 0) return null;
  const match = /^\s*\/\*[*!]([\s\S]*?)\*\//.exec(source.slice(body));
  return match ? parseDocComment(match[1]!) : null;
}

/** Where a function's body starts (just after its `{`), or -1 for an arrow with an expression body. */
function bodyStart(source: string): number {
  const open = source.indexOf("(");
  // `x => …`: no parameter list in parentheses.
  const bareArrow = /^(?:async\s*)?[A-Za-z_$][\w$]*\s*=>\s*/.exec(source);
  let i: number;
  if (bareArrow) i = bareArrow[0].length;
  else {
    if (open < 0) return -1;
    i = skipBalanced(source, open);
    if (i < 0) return -1;
  }
  // After the parameters: an optional `=>`, then the body's `{` (a return type never reaches here: types are erased).
  const rest = /^\s*(=>\s*)?/.exec(source.slice(i))!;
  i += rest[0].length;
  return source[i] === "{" ? i + 1 : -1;
}

/** The index just after the bracket closing the one at `open`, skipping strings and comments; -1 if unbalanced. */
function skipBalanced(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"' || ch === "'" || ch === "`") {
      for (i++; i < source.length && source[i] !== ch; i++) if (source[i] === "\\") i++;
    } else if (ch === "/" && source[i + 1] === "*") {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) return -1;
      i = end + 1;
    } else if (ch === "/" && source[i + 1] === "/") {
      const end = source.indexOf("\n", i);
      i = end < 0 ? source.length : end;
    } else if (ch === "(" || ch === "[" || ch === "{") depth++;
    else if (ch === ")" || ch === "]" || ch === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Parses the text of a TSDoc/JSDoc comment (without its `/**` and `*\/`): the summary is the text
 * before the first tag, joined into one line; `@param name - text` (or `@param {type} name
 * text`) describes a parameter; `@returns`/`@return` what comes back. Other tags are ignored.
 */
export function parseDocComment(text: string): DocComment {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/^\s*\*?\s?/, "").trimEnd());
  const summary: string[] = [];
  const params: Record<string, string> = {};
  let returns: string | null = null;
  let current: { kind: "param"; name: string } | { kind: "returns" } | { kind: "other" } | null = null;
  const add = (words: string) => {
    if (!current) summary.push(words);
    else if (current.kind === "param") params[current.name] = join(params[current.name], words);
    else if (current.kind === "returns") returns = join(returns, words);
  };
  for (const line of lines) {
    const tag = /^@(\w+)\s*(.*)$/.exec(line.trim());
    if (!tag) {
      add(line.trim());
      continue;
    }
    const [, name, rest] = tag as unknown as [string, string, string];
    if (name === "param") {
      const param = /^(?:\{[^}]*\}\s*)?\[?([A-Za-z_$][\w$.]*)(?:=[^\]]*)?\]?\s*(?:-\s*)?([\s\S]*)$/.exec(rest);
      if (param) {
        current = { kind: "param", name: param[1]! };
        params[param[1]!] = param[2]!.trim();
      } else current = { kind: "other" };
    } else if (name === "returns" || name === "return") {
      current = { kind: "returns" };
      returns = rest.replace(/^\{[^}]*\}\s*/, "").replace(/^-\s*/, "").trim();
    } else current = { kind: "other" };
  }
  return { summary: summary.join(" ").replace(/\s+/g, " ").trim(), params, returns: returns || null };
}

function join(a: string | null | undefined, b: string): string {
  if (!b) return a ?? "";
  return a ? `${a} ${b}` : b;
}

/**
 * A tool's input schema from an endpoint's API parameters: one property per parameter (its
 * `parameter_name`), typed by the component's JSON schema with each FileData made a URL string,
 * described by the doc comment's `@param` (and, for files, how to give them), with the
 * component's initial value as `default` (unless empty); parameters without one are `required`.
 */
export function toolInputSchema(parameters: readonly ApiParameter[], descriptions: Record<string, string> = {}): ToolInputSchema {
  const properties: Record<string, Record<string, unknown>> = {};
  const required: string[] = [];
  parameters.forEach((p, i) => {
    const name = parameterKey(p, i);
    const schema = simplifyFileSchema(p.type) as Record<string, unknown>;
    const own = descriptions[name];
    const takesFile = containsFileData(p.type);
    const description = [own, takesFile ? FILE_INPUT_HINT : null].filter(Boolean).join(" ");
    const property: Record<string, unknown> = { ...schema };
    if (description) property.description = description;
    else if (typeof schema.description !== "string") delete property.description;
    if (p.parameter_has_default && p.parameter_default !== null && p.parameter_default !== undefined && p.parameter_default !== "" && !takesFile) {
      property.default = p.parameter_default;
    }
    properties[name] = property;
    if (!p.parameter_has_default) required.push(name);
  });
  return required.length ? { type: "object", properties, required } : { type: "object", properties };
}

/** The argument name of an API parameter: its `parameter_name`, else `param_<n>`. */
export function parameterKey(p: ApiParameter, index: number): string {
  return p.parameter_name || `param_${index}`;
}

/** Whether a JSON schema describes Gradio's FileData (its `meta` has `_type: "gradio.FileData"`). */
export function isFileDataSchema(schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  const meta = (schema as { properties?: { meta?: { default?: { _type?: unknown }; properties?: { _type?: { const?: unknown } } } } })
    .properties?.meta;
  return meta?.default?._type === FILE_DATA_TYPE || meta?.properties?._type?.const === FILE_DATA_TYPE;
}

/** Whether a JSON schema has a FileData anywhere in it. */
export function containsFileData(schema: unknown): boolean {
  if (isFileDataSchema(schema)) return true;
  if (Array.isArray(schema)) return schema.some(containsFileData);
  if (typeof schema !== "object" || schema === null) return false;
  return Object.values(schema).some(containsFileData);
}

/**
 * A copy of a JSON schema with every FileData replaced by a string schema (format
 * {@link FILE_INPUT_FORMAT}): a model passes a file as its URL.
 */
export function simplifyFileSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplifyFileSchema);
  if (typeof schema !== "object" || schema === null) return schema;
  if (isFileDataSchema(schema)) {
    const s = schema as { title?: unknown; description?: unknown };
    return {
      type: "string",
      format: FILE_INPUT_FORMAT,
      ...(typeof s.title === "string" ? { title: s.title } : {}),
    };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = simplifyFileSchema(value);
  return out;
}
