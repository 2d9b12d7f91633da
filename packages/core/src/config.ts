/**
 * The serialized app config (`GET /config`). Its shape follows Gradio's so that Gradio's
 * clients can read it; `ui_modules` is Vitrine's addition, read by Vitrine's page.
 */
export interface AppConfig {
  version: string;
  vitrine_version: string;
  protocol: "sse_v3";
  api_prefix: string;
  /** Absolute public URL of the app, no trailing slash; set per request by the server. */
  root?: string;
  mode: "blocks" | "interface" | "chat_interface";
  title: string;
  css: string | null;
  /** The theme's name (its stylesheet is in the page and at `/theme.css`). */
  theme: string;
  /** A function run in the page once it has loaded (its source), or null. */
  js: string | null;
  /** HTML the server put in the page's head, or null. */
  head: string | null;
  /** Whether the app fills the window's height. */
  fill_height: boolean;
  /** Whether the app spans the window's width. */
  fill_width: boolean;
  enable_queue: boolean;
  connect_heartbeat: boolean;
  /** Whether the page's footer links to the API page. */
  show_api: boolean;
  /** Whether queued endpoints also answer direct calls at `{api_prefix}/run/<api_name>` (Gradio's `api_open`). */
  api_open: boolean;
  show_error: boolean;
  app_id: number;
  space_id: null;
  max_file_size: number | null;
  components: ComponentConfig[];
  dependencies: DependencyConfig[];
  layout: LayoutNode;
  /** Browser module URL of each block type's view, relative to `root` (Vitrine only). */
  ui_modules: Record<string, string>;
}

/** A block in the config's `components` list. */
export interface ComponentConfig {
  id: number;
  type: string;
  props: Record<string, unknown> & { interactive?: boolean };
  skip_api: boolean;
  component_class_id: string;
  key: string | number | null;
  api_info?: Record<string, unknown>;
  example_inputs?: unknown;
  /** The `vt.render` region this block was created in, if any (Vitrine only). */
  rendered_in?: number | null;
}

/**
 * What a `vt.render` run sends back in its `process_completed` output: the blocks and
 * listeners of the rebuilt region, which replace the ones of its previous run.
 */
export interface RenderConfig {
  /** The id of the `render` block whose region this is. */
  render_id: number;
  /** The region's layout: the render block and its new children. */
  layout: LayoutNode;
  /** Config of every block created in the region. */
  components: ComponentConfig[];
  /** Listeners created in the region (each has `rendered_in: render_id`). */
  dependencies: DependencyConfig[];
  /** Browser module URL of each block type's view used in the region, relative to the app's root (Vitrine only). */
  ui_modules?: Record<string, string>;
}

/** One event wiring in the config's `dependencies` list; `id` is the wire `fn_index`. */
export interface DependencyConfig {
  id: number;
  targets: [number, string][];
  inputs: number[];
  outputs: number[];
  backend_fn: boolean;
  js: string | null;
  queue: boolean;
  api_name: string | null;
  api_visibility: "public" | "undocumented" | "private";
  show_api: boolean;
  api_description: string | null;
  types: { generator: boolean; cancel: boolean };
  /** `"stream"` for a listener of a `stream` event (its inputs stream chunks while it runs), else `"sse"`. */
  connection: "sse" | "stream";
  cancels: number[];
  batch: boolean;
  max_batch_size: number;
  concurrency_limit: number | null | "default";
  concurrency_id: string;
  show_progress: "full" | "minimal" | "hidden";
  trigger_mode: "once" | "multiple" | "always_last";
  trigger_after: number | null;
  trigger_only_on_success: boolean;
  trigger_only_on_failure: boolean;
  /** Seconds between re-runs while the page is open (Vitrine and Gradio 3/4). */
  every: number | null;
  scroll_to_output: boolean;
  collects_event_data: boolean;
  /** The `vt.render` region this dependency was created in (rebuilt with it), or null. */
  rendered_in: number | null;
  /** For a `vt.render` dependency: the id of the region it rebuilds; else null. */
  render_id: number | null;
  /** For a `stream` event: the longest a stream runs, in seconds (null: no limit). */
  time_limit: number | null;
  /** For a `stream` event: seconds between two chunks the page sends. */
  stream_every: number;
  event_specific_args: null;
  component_prop_inputs: number[];
  js_implementation: null;
  show_progress_on: null;
}

/** The layout tree: the root's id, then nested children by id. */
export interface LayoutNode {
  id: number;
  children?: LayoutNode[];
}

/** One parameter or return value in the API description. */
export interface ApiParameter {
  label: string;
  parameter_name?: string;
  parameter_has_default?: boolean;
  parameter_default?: unknown;
  type: Record<string, unknown>;
  python_type: { type: string; description: string };
  component: string;
  example_input?: unknown;
}

/** One named endpoint in the API description. */
export interface ApiEndpoint {
  parameters: ApiParameter[];
  returns: ApiParameter[];
  api_visibility: "public";
  show_api: true;
  description: string;
}

/** `GET /gradio_api/info`. */
export interface ApiInfo {
  named_endpoints: Record<string, ApiEndpoint>;
  unnamed_endpoints: Record<string, ApiEndpoint>;
}

/** The Gradio version whose protocol Vitrine speaks; clients parse it (must be > 4.29). */
export const PROTOCOL_VERSION = "6.25.0";
/** The prefix of every API route. */
export const API_PREFIX = "/gradio_api";
