import type { ApiInfo, AppConfig, FileData } from "@vitrine/core";
import { Call } from "./call.js";
import { fileUrl, uploadFiles, uploadInData, type UploadContext, type UploadOptions, type Uploadable } from "./files.js";
import { ClientError } from "./errors.js";
import { errorText, httpFailure, isRecord, readBody } from "./http.js";
import { resolveData, resolveEndpoint } from "./resolve.js";
import type { WebSocketConstructor } from "./live.js";
import { Session } from "./session.js";
import type { CallOptions, ClientOptions, DataMessage, Job, PredictResult } from "./types.js";

/**
 * A connection to one Vitrine or Gradio app (5.x/6.x, protocol `sse_v3`), from Node 20+ or a
 * browser. Create it with {@link Client.connect}; call its endpoints with {@link Client.predict}
 * (final result) or {@link Client.submit} (stream of status, data and log messages).
 *
 * @example
 * const app = await Client.connect("http://127.0.0.1:7860/");
 * const result = await app.predict("/greet", ["Ada"]);
 * console.log(result.data[0]);
 */
export class Client {
  /** The app's config (`GET /config`); `root` is resolved to the URL every call goes to. */
  readonly config: AppConfig;
  /** The session this client's calls belong to (State and the event stream are per session). */
  readonly session_hash: string;
  readonly #apiInfo: ApiInfo;
  readonly #session: Session;
  readonly #files: UploadContext;

  private constructor(config: AppConfig, apiInfo: ApiInfo, session: Session, files: UploadContext) {
    this.config = config;
    this.#apiInfo = apiInfo;
    this.#session = session;
    this.#files = files;
    this.session_hash = session.session_hash;
  }

