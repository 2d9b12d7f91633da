/**
 * Values between MCP and an endpoint: a tool's arguments become the endpoint's wire values (files
 * given as URLs become FileData in the app's cache), and the endpoint's outputs become MCP
 * content (text; a file as its URL, an image also as image content).
 */
import { basename } from "node:path";
import { API_PREFIX, fileData, isFileData, type AnyComponent, type Dependency, type FileData } from "@vitrine/core";
import { mimeOf, type FileCache } from "./files/cache.js";
import { isFileDataSchema, parameterKey, type ToolSpec } from "./mcp-tools.js";

/** A tool call the server refuses before running anything (bad arguments): the model sees the message. */
export class ToolInputError extends Error {}

/** MCP content of a tool result. */
export type ToolContent = { type: "text"; text: string } | { type: "image"; data: string; mimeType: string };

/** Largest image (in bytes) a result carries inline as image content; larger ones are given by URL only. */
export const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024;

/** How file arguments are taken in for one call. */
export interface FileIntake {
  cache: FileCache;
  /** The app's public root URL for this request, without a trailing slash. */
  root: string;
  /** The URL a cached path is served at. */
  fileUrl(path: string): string;
}

/**
 * The wire values of a tool call, one per input of the endpoint: each API parameter from the
 * arguments by name (its default when left out; an error when it has none), files converted
 * with {@link fileArgument}; inputs hidden from the API (State, buttons) get null.
 */
export async function wireArguments(tool: ToolSpec, args: Record<string, unknown> | undefined, intake: FileIntake): Promise<unknown[]> {
  const given = args ?? {};
  const known = new Set(tool.parameters.map(parameterKey));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new ToolInputError(
      `Unknown argument${unknown.length > 1 ? "s" : ""} ${unknown.map((k) => `"${k}"`).join(", ")} for tool ${tool.name}; ` +
        `it takes ${known.size ? [...known].map((k) => `"${k}"`).join(", ") : "no arguments"}`,
    );
  }
  const values: unknown[] = [];
  for (const [i, p] of tool.parameters.entries()) {
    const key = parameterKey(p, i);
    let value: unknown;
    if (Object.hasOwn(given, key)) value = given[key];
    else if (p.parameter_has_default) value = p.parameter_default ?? null;
    else throw new ToolInputError(`Missing required argument "${key}" for tool ${tool.name}`);
    values.push(await filesIn(value, p.type, intake, key));
  }
  let next = 0;
  return tool.dependency.inputs.map((c: AnyComponent) => (c.skipApi ? null : values[next++]));
}

/** A value with every string that sits where its schema has a FileData turned into that FileData. */
async function filesIn(value: unknown, schema: unknown, intake: FileIntake, name: string): Promise<unknown> {
  if (value === null || value === undefined || typeof schema !== "object" || schema === null) return value;
  if (isFileDataSchema(schema)) {
    if (typeof value === "string") return fileArgument(value, intake, name);
    if (isFileData(value)) return value;
    throw new ToolInputError(`Argument "${name}" must be a file URL (http, https or data:), not ${JSON.stringify(value)}`);
  }
  const s = schema as { anyOf?: unknown[]; oneOf?: unknown[]; items?: unknown; prefixItems?: unknown[]; properties?: Record<string, unknown> };
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    const branch = branches.find((b) => fits(value, b));
    return branch === undefined ? value : filesIn(value, branch, intake, name);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const [i, item] of value.entries()) out.push(await filesIn(item, s.prefixItems?.[i] ?? s.items, intake, name));
    return out;
  }
  if (typeof value === "object" && s.properties) {
    const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [k, v] of Object.entries(out)) if (k in s.properties) out[k] = await filesIn(v, s.properties[k], intake, name);
    return out;
  }
  return value;
}

/** Whether a value could be what a branch of an `anyOf` describes (a string fits a FileData: it is its URL). */
function fits(value: unknown, schema: unknown): boolean {
  if (typeof schema !== "object" || schema === null) return false;
  if (isFileDataSchema(schema)) return typeof value === "string" || isFileData(value);
  const type = (schema as { type?: unknown }).type;
  if (Array.isArray(value)) return type === "array";
  if (typeof value === "object" && value !== null) return type === "object";
  if (typeof value === "string") return type === "string";
  if (typeof value === "number") return type === "number" || type === "integer";
  if (typeof value === "boolean") return type === "boolean";
  return type === "null";
}

/**
 * A file argument given as a string, as FileData: a `data:` URL is written into the cache; a URL
 * of a file this app serves (`<root>/gradio_api/file=<path>`, e.g. one a tool returned) is that
 * cached file; any other http(s) URL is downloaded by the component that reads it (through the
 * server's SSRF-safe fetcher). Anything else is refused.
 */
