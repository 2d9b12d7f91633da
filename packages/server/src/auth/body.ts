/**
 * Reads the body of `POST /login`: form fields `username` and `password`, sent urlencoded (a
 * browser form, Python's `gradio_client`) or as multipart `FormData` (Gradio's page and
 * `@gradio/client`). Small bodies only.
 */
import type { IncomingMessage } from "node:http";
import busboy from "busboy";
import { HttpError } from "../http.js";

/** Largest login body, in bytes. */
const MAX_LOGIN_BODY = 16 * 1024;

/** The fields of a login form. */
export interface LoginFields {
  username: string;
  password: string;
}

/** Reads the login form; rejects with an {@link HttpError} (400, 413 or 415) when it cannot. */
export function readLoginForm(req: IncomingMessage): Promise<LoginFields> {
  const type = req.headers["content-type"] ?? "";
  if (/^\s*multipart\/form-data/i.test(type)) return readMultipart(req);
  if (/^\s*application\/x-www-form-urlencoded/i.test(type)) {
    return readText(req).then((text) => fields(new URLSearchParams(text)));
  }
  req.resume();
  return Promise.reject(new HttpError(415, "Send the login as a form: application/x-www-form-urlencoded or multipart/form-data, with fields username and password"));
}

function fields(get: { get(name: string): string | null }): LoginFields {
  const username = get.get("username");
  const password = get.get("password");
  if (username === null || password === null) throw new HttpError(400, "The login form needs the fields username and password");
  return { username, password };
}

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_LOGIN_BODY) {
        req.removeAllListeners("data");
        req.resume();
        reject(new HttpError(413, "The login form is too large"));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function readMultipart(req: IncomingMessage): Promise<LoginFields> {
  return new Promise((resolve, reject) => {
    const values = new Map<string, string>();
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: 0, fields: 8, fieldSize: MAX_LOGIN_BODY, parts: 8 } });
    } catch (err) {
      req.resume();
      reject(new HttpError(400, `Malformed login form: ${(err as Error).message}`));
      return;
    }
    let tooLarge = false;
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) tooLarge = true;
      if (!values.has(name)) values.set(name, value);
    });
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("error", (err: Error) => {
      req.resume();
      reject(new HttpError(400, `Malformed login form: ${err.message}`));
    });
    parser.on("close", () => {
      if (tooLarge) return reject(new HttpError(413, "The login form is too large"));
      try {
        resolve(fields({ get: (name) => values.get(name) ?? null }));
      } catch (err) {
        reject(err);
      }
    });
    req.pipe(parser);
  });
}
