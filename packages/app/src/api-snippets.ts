/**
 * The code snippets of the "Use via API" panel, as pure functions: a list of calls in, the
 * source of a ready-to-run program out, for `@vitrine/client`, `@gradio/client`, Python's
 * `gradio_client` and curl (Gradio's two-step `POST {api_prefix}/call/<api_name>`, then
 * `GET {api_prefix}/call/<api_name>/<event_id>`). Files go as Gradio's API page sends them:
 * `handle_file("<url>")` in Python, fetched then `handle_file(blob)` in JavaScript, and uploaded
 * (`POST {api_prefix}/upload`) then sent as a FileData with the uploaded path in curl.
 */
import type { ApiEndpoint, ApiParameter, FileData } from "@vitrine/core";

/** Where the snippets call: the app's public URL (mount path included) and its API prefix. */
export interface SnippetTarget {
  /** The app's URL, with a trailing slash (`http://host/apps/demo/`). */
  url: string;
  /** The config's `api_prefix` (`/gradio_api`). */
  apiPrefix: string;
}

/** One argument of a call: the endpoint parameter's name and the value sent. */
export interface SnippetArg {
  name: string;
  value: unknown;
}

/** One call of an endpoint. */
export interface SnippetCall {
  /** The endpoint, with its leading slash (`/predict`). */
  apiName: string;
  args: SnippetArg[];
}

/** The languages the panel shows, in its tab order. */
export const SNIPPET_LANGUAGES = ["vitrine", "gradio-js", "python", "curl"] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

/** Each language's tab label. */
export const LANGUAGE_LABELS: Record<SnippetLanguage, string> = {
  vitrine: "@vitrine/client",
  "gradio-js": "@gradio/client",
  python: "Python",
  curl: "cURL",
};

/** How each language's client is installed (none for curl). */
export const INSTALL_COMMANDS: Record<SnippetLanguage, string | null> = {
  vitrine: "npm install @vitrine/client",
  "gradio-js": "npm install @gradio/client",
  python: "pip install gradio_client",
  curl: null,
};

const FILE_DATA_TYPE = "gradio.FileData";

/** Whether a value is a FileData (Gradio's `meta._type` marks it, or a `path` beside `orig_name`/`url`). */
function isFileValue(value: unknown): value is FileData {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.path !== "string") return false;
  const meta = v.meta as Record<string, unknown> | undefined;
  return meta?._type === FILE_DATA_TYPE;
}

/**
 * The public URL of a file value: an `http(s)` path as is; a path on the server as
 * `{url}{api_prefix}/file={path}` under the page's own root (how the page and Gradio's clients
 * load a cached file, whatever root the server wrote into `url`); else its `url`.
 */
export function fileValueUrl(target: SnippetTarget, file: FileData): string {
  if (/^https?:\/\//i.test(file.path)) return file.path;
  if (file.path) return `${apiBase(target)}/file=${file.path}`;
  return file.url ?? "";
}

/** `{url}{api_prefix}` without a trailing slash (`http://host/apps/demo/gradio_api`). */
function apiBase(target: SnippetTarget): string {
  const prefix = target.apiPrefix.replace(/^\/+|\/+$/g, "");
  return target.url.replace(/\/+$/, "") + (prefix ? `/${prefix}` : "");
}

type Literal = "js" | "py" | "json";

/**
 * A value as a literal of `lang`. Strings are JSON string literals, which JavaScript and
 * Python read alike; `null`/booleans become `None`/`True`/`False` in Python; files become
 * `handle_file("<url>")` in the clients and `{"path": "<url>", "meta": …}` in JSON.
 */
export function literal(value: unknown, lang: Literal, target: SnippetTarget, fileLiteral?: (file: FileData) => string): string {
  if (value === null || value === undefined) return lang === "py" ? "None" : "null";
  if (typeof value === "boolean") return lang === "py" ? (value ? "True" : "False") : String(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : lang === "py" ? "None" : "null";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return String(value);
  if (isFileValue(value)) {
    if (fileLiteral) return fileLiteral(value);
    const url = fileValueUrl(target, value);
    if (lang === "json") return `{"path": ${JSON.stringify(url)}, "meta": {"_type": "${FILE_DATA_TYPE}"}}`;
    return `handle_file(${JSON.stringify(url)})`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, lang, target, fileLiteral)).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${literal(v, lang, target, fileLiteral)}`).join(", ")}}`;
  }
  throw new TypeError(`A value of type ${typeof value} cannot be written in a snippet.`);
}

