/**
 * `@vitrine/client`: call any Vitrine or Gradio (5.x/6.x, `sse_v3`) app from Node 20+ or a
 * browser, with nothing but the platform's `fetch`, streams and `AbortController`.
 *
 * @example
 * import { Client } from "@vitrine/client";
 * const app = await Client.connect("http://127.0.0.1:7860/");
 * const { data } = await app.predict("/predict", ["Ada"]);
 */
export { FILE_DATA_TYPE, isFileData, type FileData } from "@vitrine/core";
export { Client, connect } from "./client.js";
export { ClientError } from "./errors.js";
export { FileCommand, handle_file, type FileSource, type UploadOptions, type Uploadable } from "./files.js";
export type {
  CallOptions,
  ClientOptions,
  DataMessage,
  Job,
  JobMessage,
  LogMessage,
  PredictResult,
  StatusMessage,
} from "./types.js";
export type { WebSocketConstructor, WebSocketLike } from "./live.js";
export { isRenderConfig, mergeRenderConfig } from "./render.js";
