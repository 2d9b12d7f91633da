/**
 * `POST {API_PREFIX}/component_server/` (and without the trailing slash): calls one of a
 * component's server functions, as Gradio's route does for its components' `@server` methods
 * (FileExplorer's `ls`). The JSON body is `{ session_hash, component_id, fn_name, data }`; the
 * answer is the function's result as JSON. A component a session's `vt.render` run made is found
 * by the body's session_hash.
 *
 * Errors, each a JSON `{ detail }`: 400 for a body of another shape; 404 for an unknown
 * component or a function it does not declare (`Component.serverFunctions()`); 400 with its
 * message when the function throws a `vt.Error` (a refused path, bad data); 500 for any other
 * throw (logged; the server keeps serving). Gradio's multipart form of the body (for binary
 * data) is not taken.
 */
import type { Request, Response } from "express";
import { Component, isUserError, type AnyComponent, type Block, type BlocksApp } from "@vitrine/core";
import { sendJson } from "./http.js";

/** A parsed component-server call. */
export interface ComponentServerCall {
  sessionHash: string;
  componentId: number;
  fnName: string;
  data: unknown;
}

/** A call the route refuses, with its status. */
export class ComponentServerError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Checks the body's shape; throws a 400 {@link ComponentServerError} naming what is wrong. */
export function parseComponentServerBody(body: unknown): ComponentServerCall {
  const usage = 'send JSON like {"session_hash": "abc", "component_id": 3, "fn_name": "ls", "data": []}';
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ComponentServerError(400, `Invalid component_server body: ${usage}`);
  const b = body as Record<string, unknown>;
  const id = b.component_id;
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0)
    throw new ComponentServerError(400, `Invalid component_server body: component_id must be a component's id (an integer); ${usage}`);
  if (typeof b.fn_name !== "string" || b.fn_name === "")
    throw new ComponentServerError(400, `Invalid component_server body: fn_name must be a function's name; ${usage}`);
  if (b.session_hash !== undefined && typeof b.session_hash !== "string")
    throw new ComponentServerError(400, `Invalid component_server body: session_hash must be a string; ${usage}`);
  return { sessionHash: (b.session_hash as string | undefined) ?? "", componentId: id, fnName: b.fn_name, data: b.data ?? null };
}

/** The app's components by id, found once (the app's blocks do not change once it serves). */
function componentIndex(app: BlocksApp): Map<number, AnyComponent> {
  const byId = new Map<number, AnyComponent>();
  for (const block of app.blocks()) if (block instanceof Component) byId.set(block.id, block);
  return byId;
}

/** Runs component-server calls against one app's components. */
export class ComponentServer {
  private index: Map<number, AnyComponent> | null = null;

  /**
   * @param rendered Finds a block a session's `vt.render` run made (looked up first, as Gradio
   *   looks in the session's state before the app's blocks).
   */
  constructor(
    private readonly app: BlocksApp,
    private readonly rendered?: (sessionHash: string, id: number) => Block | undefined,
  ) {}

  /** Runs a call; rejects with a {@link ComponentServerError} for an unknown component or function. */
  async call(call: ComponentServerCall): Promise<unknown> {
    const own = this.rendered?.(call.sessionHash, call.componentId);
    const component = own instanceof Component ? own : (this.index ??= componentIndex(this.app)).get(call.componentId);
    if (!component) throw new ComponentServerError(404, `No component with id ${call.componentId} in this app`);
    const functions = component.serverFunctions();
    const fn = Object.hasOwn(functions, call.fnName) ? functions[call.fnName] : undefined;
    if (typeof fn !== "function") {
      const names = Object.keys(functions);
      throw new ComponentServerError(
        404,
        `Component ${call.componentId} (${component.type}) has no server function "${call.fnName}"` +
          (names.length ? `; it has: ${names.join(", ")}` : "; it has none"),
      );
    }
    return await fn(call.data, { session_hash: call.sessionHash });
  }

  /** The express handler (the JSON body already read into `req.body`). */
  handle = (req: Request, res: Response): void => {
    let call: ComponentServerCall;
    try {
      call = parseComponentServerBody(req.body);
    } catch (err) {
      return answerError(res, err);
    }
    this.call(call).then(
      (result) => sendJson(res, 200, result === undefined ? null : result),
      (err: unknown) => answerError(res, err),
    );
  };
}

function answerError(res: Response, err: unknown): void {
  if (res.headersSent) return;
  if (err instanceof ComponentServerError) return sendJson(res, err.status, { detail: err.message });
  if (isUserError(err)) return sendJson(res, 400, { detail: err.message });
  console.error("[vitrine] a component server function failed:", err);
  sendJson(res, 500, { detail: "Internal server error" });
}