/** Whether any argument of the calls holds a file (the clients then import `handle_file`). */
function hasFile(calls: readonly SnippetCall[]): boolean {
  const walk = (v: unknown): boolean =>
    isFileValue(v) || (Array.isArray(v) ? v.some(walk) : typeof v === "object" && v !== null && Object.values(v).some(walk));
  return calls.some((c) => c.args.some((a) => walk(a.value)));
}

const JS_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const PY_KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

/** Whether Python can take every argument by keyword (each name an identifier, none a keyword, none `api_name`). */
function pythonKeywords(args: readonly SnippetArg[]): boolean {
  return args.every((a) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(a.name) && !PY_KEYWORDS.has(a.name) && a.name !== "api_name");
}

/** The name of a file's original, for the file a snippet uploads (`orig_name`, else the path's last segment). */
function fileName(file: FileData): string {
  return file.orig_name || file.path.split(/[\\/]/).pop() || "file";
}

/**
 * A JavaScript client's snippet: connect, then `predict` each call by parameter name and print
 * its data. Files are fetched first and handed over as Blobs (`handle_file(blob)`), as Gradio's
 * JavaScript snippet does: the client uploads them, so the snippet runs wherever the file's URL
 * can be read (a server does not fetch URLs of private addresses such as 127.0.0.1).
 */
function javascriptSnippet(pkg: "@vitrine/client" | "@gradio/client", target: SnippetTarget, calls: readonly SnippetCall[]): string {
  const imports = hasFile(calls) ? "Client, handle_file" : "Client";
  const lines = [`import { ${imports} } from "${pkg}";`, ""];
  const fetched = new Map<string, string>();
  const fileLiteral = (file: FileData): string => {
    const url = fileValueUrl(target, file);
    let name = fetched.get(url);
    if (name === undefined) {
      name = `file${fetched.size + 1}`;
      fetched.set(url, name);
      lines.push(`const ${name} = new File([await (await fetch(${JSON.stringify(url)})).blob()], ${JSON.stringify(fileName(file))});`);
    }
    return `handle_file(${name})`;
  };
  const rendered = calls.map((call) => call.args.map((arg) => literal(arg.value, "js", target, fileLiteral)));
  if (fetched.size > 0) lines.push("");
  lines.push(`const client = await Client.connect(${JSON.stringify(target.url)});`);
  calls.forEach((call, i) => {
    const result = i === 0 ? "result" : `result${i + 1}`;
    const name = JSON.stringify(call.apiName);
    if (call.args.length === 0) {
      lines.push(`const ${result} = await client.predict(${name});`);
    } else {
      lines.push(`const ${result} = await client.predict(${name}, {`);
      call.args.forEach((arg, j) => {
        const key = JS_IDENTIFIER.test(arg.name) ? arg.name : JSON.stringify(arg.name);
        lines.push(`  ${key}: ${rendered[i]![j]},`);
      });
      lines.push("});");
    }
    lines.push(`console.log(${result}.data);`);
  });
  return lines.join("\n");
}

/** Python's `gradio_client` snippet: one `client.predict(..., api_name=...)` per call, each printed. */
function pythonSnippet(target: SnippetTarget, calls: readonly SnippetCall[]): string {
  const imports = hasFile(calls) ? "Client, handle_file" : "Client";
  const lines = [`from gradio_client import ${imports}`, "", `client = Client(${JSON.stringify(target.url)})`];
  for (const call of calls) {
    const byName = pythonKeywords(call.args);
    lines.push("result = client.predict(");
    for (const arg of call.args) {
      const value = literal(arg.value, "py", target);
      lines.push(byName ? `    ${arg.name}=${value},` : `    ${value},`);
    }
    lines.push(`    api_name=${JSON.stringify(call.apiName)},`, ")", "print(result)");
  }
  return lines.join("\n");
}