  /**
   * Connects to an app: `GET {url}/config`, then `GET {root}{api_prefix}/info`.
   *
   * @param url The app's address, e.g. `"http://127.0.0.1:7860/"` or `"https://host/myapp"`.
   * @throws Error when the app cannot be reached, answers with an error, or does not speak `sse_v3`.
   */
  static async connect(url: string, options: ClientOptions = {}): Promise<Client> {
    const userFetch = options.fetch;
    const fetchImpl: typeof fetch = userFetch ?? ((input, init) => globalThis.fetch(input, init));
    const headers = { ...(options.headers ?? {}) };
    const base = String(url).split(/[?#]/)[0]!.replace(/\/+$/, "");
    if (options.auth) await logIn(fetchImpl, base, options.auth, headers);

    const raw = await getJson(fetchImpl, `${base}/config`, headers, "the app config");
    if (!isRecord(raw)) throw new Error(`${base}/config did not return an app config.`);
    if (raw["protocol"] !== "sse_v3") {
      throw new Error(
        `${base} speaks protocol ${JSON.stringify(raw["protocol"] ?? null)}; this client only speaks "sse_v3" (Vitrine, Gradio 5 and 6).`,
      );
    }
    const root = typeof raw["root"] === "string" && raw["root"] !== "" ? raw["root"].replace(/\/+$/, "") : base;
    let prefix = typeof raw["api_prefix"] === "string" ? raw["api_prefix"].replace(/\/+$/, "") : "";
    if (prefix !== "" && !prefix.startsWith("/")) prefix = `/${prefix}`;
    const config = { ...raw, root } as unknown as AppConfig;

    const info = await getJson(fetchImpl, `${root}${prefix}/info`, headers, "the API description");
    if (!isRecord(info)) throw new Error(`${root}${prefix}/info did not return an API description.`);
    const apiInfo = {
      ...info,
      named_endpoints: isRecord(info["named_endpoints"]) ? info["named_endpoints"] : {},
      unnamed_endpoints: isRecord(info["unnamed_endpoints"]) ? info["unnamed_endpoints"] : {},
    } as unknown as ApiInfo;

    const session = new Session(root + prefix, options.session_hash ?? randomSessionHash(), headers, fetchImpl);
    session.withNullState = options.with_null_state === true;
    session.query = queryString(options.query);
    if (options.heartbeat) {
      const platform = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
      session.startHeartbeat(options.WebSocket === undefined ? (platform ?? null) : options.WebSocket);
    }
    const maxFileSize = typeof raw["max_file_size"] === "number" && raw["max_file_size"] >= 0 ? raw["max_file_size"] : null;
    const files: UploadContext = { base: root + prefix, headers, fetch: fetchImpl, platformFetch: userFetch === undefined, maxFileSize };
    return new Client(config, apiInfo, session, files);
  }

  /** The app's API description (`GET {api_prefix}/info`), as fetched when connecting. */
  view_api(): Promise<ApiInfo> {
    return Promise.resolve(this.#apiInfo);
  }

  /**
   * Calls an endpoint and resolves with its final output.
   *
   * @param endpoint `"/api_name"` (or `"api_name"`), or a dependency's numeric `fn_index`.
   * @param data Positional input values (State inputs may be left out), or keyword arguments
   *   by `/info` parameter name.
   * @throws ClientError with the app's error message (`title`, `duration` and `visible` copied
   *   on it) when the call fails or is cancelled; Error for an unknown endpoint or bad arguments.
   */
  async predict(
    endpoint: string | number,
    data?: unknown[] | Record<string, unknown>,
    options: CallOptions = {},
  ): Promise<PredictResult> {
    const job = this.submit(endpoint, data, options);
    let last: DataMessage | null = null;
    for await (const msg of job) {
      if (msg.type === "data") {
        last = msg;
      } else if (msg.type === "status") {
        if (msg.stage === "error") throw ClientError.fromStatus(msg);
        if (msg.stage === "cancelled") {
          throw new ClientError("The call was cancelled.", { code: "cancelled", status: msg, cause: options.signal?.reason });
        }
        if (msg.stage === "complete") {
          if (last === null) {
            throw new ClientError("The call completed without returning data.", { code: "protocol_error", status: msg });
          }
          return { type: "data", data: last.data, endpoint: last.endpoint, fn_index: last.fn_index, time: last.time };
        }
      }
    }
    throw new ClientError("The call ended without a final status.", { code: "protocol_error" });
  }

  /**
   * Starts a call and returns its {@link Job} at once: iterate it for status, data (one per
   * intermediate result of a generator, then the final one) and log messages.
   *
   * @example
   * for await (const msg of app.submit("/count", ["Ada"])) {
   *   if (msg.type === "data") console.log(msg.data);
   * }
   * @throws Error (synchronously) for an unknown endpoint, bad arguments, or a closed client.
   */
  submit(endpoint: string | number, data?: unknown[] | Record<string, unknown>, options: CallOptions = {}): Job {
    if (this.#session.closed) throw new Error("This client is closed; connect again to make calls.");
    const resolved = resolveEndpoint(this.config, endpoint);
    const args = resolveData(this.config, this.#apiInfo, resolved, data);
    const files = this.#files;
    const call = new Call(this.#session, this.config, resolved, args, options, (data, signal) =>
      uploadInData(data, (found) => uploadFiles(files, found, { signal })),
    );
    call.start();
    return call.job;
  }

  /**
   * Uploads files to the app (`POST {root}{api_prefix}/upload`) and resolves with their
   * FileData, in order, ready to pass as inputs. `predict` and `submit` do this by themselves
   * for every file in their data.
   *
   * @param files Blobs or Files, Buffers / Uint8Arrays / ArrayBuffers, or local paths from
   *   {@link handle_file} (Node).
   * @throws Error when a file is over the app's `max_file_size` (nothing is sent), or with the
   *   server's message when it refuses the upload (e.g. HTTP 413).
   * @example
   * const [file] = await app.upload([new Blob(["hello"], { type: "text/plain" })]);
   */
  upload(files: readonly Uploadable[], options: UploadOptions = {}): Promise<FileData[]> {
    return uploadFiles(this.#files, files, options);
  }

  /**
   * The URL a FileData is loaded from: its `url` (outputs carry one), else
   * `{root}{api_prefix}/file={path}`.
   */
  fileUrl(file: FileData): string {
    return fileUrl(this.#files.base, file);
  }

  /**
   * Downloads a file, usually an output FileData (`GET` its {@link Client.fileUrl}), with the
   * client's headers.
   *
   * @example
   * const { data } = await app.predict("/flip", [handle_file("./cat.png")]);
   * await writeFile("flipped.webp", await app.download(data[0] as FileData));
   * @throws Error with the server's message when it refuses (403, 404, …).
   */
  async download(file: FileData, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const url = this.fileUrl(file);
    let res: Response;
    try {
      res = await this.#files.fetch(url, { headers: { ...this.#files.headers }, signal: options.signal });
    } catch (err) {
      throw new Error(`Could not download ${url}: ${errorText(err)}`, { cause: err });
    }
    if (!res.ok) throw new Error(`Could not download ${url}: ${httpFailure(res, await readBody(res)).message}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /**
   * Sends one chunk of a streaming input (a webcam frame, a microphone chunk) to a running
   * `stream` event, as a binary frame on the session's live channel (Vitrine; see the server's
   * stream-inputs.ts for the format). Resolves false, sending nothing, when no live channel is
   * open (connect with `heartbeat: true`; a Gradio server has none): use {@link send_chunk} then.
   *
   * @param eventId The event's id (`await job.event_id`).
   * @param input The streamed component's position in the event's inputs.
   * @param chunk The chunk's encoded bytes (PNG/JPEG/WebP frame, WAV chunk, …).
   */
  async stream_chunk(eventId: string, input: number, chunk: Blob | Uint8Array, mimeType?: string): Promise<boolean> {
    const live = this.#session.live;
    if (!live) return false;
    const payload = chunk instanceof Uint8Array ? chunk : new Uint8Array(await chunk.arrayBuffer());
    const header = new TextEncoder().encode(
      JSON.stringify({ event_id: eventId, input, mime_type: mimeType ?? (chunk instanceof Blob ? chunk.type : "") }),
    );
    if (header.length > 255) throw new Error("stream_chunk: the event id is too long");
    const frame = new Uint8Array(2 + header.length + payload.length);
    frame[0] = 0x01;
    frame[1] = header.length;
    frame.set(header, 2);
    frame.set(payload, 2 + header.length);
    return live.send(frame);
  }

  /**
   * Gives a running `stream` event the current values of its inputs that do not stream (one
   * value per input; those of the streamed inputs are ignored), on the live channel: the runs on
   * the chunks sent after it see them. False when no live channel is open (use
   * {@link send_chunk}, which sends every value with each chunk). Files in them must be uploaded.
   */
  stream_inputs(eventId: string, data: unknown[]): boolean {
    const live = this.#session.live;
    if (!live) return false;
    return live.send(JSON.stringify({ type: "stream_inputs", event_id: eventId, data }));
  }

  /**
   * Gradio's `send_chunk`: gives a running `stream` event its new input values, whole
   * (`POST {api_prefix}/stream/{event_id}`); files in them are uploaded first.
   * @throws Error with the server's message when it refuses them.
   */
  async send_chunk(eventId: string, data: unknown[]): Promise<void> {
    const files = this.#files;
    const values = await uploadInData(data, (found) => uploadFiles(files, found, {}));
    await this.#streamPost(`/stream/${encodeURIComponent(eventId)}`, { data: values, session_hash: this.session_hash });
  }

  /** Ends a running `stream` event (its function stops being called, and the event completes). */
  async close_stream(eventId: string): Promise<void> {
    const live = this.#session.live;
    if (live?.send(JSON.stringify({ type: "close_stream", event_id: eventId }))) return;
    await this.#streamPost(`/stream/${encodeURIComponent(eventId)}/close`, { session_hash: this.session_hash });
  }

  /**
   * Calls `listener` with each error the server reports about streamed chunks (`{ event_id,
   * message }`: a chunk too large, too many a second, …). Returns a function that stops it.
   */
  on_stream_error(listener: (error: { event_id: string | null; message: string }) => void): () => void {
    const live = this.#session.live;
    if (!live) return () => undefined;
    return live.onMessage((m) => {
      if (m["type"] === "stream_error") listener({ event_id: typeof m["event_id"] === "string" ? m["event_id"] : null, message: String(m["message"] ?? "") });
    });
  }

  async #streamPost(path: string, body: unknown): Promise<void> {
    const res = await this.#session.post(path, body);
    const answer = await readBody(res);
    if (!res.ok) throw new Error(httpFailure(res, answer).message);
  }

  /**
   * Closes the client: aborts its open streams and requests; calls still running end with an
   * `error` status (`code: "closed"`). The server is not asked to cancel them.
   */
  close(): void {
    this.#session.close();
  }
}

/**
 * Connects to an app; the same as {@link Client.connect}.
 *
 * @example
 * const app = await connect("http://127.0.0.1:7860/");
 */
export function connect(url: string, options?: ClientOptions): Promise<Client> {
  return Client.connect(url, options);
}

/**
 * Logs in to an app launched with `auth` (`POST {base}/login`, form fields `username` and
 * `password`, as Gradio's clients send them) and adds the session cookie it sets to `headers`.
 */
async function logIn(fetchImpl: typeof fetch, base: string, auth: readonly [string, string], headers: Record<string, string>): Promise<void> {
  if (!Array.isArray(auth) || auth.length !== 2 || typeof auth[0] !== "string" || typeof auth[1] !== "string") {
    throw new TypeError("auth: give [username, password], two strings");
  }
  let res: Response;
  try {
    res = await fetchImpl(`${base}/login`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: auth[0], password: auth[1] }).toString(),
      credentials: "same-origin",
    });
  } catch (err) {
    throw new Error(`Could not log in to ${base}: ${errorText(err)}`, { cause: err });
  }
  if (res.status === 400 || res.status === 401) throw new Error(`Could not log in to ${base}: invalid credentials.`);
  if (!res.ok) throw new Error(`Could not log in to ${base}: ${httpFailure(res, await readBody(res)).message}`);
  const cookies = setCookies(res.headers).map((c) => c.split(";")[0]!.trim()).filter((c) => /^[^=\s]+=\S/.test(c));
  if (cookies.length === 0) return;
  const existing = headers["Cookie"] ?? headers["cookie"];
  delete headers["cookie"];
  headers["Cookie"] = [existing, ...cookies].filter(Boolean).join("; ");
}

/** The `Set-Cookie` headers of a response (none in a browser, which keeps the cookies itself). */
function setCookies(headers: Headers): string[] {
  const all = (headers as Headers & { getSetCookie?: () => string[] }).getSetCookie?.();
  if (all) return all;
  const joined = headers.get("set-cookie");
  return joined ? joined.split(/,(?=\s*[^\s=;,]+=)/) : [];
}

async function getJson(fetchImpl: typeof fetch, url: string, headers: Record<string, string>, what: string): Promise<unknown> {
  let res: Response;
  let body: unknown;
  try {
    res = await fetchImpl(url, { headers });
    body = await readBody(res);
  } catch (err) {
    throw new Error(`Could not load ${what} from ${url}: ${errorText(err)}`, { cause: err });
  }
  if (!res.ok) throw new Error(`Could not load ${what} from ${url}: ${httpFailure(res, body).message}`);
  return body;
}

/** A random base-36 session hash of 11 characters. */
function randomSessionHash(): string {
  const bytes = new Uint8Array(11);
  const crypto = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let hash = "";
  for (const b of bytes) hash += (b % 36).toString(36);
  return hash;
}

/** `?a=1&b=2` for query parameters given as a string, a record or URLSearchParams; "" for none. */
function queryString(query: ClientOptions["query"]): string {
  if (query === undefined || query === null) return "";
  const params = new URLSearchParams(query as string | Record<string, string> | URLSearchParams);
  const text = params.toString();
  return text ? `?${text}` : "";
}
