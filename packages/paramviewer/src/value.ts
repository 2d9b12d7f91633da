/**
 * ParamViewer values: what a function returns (loose: a default may be any JSON value) and what
 * travels on the wire (Gradio's format: strings or null). Shared by the server side and the view.
 */

/** One parameter as the wire carries it and the view shows it (Gradio's `Parameter`). */
export interface Parameter {
  /** The parameter's type, as code (`"str"`, `"number | null"`), or null when unknown. */
  type: string | null;
  /** What it does, in Markdown. */
  description: string;
  /** Its default, as code (`"None"`, `"3"`, `'"Ada"'`), or null for none. */
  default: string | null;
}

/** Parameters by name, in order: the ParamViewer's value. */
export type ParamViewerValue = Record<string, Parameter>;

/** One parameter as a function may give it: any field may be left out, a default may be any JSON value. */
export interface ParameterInput {
  /** The parameter's type, as text. */
  type?: string | null;
  /** What the parameter is for (Markdown). */
  description?: string | null;
  /** Its default value. */
  default?: unknown;
}

/** Parameters by name, as a function may give them. */
export type ParamViewerInput = Record<string, ParameterInput>;

/** A value of the wrong shape; its message names the parameter and field at fault. */
export class ParameterShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ParameterShapeError";
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A default as code: strings as they are, numbers and booleans as written, other values as JSON. */
function defaultText(value: unknown, where: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (typeof value === "function" || typeof value === "symbol") {
    throw new ParameterShapeError(`${where}: a default must be a string or a JSON value, got a ${typeof value}`);
  }
  try {
    return JSON.stringify(value);
  } catch (err) {
    throw new ParameterShapeError(`${where}: the default cannot be written as JSON (${(err as Error).message})`);
  }
}

/**
 * Checks a value and puts it in the wire's shape: an object of parameter objects, each with
 * `type` (string or null), `description` (string) and `default` (string or null). `strict`
 * (values from a browser or a client) takes only strings or null for `default`.
 *
 * @throws ParameterShapeError naming the parameter and field at fault.
 */
export function normalizeParameters(value: unknown, { strict = false }: { strict?: boolean } = {}): ParamViewerValue {
  if (value === null || value === undefined) return {};
  if (!isPlainObject(value)) {
    throw new ParameterShapeError(
      `expected an object of parameters ({ name: { type, description, default } }), got ${Array.isArray(value) ? "an array" : typeof value}`,
    );
  }
  const out: ParamViewerValue = {};
  for (const [name, param] of Object.entries(value)) {
    const where = `parameter "${name}"`;
    if (!isPlainObject(param)) {
      throw new ParameterShapeError(`${where}: expected an object with type, description and default, got ${param === null ? "null" : Array.isArray(param) ? "an array" : typeof param}`);
    }
    const { type = null, description = "", default: def = null } = param;
    if (type !== null && typeof type !== "string") throw new ParameterShapeError(`${where}: type must be a string or null, got ${typeof type}`);
    if (description !== null && typeof description !== "string") {
      throw new ParameterShapeError(`${where}: description must be a string, got ${typeof description}`);
    }
    if (strict && def !== null && typeof def !== "string") throw new ParameterShapeError(`${where}: default must be a string or null, got ${typeof def}`);
    out[name] = { type, description: description ?? "", default: defaultText(def, where) };
  }
  return out;
}
