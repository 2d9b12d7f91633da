/**
 * `GET {API_PREFIX}/openapi.json`: an OpenAPI 3.1 document of an app's visible endpoints, made
 * from its API description (`/info`). Each endpoint gets the routes of the plain-HTTP API
 * (call-api.ts): `POST /call/<name>` (positional `data`), `POST /call/v2/<name>` (named
 * parameters), `GET /call/<name>/{event_id}` (the results as server-sent events), and, where the
 * app answers them, `POST /run/<name>` (one JSON answer); plus the upload route for file inputs.
 */
import { API_PREFIX, VERSION, type ApiEndpoint, type ApiInfo, type ApiParameter, type BlocksApp } from "@vitrine/core";

/** A JSON schema or an OpenAPI object, loosely typed. */
type Json = Record<string, unknown>;

/** What the document needs to know about the app. */
export interface OpenApiSource {
  /** The app's title and description (`BlocksProps`). */
  title: string;
  description?: string | null;
  /** The app's API description, as `/info` serves it. */
  info: ApiInfo;
  /** The app's public URL, mount path included, without a trailing slash. */
  root: string;
  /** API names whose endpoint also answers `POST /run/<name>` directly. */
  direct: ReadonlySet<string>;
}

/** The API names of an app's endpoints that answer `POST /run/<name>` (unqueued ones, or all with `api_open`). */
export function directEndpoints(app: BlocksApp): Set<string> {
  const names = new Set<string>();
  for (const dep of app.dependencies) {
    if (dep.apiName && dep.fn && (!dep.queued || app.queueSettings.api_open)) names.add(dep.apiName);
  }
  return names;
}

const FILE_NOTE =
  `File inputs are FileData objects: upload the file first (POST ${API_PREFIX}/upload, multipart "files") and send ` +
  `{"path": "<returned path>", "meta": {"_type": "gradio.FileData"}}, or give an http(s) URL as "path".`;

/** The OpenAPI document of an app. */
export function openApiDocument(source: OpenApiSource): Json {
  const paths: Json = { [`${API_PREFIX}/upload`]: uploadPath() };
  for (const [route, endpoint] of Object.entries(source.info.named_endpoints)) {
    const name = route.replace(/^\//, "");
    Object.assign(paths, endpointPaths(name, endpoint, source.direct.has(name)));
  }
  return {
    openapi: "3.1.0",
    info: {
      title: source.title,
      ...(source.description ? { description: source.description } : {}),
      version: VERSION,
    },
    servers: [{ url: source.root.replace(/\/+$/, "") || "/" }],
    paths,
    components: { schemas: { FileData: FILE_DATA } },
  };
}

/** The routes of one endpoint. */
function endpointPaths(name: string, endpoint: ApiEndpoint, direct: boolean): Json {
  const id = operationName(name);
  const params = endpoint.parameters;
  const hasFiles = [...params, ...endpoint.returns].some((p) => mentionsFiles(p.type));
  const about = [endpoint.description, hasFiles ? FILE_NOTE : ""].filter(Boolean).join("\n\n");
  const results =
    `Then read the results with GET ${API_PREFIX}/call/${name}/{event_id}: server-sent events, ` +
    `"event: complete" with a JSON array of ${endpoint.returns.length} output(s).`;
  const queued = {
    "200": {
      description: "The event was queued; read its results with the GET route.",
      content: { "application/json": { schema: { type: "object", properties: { event_id: { type: "string" } }, required: ["event_id"] } } },
    },
    ...errorResponses(),
  };
  const dataBody = {
    required: true,
    content: {
      "application/json": {
        schema: positionalSchema(params),
        example: { data: params.map(exampleOf) },
      },
    },
  };
  const paths: Json = {
    [`${API_PREFIX}/call/${name}`]: {
      post: {
        operationId: `${id}_call`,
        summary: `Call /${name} with its inputs in order`,
        description: [about, results].filter(Boolean).join("\n\n"),
        tags: [`/${name}`],
        requestBody: dataBody,
        responses: queued,
      },
    },
    [`${API_PREFIX}/call/v2/${name}`]: {
      post: {
        operationId: `${id}_call_v2`,
        summary: `Call /${name} with its inputs by name`,
        description: [about, results].filter(Boolean).join("\n\n"),
        tags: [`/${name}`],
        requestBody: {
          required: true,
          content: { "application/json": { schema: namedSchema(params), example: Object.fromEntries(params.map((p) => [nameOf(p), exampleOf(p)])) } },
        },
        responses: queued,
      },
    },
    [`${API_PREFIX}/call/${name}/{event_id}`]: {
      get: {
        operationId: `${id}_results`,
        summary: `Read the results of a call of /${name}`,
        description:
          "Server-sent events: `event: generating` for each intermediate result (a generator's yields), " +
          "then `event: complete` with the outputs, or `event: error` with the error; `event: heartbeat` while waiting. " +
          "Each `data:` line is JSON. Closing the stream early cancels the event.",
        tags: [`/${name}`],
        parameters: [{ name: "event_id", in: "path", required: true, schema: { type: "string" }, description: "The event_id the POST answered" }],
        responses: {
          "200": {
            description: `The event's results; the data of "complete" is the array of outputs: ${returnsText(endpoint.returns)}`,
            content: { "text/event-stream": { schema: { type: "string" }, "x-complete-data": outputsSchema(endpoint.returns) } },
          },
          "404": { description: "No such pending event", content: { "application/json": { schema: DETAIL } } },
        },
      },
    },
  };
  if (direct) {
    paths[`${API_PREFIX}/run/${name}`] = {
      post: {
        operationId: `${id}_run`,
        summary: `Run /${name} and answer with its outputs`,
        description: [about, "A generator answers with its first result."].filter(Boolean).join("\n\n"),
        tags: [`/${name}`],
        requestBody: dataBody,
        responses: {
          "200": {
            description: "The outputs",
            content: {
              "application/json": {
                schema: { type: "object", properties: { data: outputsSchema(endpoint.returns), duration: { type: "number" } }, required: ["data"] },
              },
            },
          },
          "500": {
            description: "The function failed: `error` is its message (null unless it threw vt.Error or the app shows errors)",
            content: { "application/json": { schema: { type: "object", properties: { error: { type: ["string", "null"] } } } } },
          },
          ...errorResponses(),
        },
      },
    };
  }
  return paths;
}

/** `{ data: [...] }`: one item per parameter, in order. */
function positionalSchema(params: readonly ApiParameter[]): Json {
  return {
    type: "object",
    properties: {
      data: { type: "array", prefixItems: params.map(parameterSchema), minItems: params.length, maxItems: params.length },
      session_hash: { type: "string", description: "Run in this session (its State values); by default each call is a session of its own" },
    },
    required: ["data"],
  };
}

/** `{ "<parameter_name>": value, ... }`: required where there is no default. */
function namedSchema(params: readonly ApiParameter[]): Json {
  return {
    type: "object",
    properties: Object.fromEntries(params.map((p) => [nameOf(p), parameterSchema(p)])),
    required: params.filter((p) => !p.parameter_has_default).map(nameOf),
    additionalProperties: false,
  };
}

function outputsSchema(returns: readonly ApiParameter[]): Json {
  return { type: "array", prefixItems: returns.map((r) => describe(r, schemaOf(r.type))), minItems: returns.length, maxItems: returns.length };
}

function parameterSchema(p: ApiParameter): Json {
  const schema = describe(p, schemaOf(p.type));
  if (p.parameter_has_default) schema.default = p.parameter_default ?? null;
  if (p.example_input !== undefined) schema.examples = [p.example_input];
  return schema;
}

function describe(p: ApiParameter, schema: Json): Json {
  const description = [p.label ? `${p.label} (${p.component})` : p.component, p.python_type?.description].filter(Boolean).join(": ");
  return { ...schema, title: schema.title ?? p.label, description };
}

/**
 * A component's JSON schema made fit for OpenAPI 3.1: Gradio's non-standard keys dropped, its
 * pseudo-type `filepath` a string, a missing `type` filled in for an object schema.
 */
export function schemaOf(type: Record<string, unknown> | undefined): Json {
  if (!type) return {};
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value !== "object" || value === null) return value;
    const out: Json = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === "additional_description") continue;
      out[key] = key === "properties" || key === "$defs" || key === "definitions" ? mapValues(v, walk) : walk(v);
    }
    if (out.type === "filepath") {
      out.type = "string";
      out.format = "filepath";
    }
    if (out.properties && out.type === undefined) out.type = "object";
    return out;
  };
  return walk(type) as Json;
}

