/**
 * The serialized app config (`GET /config`). Its shape follows Gradio's so that Gradio's
 * clients can read it; `ui_modules` is Vitrine's addition, read by Vitrine's page.
 */
export interface AppConfig {
  /** The Gradio version whose protocol the server speaks (`PROTOCOL_VERSION`). */
  version: string;
  /** The Vitrine version that serves the app. */
  vitrine_version: string;
  /** The queue's streaming protocol (Gradio's SSE v3). */
  protocol: "sse_v3";
  /** Path prefix of the API routes. */
  api_prefix: string;
  /** Absolute public URL of the app, no trailing slash; set per request by the server. */
  root?: string;
  /** What built the app: Blocks, an Interface or a ChatInterface. */
  mode: "blocks" | "interface" | "chat_interface";
  /** The page title. */
  title: string;
  /** CSS added to the page, or null. */
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
  /** Always true: every event can go through the queue. */
  enable_queue: boolean;
  /** Always false: the page needs no heartbeat. */
  connect_heartbeat: boolean;
  /** Whether the page's footer links to the API page. */
  show_api: boolean;
  /** Whether queued endpoints also answer direct calls at `{api_prefix}/run/<api_name>` (Gradio's `api_open`). */
  api_open: boolean;
  /** Whether error messages other than `vt.Error` reach the page. */
  show_error: boolean;
  /** An id of this app run, for clients that cache per app. */
  app_id: number;
  /** Always null (no Hugging Face Space). */
  space_id: null;
  /** Largest upload in bytes, or null for no limit. */
  max_file_size: number | null;
  /** Config of every block, layouts included. */
  components: ComponentConfig[];
  /** Every event wiring. */
  dependencies: DependencyConfig[];
  /** The layout tree, from the root block. */
  layout: LayoutNode;
  /** Browser module URL of each block type's view, relative to `root` (Vitrine only). */
  ui_modules: Record<string, string>;
}

/** A block in the config's `components` list. */
export interface ComponentConfig {
  /** The block's id. */
  id: number;
  /** Lower-case type name (`"textbox"`, `"row"`, …). */
  type: string;
  /** Config props the browser view reads. */
  props: Record<string, unknown> & { interactive?: boolean };
  /** Whether the block stays out of the API description (layouts). */
  skip_api: boolean;
  /** The block's class for Gradio's clients (its type name). */
  component_class_id: string;
  /** The `key` that keeps the block's value across `vt.render` runs, or null. */
  key: string | number | null;
  /** The JSON schema of the block's value, for the API description. */
  api_info?: Record<string, unknown>;
  /** An example payload, for the API page. */
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
  /** The wiring's `fn_index`. */
  id: number;
  /** `[block id, event name]` pairs that trigger it. */
  targets: [number, string][];
  /** Ids of the blocks whose values the function gets. */
  inputs: number[];
  /** Ids of the blocks that take its results. */
  outputs: number[];
  /** Whether a server function runs (false for a `js`-only listener). */
  backend_fn: boolean;
  /** Source of a function run in the page first, or null. */
  js: string | null;
  /** Whether calls go through the queue. */
  queue: boolean;
  /** Name of the API endpoint, or null when unnamed. */
  api_name: string | null;
  /** Whether the endpoint is listed, callable but unlisted, or closed to clients. */
  api_visibility: "public" | "undocumented" | "private";
  /** Whether the API page lists the endpoint. */
  show_api: boolean;
  /** The endpoint's description on the API page, or null. */
  api_description: string | null;
  /** Whether the function is a generator, and whether it only cancels others. */
  types: { generator: boolean; cancel: boolean };
  /** `"stream"` for a listener of a `stream` event (its inputs stream chunks while it runs), else `"sse"`. */
  connection: "sse" | "stream";
  /** `fn_index` of the events this one cancels. */
  cancels: number[];
  /** Whether the function takes batches of calls. */
  batch: boolean;
  /** Most calls in one batch. */
  max_batch_size: number;
  /** Most runs at once in its concurrency group; null for no limit, "default" for the queue's. */
  concurrency_limit: number | null | "default";
  /** The concurrency group the event shares limits with. */
  concurrency_id: string;
  /** How much progress the page shows while it runs. */
  show_progress: "full" | "minimal" | "hidden";
  /** What another trigger during a run does: ignored, queued, or kept as the last one to run. */
  trigger_mode: "once" | "multiple" | "always_last";
  /** `fn_index` of the event after which this one runs, or null. */
  trigger_after: number | null;
  /** Whether it runs only when the previous event succeeded. */
  trigger_only_on_success: boolean;
  /** Whether it runs only when the previous event failed. */
  trigger_only_on_failure: boolean;
  /** Seconds between re-runs while the page is open (Vitrine and Gradio 3/4). */
  every: number | null;
  /** Whether the page scrolls to the outputs when it completes. */
  scroll_to_output: boolean;
  /** Whether the function gets the event's data. */
  collects_event_data: boolean;
  /** The `vt.render` region this dependency was created in (rebuilt with it), or null. */
  rendered_in: number | null;
  /** For a `vt.render` dependency: the id of the region it rebuilds; else null. */
  render_id: number | null;
  /** For a `stream` event: the longest a stream runs, in seconds (null: no limit). */
  time_limit: number | null;
  /** For a `stream` event: seconds between two chunks the page sends. */
  stream_every: number;
  /** Always null (Gradio's per-event arguments). */
  event_specific_args: null;
  /** Always empty (Gradio's component props as inputs). */
  component_prop_inputs: number[];
  /** Always null (Gradio's JS transpilation of the function). */
  js_implementation: null;
  /** Always null: progress shows on the outputs. */
  show_progress_on: null;
}

/** The layout tree: the root's id, then nested children by id. */
export interface LayoutNode {
  /** Id of the block at this node. */
  id: number;
  /** The nodes of the blocks it holds, in order. */
  children?: LayoutNode[];
}

/** One parameter or return value in the API description. */
export interface ApiParameter {
  /** The component's label. */
  label: string;
  /** The parameter's name in calls by keyword. */
  parameter_name?: string;
  /** Whether the parameter can be left out. */
  parameter_has_default?: boolean;
  /** The value used when it is left out. */
  parameter_default?: unknown;
  /** JSON schema of the value. */
  type: Record<string, unknown>;
  /** The value's type as Gradio's Python client shows it. */
  python_type: { type: string; description: string };
  /** Display name of the component. */
  component: string;
  /** An example value, for the API page. */
  example_input?: unknown;
}

/** One named endpoint in the API description. */
export interface ApiEndpoint {
  /** The endpoint's inputs, in order. */
  parameters: ApiParameter[];
  /** The endpoint's outputs, in order. */
  returns: ApiParameter[];
  /** Always public: only public endpoints are listed. */
  api_visibility: "public";
  /** Always true: listed endpoints are shown. */
  show_api: true;
  /** The endpoint's description, or "". */
  description: string;
}

/** `GET /gradio_api/info`. */
export interface ApiInfo {
  /** Endpoints by API name (`/predict`, …). */
  named_endpoints: Record<string, ApiEndpoint>;
  /** Endpoints without a name, by `fn_index`. */
  unnamed_endpoints: Record<string, ApiEndpoint>;
}

/** The Gradio version whose protocol Vitrine speaks; clients parse it (must be > 4.29). */
export const PROTOCOL_VERSION = "6.25.0";
/** The prefix of every API route. */
export const API_PREFIX = "/gradio_api";