/** Marks where an uploaded file's path goes in a curl body (a character JSON never leaves bare). */
const FILE_MARK = "\u0001";

/** Quotes a word for a POSIX shell (single quotes, each `'` written `'\''`), unless it needs none. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_\-.,:/=+%@~]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * curl, in Gradio's two steps per call: `POST {api_prefix}/call/<api_name>` with
 * `{"data": [...]}` answers `{"event_id": "…"}`; `GET {api_prefix}/call/<api_name>/<event_id>`
 * streams the result as server-sent events. A file is first uploaded (`POST {api_prefix}/upload`,
 * as Gradio's curl snippet does; here straight from its URL) and sent as a FileData with the
 * path the upload answered.
 */
function curlSnippet(target: SnippetTarget, calls: readonly SnippetCall[]): string {
  const lines: string[] = [];
  const uploaded = new Map<string, string>();
  const fileLiteral = (file: FileData): string => {
    const url = fileValueUrl(target, file);
    let name = uploaded.get(url);
    if (name === undefined) {
      name = `FILE_${uploaded.size + 1}`;
      uploaded.set(url, name);
      const form = shellQuote(`files=@-;filename=${fileName(file).replace(/[;"\\]/g, "_")}`);
      lines.push(`${name}=$(curl -s ${shellQuote(url)} | curl -s -X POST ${shellQuote(`${apiBase(target)}/upload`)} -F ${form} | tr -d '[]" ')`);
    }
    // The body is single-quoted: the path comes in as a double-quoted variable between two quoted parts.
    return `{"path": "${FILE_MARK}${name}${FILE_MARK}", "meta": {"_type": "${FILE_DATA_TYPE}"}}`;
  };
  calls.forEach((call, i) => {
    if (i > 0) lines.push("");
    const url = `${apiBase(target)}/call/${call.apiName.replace(/^\/+/, "").split("/").map(encodeURIComponent).join("/")}`;
    const body = `{"data": [${call.args.map((a) => literal(a.value, "json", target, fileLiteral)).join(", ")}]}`;
    const quoted = shellQuote(body).replace(new RegExp(`${FILE_MARK}(FILE_\\d+)${FILE_MARK}`, "g"), `'"$$$1"'`);
    lines.push(
      `EVENT_ID=$(curl -s -X POST ${shellQuote(url)} -H "Content-Type: application/json" -d ${quoted} \\`,
      `  | awk -F'"' '{ print $4 }')`,
      `curl -N ${shellQuote(url)}/$EVENT_ID`,
    );
  });
  return lines.join("\n");
}

/** The snippet of `calls` in `language`, for the app at `target`. */
export function snippetFor(language: SnippetLanguage, target: SnippetTarget, calls: readonly SnippetCall[]): string {
  switch (language) {
    case "vitrine":
      return javascriptSnippet("@vitrine/client", target, calls);
    case "gradio-js":
      return javascriptSnippet("@gradio/client", target, calls);
    case "python":
      return pythonSnippet(target, calls);
    case "curl":
      return curlSnippet(target, calls);
  }
}

/** A parameter's name in calls: `parameter_name`, else its label. */
export function parameterName(p: ApiParameter): string {
  return p.parameter_name ?? p.label;
}

/** A parameter's example value: its `example_input`, else its default. */
export function exampleValue(p: ApiParameter): unknown {
  return p.example_input !== undefined ? p.example_input : p.parameter_has_default ? p.parameter_default : null;
}

/** The documented call of an endpoint: each parameter given its example value. */
export function exampleCall(apiName: string, endpoint: Pick<ApiEndpoint, "parameters">): SnippetCall {
  return { apiName, args: endpoint.parameters.map((p) => ({ name: parameterName(p), value: exampleValue(p) })) };
}
