import type { BlocksApp, Dependency } from "@vitrine/core";

/** A request body rejected before anything was queued. */
export class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A validated join (or run) request. */
export interface CallRequest {
  dependency: Dependency;
  data: unknown[];
  sessionHash: string;
  eventData: unknown;
  triggerId: number | null;
}

/**
 * Checks a `/queue/join` or `/run` body: a JSON object with a `data` array matching the
 * function's inputs, a known `fn_index` (or the endpoint's api name), and a session hash.
 */
export function parseCall(
  app: BlocksApp,
  body: unknown,
  options: {
    apiName?: string;
    requireSession: boolean;
    /** Finds a listener a `vt.render` region created in this session. */
    rendered?: (sessionHash: string, fnIndex: number) => Dependency | undefined;
  },
): CallRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new BadRequest(400, "Request body must be a JSON object like {\"data\": [...], \"fn_index\": 0, \"session_hash\": \"...\"}");
  }
  const b = body as Record<string, unknown>;
  const hash = b.session_hash;
  if (hash !== undefined && hash !== null && (typeof hash !== "string" || hash.length === 0 || hash.length > 256)) {
    throw new BadRequest(400, "\"session_hash\" must be a non-empty string");
  }
  const rendered =
    typeof hash === "string" && typeof b.fn_index === "number" && options.rendered
      ? options.rendered(hash, b.fn_index)
      : undefined;
  const dependency = rendered ?? findDependency(app, b.fn_index, options.apiName);
  if (!Array.isArray(b.data)) throw new BadRequest(422, "\"data\" must be an array of input values");
  if (b.data.length !== dependency.inputs.length) {
    throw new BadRequest(
      422,
      `Function ${label(dependency)} takes ${dependency.inputs.length} input(s) but received ${b.data.length}`,
    );
  }
  if (options.requireSession && typeof hash !== "string") throw new BadRequest(400, "Session hash not found.");
  const triggerId = typeof b.trigger_id === "number" ? b.trigger_id : null;
  return {
    dependency,
    data: b.data,
    sessionHash: typeof hash === "string" ? hash : randomHash(),
    eventData: b.event_data ?? null,
    triggerId,
  };
}

function findDependency(app: BlocksApp, fnIndex: unknown, apiName?: string): Dependency {
  if (fnIndex !== undefined && fnIndex !== null) {
    if (typeof fnIndex !== "number" || !Number.isInteger(fnIndex)) {
      throw new BadRequest(422, "\"fn_index\" must be an integer");
    }
    const dep = app.dependency(fnIndex);
    if (!dep) {
      throw new BadRequest(404, `Unknown fn_index ${fnIndex}: this app has ${app.dependencies.length} function(s)`);
    }
    return dep;
  }
  if (apiName && apiName !== "predict") {
    const dep = app.dependencyByApiName(apiName);
    if (dep) return dep;
    throw new BadRequest(404, `Unknown endpoint /${apiName}`);
  }
  if (apiName === "predict") {
    const dep = app.dependencyByApiName("predict");
    if (dep) return dep;
  }
  throw new BadRequest(422, "\"fn_index\" is required");
}

function label(dep: Dependency): string {
  return dep.apiName ? `/${dep.apiName}` : `#${dep.id}`;
}

function randomHash(): string {
  return Math.random().toString(36).slice(2, 13);
}