export async function fileArgument(text: string, intake: FileIntake, name: string): Promise<FileData> {
  const value = text.trim();
  if (/^data:/i.test(value)) {
    const { bytes, mimeType } = decodeDataUrl(value, name);
    const fileName = `${name.replace(/[^\w.-]/g, "_") || "file"}${extensionOf(mimeType)}`;
    const path = await intake.cache.write(bytes, fileName);
    return fileData(path, { url: intake.fileUrl(path), size: bytes.length, orig_name: fileName, mime_type: mimeType });
  }
  if (/^https?:\/\//i.test(value)) {
    const own = ownFilePath(value, intake.root);
    if (own !== null) {
      let real: string;
      try {
        real = await intake.cache.check(own);
      } catch (err) {
        throw new ToolInputError(`Argument "${name}": ${(err as Error).message}`);
      }
      return fileData(real, { url: intake.fileUrl(real), orig_name: basename(real), mime_type: mimeOf(real) });
    }
    const last = decodeSafe(new URL(value).pathname.split("/").pop() ?? "");
    return fileData(value, { url: value, orig_name: last || null, mime_type: last ? mimeOf(last) : null });
  }
  throw new ToolInputError(
    `Argument "${name}" must be a file given as a URL (http://…, https://… or data:…); received ${JSON.stringify(value.slice(0, 80))}`,
  );
}

/**
 * The cached path behind a URL of this app's file route (`<root>/gradio_api/file=<path>`, or
 * `<root>/file=<path>`), when the URL points at this app (its origin, or a loopback alias of
 * it on the same port); else null.
 */
export function ownFilePath(url: string, root: string): string | null {
  let u: URL;
  let r: URL;
  try {
    u = new URL(url);
    r = new URL(root);
  } catch {
    return null;
  }
  const loopback = (h: string) => h === "localhost" || h === "127.0.0.1" || h === "[::1]";
  const sameHost = u.host === r.host || (loopback(u.hostname) && loopback(r.hostname) && u.port === r.port);
  if (!sameHost || u.protocol !== r.protocol) return null;
  const base = r.pathname.replace(/\/+$/, "");
  for (const prefix of [`${base}${API_PREFIX}/file=`, `${base}/file=`]) {
    if (u.pathname.startsWith(prefix)) return decodeSafe(u.pathname.slice(prefix.length)) || null;
  }
  return null;
}

/** The bytes and MIME type of a `data:` URL (base64 or percent-encoded). */
export function decodeDataUrl(url: string, name = "file"): { bytes: Uint8Array; mimeType: string | null } {
  const comma = url.indexOf(",");
  if (comma < 0) throw new ToolInputError(`Argument "${name}" is not a valid data: URL (no comma)`);
  const header = url.slice(5, comma);
  const parts = header.split(";");
  const mimeType = parts[0]?.trim() ? parts[0].trim().toLowerCase() : null;
  const payload = url.slice(comma + 1);
  if (parts.slice(1).some((p) => p.trim().toLowerCase() === "base64")) {
    const clean = payload.replace(/\s+/g, "");
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean)) throw new ToolInputError(`Argument "${name}" is not valid base64 in its data: URL`);
    return { bytes: new Uint8Array(Buffer.from(clean, "base64")), mimeType };
  }
  return { bytes: new Uint8Array(Buffer.from(decodeSafe(payload), "utf8")), mimeType };
}

function extensionOf(mimeType: string | null): string {
  const known: Record<string, string> = {
    "image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif", "image/webp": ".webp", "image/svg+xml": ".svg", "image/bmp": ".bmp",
    "audio/wav": ".wav", "audio/x-wav": ".wav", "audio/mpeg": ".mp3", "audio/ogg": ".ogg", "video/mp4": ".mp4", "video/webm": ".webm",
    "text/plain": ".txt", "text/csv": ".csv", "application/json": ".json", "application/pdf": ".pdf",
  };
  return (mimeType && known[mimeType]) ?? "";
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The MCP content of an endpoint's outputs (those shown in its API, in order): a string as
 * text; a file as its URL, and an image file also inline (as Gradio does, up to
 * {@link MAX_INLINE_IMAGE_BYTES}); anything else as JSON (files in it carry their URLs).
 */
export async function toolContent(dep: Dependency, data: readonly unknown[], read: (path: string) => Promise<Uint8Array>): Promise<ToolContent[]> {
  const content: ToolContent[] = [];
  for (const [i, output] of dep.outputs.entries()) {
    if ((output as Partial<AnyComponent>).skipApi === true || typeof (output as Partial<AnyComponent>).postprocess !== "function") continue;
    const value = data[i];
    if (isFileData(value)) content.push(...(await fileContent(value, read)));
    else if (typeof value === "string") content.push({ type: "text", text: value });
    else content.push({ type: "text", text: JSON.stringify(value ?? null) });
  }
  return content;
}

async function fileContent(file: FileData, read: (path: string) => Promise<Uint8Array>): Promise<ToolContent[]> {
  const url = file.url ?? file.path;
  const mimeType = file.mime_type ?? mimeOf(file.orig_name ?? file.path);
  const local = !/^https?:\/\//i.test(file.path);
  if (mimeType?.startsWith("image/") && local && (file.size ?? 0) <= MAX_INLINE_IMAGE_BYTES) {
    try {
      const bytes = await read(file.path);
      if (bytes.length <= MAX_INLINE_IMAGE_BYTES) {
        return [
          { type: "image", data: Buffer.from(bytes).toString("base64"), mimeType },
          { type: "text", text: `Image URL: ${url}` },
        ];
      }
    } catch {
      // Unreadable here: the URL alone.
    }
  }
  return [{ type: "text", text: url }];
}