function mapValues(value: unknown, fn: (v: unknown) => unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fn(v)]));
}

function mentionsFiles(type: unknown): boolean {
  return JSON.stringify(type ?? null).includes('"FileData"') || JSON.stringify(type ?? null).includes('"filepath"');
}

function nameOf(p: ApiParameter): string {
  return p.parameter_name ?? p.label;
}

/** A parameter's example value: its example input, else its default. */
function exampleOf(p: ApiParameter): unknown {
  if (p.example_input !== undefined) return p.example_input;
  return p.parameter_has_default ? (p.parameter_default ?? null) : null;
}

function returnsText(returns: readonly ApiParameter[]): string {
  return returns.length ? returns.map((r) => `${r.label} (${r.component})`).join(", ") : "none";
}

/** An operationId from an API name (letters, digits and `_`). */
function operationName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, "_");
}

const DETAIL = { type: "object", properties: { detail: { type: "string" } }, required: ["detail"] };

function errorResponses(): Json {
  return {
    "400": { description: "Malformed body, or a file input that was not uploaded here", content: { "application/json": { schema: DETAIL } } },
    "404": { description: "No such endpoint", content: { "application/json": { schema: DETAIL } } },
    "422": { description: "Wrong number or names of inputs", content: { "application/json": { schema: DETAIL } } },
  };
}

function uploadPath(): Json {
  return {
    post: {
      operationId: "upload",
      summary: "Upload files for file inputs",
      description: 'Answers the server paths of the files, to send as {"path": ..., "meta": {"_type": "gradio.FileData"}}.',
      parameters: [{ name: "upload_id", in: "query", required: false, schema: { type: "string" }, description: "Track the upload's progress" }],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: { type: "object", properties: { files: { type: "array", items: { type: "string", format: "binary" } } }, required: ["files"] },
          },
        },
      },
      responses: {
        "200": { description: "The server paths of the files", content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } },
        "413": { description: "A file is larger than max_file_size", content: { "text/plain": { schema: { type: "string" } } } },
      },
    },
  };
}

const FILE_DATA: Json = {
  type: "object",
  properties: {
    path: { type: "string" },
    url: { type: ["string", "null"] },
    size: { type: ["integer", "null"] },
    orig_name: { type: ["string", "null"] },
    mime_type: { type: ["string", "null"] },
    is_stream: { type: "boolean" },
    meta: { type: "object", properties: { _type: { const: "gradio.FileData" } } },
  },
  required: ["path"],
};
