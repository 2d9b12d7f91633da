import { Block, Container, rootScope } from "./block.js";
import { blockConfig, dependencyConfig, layoutOf, markRenderDependency, renderSourceOf } from "./blocks.js";
import { Component, type AnyComponent } from "./component.js";
import type { RenderConfig } from "./config.js";
import {
  Dependency,
  listen,
  type ArgsOf,
  type ComponentList,
  type DependencyRegistry,
  type EventListener,
  type EventTarget,
} from "./events.js";

/** Options of {@link render}. */
export interface RenderOptions<I extends ComponentList | undefined> {
  /** Components whose values the build function receives. */
  inputs?: I;
  /**
   * Events that rebuild the region. Default: the page's `load`, and `change` of every input
   * (as Gradio's `@gr.render`).
   */
  triggers?: EventListener | readonly EventListener[] | null;
  /** Whether rebuilds go through the queue (default true). */
  queue?: boolean;
  /** What a trigger does while a rebuild is pending (default "always_last"). */
  trigger_mode?: "once" | "multiple" | "always_last";
  /** How many rebuilds may run at once (default: the app's default). */
  concurrency_limit?: number | null | "default";
  /** Rebuilds sharing a concurrency id share one limit. */
  concurrency_id?: string | null;
  /** How progress shows over the region while it rebuilds. Default "hidden". */
  show_progress?: "full" | "minimal" | "hidden";
}

/** The build function of a render region: it creates blocks and listeners, synchronously. */
export type RenderFn<I> = (...args: ArgsOf<I>) => void;

/** Gives rendered dependencies their `fn_index`: one counter per app, never reused. */
export type FnIndexAllocator = () => number;

/**
 * One run of a render region's build function: the blocks and listeners it created. Listeners
 * register here (not in the app), so they live as long as this run.
 */
export class RenderedRegion extends Container implements DependencyRegistry {
  readonly type = "render";
  /** Listeners created by this run, by `fn_index`. */
  readonly dependencies = new Map<number, Dependency>();

  constructor(
    readonly owner: RenderBlock,
    private readonly allocate: FnIndexAllocator,
  ) {
    super({ render: false });
  }

  /** Adds an event wiring made in this region, with an `fn_index` from the app; returns it. */
  registerDependency(dep: Dependency): number {
    const id = this.allocate();
    dep.apiName = null;
    this.dependencies.set(id, dep);
    return id;
  }

  /** Every block created by this run (the region's layout tree). */
  blocks(): Block[] {
    const out: Block[] = [];
    const walk = (block: Block): void => {
      out.push(block);
      if (block instanceof Container) block.children.forEach(walk);
    };
    this.children.forEach(walk);
    return out;
  }

  /** Component classes used in this run, one per type (their views may be new to the page). */
  componentTypes(): Map<string, AnyComponent> {
    const types = new Map<string, AnyComponent>();
    for (const b of this.blocks()) if (b instanceof Component && !types.has(b.type)) types.set(b.type, b);
    return types;
  }

  /** The region as the page merges it: its layout, blocks and listeners. */
  config(): RenderConfig {
    const renderId = this.owner.id;
    const deps = [...this.dependencies.values()];
    const all = [...deps, ...this.owner.appDependencies()];
    const inputIds = new Set(all.flatMap((d) => d.inputs.map((c) => c.id)));
    const outputIds = new Set(all.flatMap((d) => d.outputs.map((c) => c.id)));
    return {
      render_id: renderId,
      layout: { id: renderId, children: this.children.map(layoutOf) },
      components: this.blocks().map((b) => ({
        ...blockConfig(b, inputIds.has(b.id), outputIds.has(b.id)),
        rendered_in: renderId,
      })),
      dependencies: deps.map((d) => dependencyConfig(d, { rendered_in: renderId })),
    };
  }
}

/**
 * A region of the page rebuilt by a function whenever its triggers fire (Gradio's
 * `@gr.render`). Create it with {@link render}.
 */
export class RenderBlock extends Container {
  readonly type = "render";
  /** The dependency that rebuilds the region (its `fn_index` is what the page calls). */
  readonly dependency: Dependency;
  private readonly registry: DependencyRegistry & { dependencies?: readonly Dependency[] };

  constructor(
    options: RenderOptions<ComponentList | undefined>,
    private readonly buildFn: (...args: unknown[]) => void,
  ) {
    super({});
    const root = rootScope();
    if (!root || typeof (root as Partial<DependencyRegistry>).registerDependency !== "function") {
      throw new Error("vt.render must be called inside a Blocks builder callback");
    }
    this.registry = root as unknown as DependencyRegistry;
    const inputs: readonly AnyComponent[] =
      options.inputs === undefined ? [] : Array.isArray(options.inputs) ? options.inputs : [options.inputs as AnyComponent];
    const triggers: EventTarget[] = options.triggers
      ? (Array.isArray(options.triggers) ? options.triggers : [options.triggers as EventListener]).map((t) => [t.block, t.event] as const)
      : [[root, "load"], ...inputs.map((c) => [c, "change"] as const)];
    const region = this;
    this.dependency = listen(triggers, {
      // The server runs a render through `rebuild`; called directly, it builds and drops a region.
      fn: function render(...args: unknown[]) {
        region.rebuild(args.slice(0, inputs.length), counter());
      } as never,
      inputs: inputs as never,
      outputs: [] as never,
      api_name: false,
      show_api: false,
      queue: options.queue,
      trigger_mode: options.trigger_mode ?? "always_last",
      concurrency_limit: options.concurrency_limit,
      concurrency_id: options.concurrency_id,
      show_progress: options.show_progress ?? "hidden",
    });
    markRenderDependency(this.dependency, this);
  }

  /** The app's own dependencies (to tell which rendered blocks are inputs or outputs). */
  appDependencies(): readonly Dependency[] {
    return this.registry.dependencies ?? [];
  }

  /**
   * Runs the build function with the inputs' values (already preprocessed) and returns the
   * region it made. The function must build synchronously: a promise is refused.
   */
  rebuild(args: readonly unknown[], allocate: FnIndexAllocator): RenderedRegion {
    const region = new RenderedRegion(this, allocate);
    const result = region.build(() => this.buildFn(...args));
    if (typeof (result as PromiseLike<unknown> | null | undefined)?.then === "function") {
      throw new TypeError("vt.render's function must create its blocks synchronously; it returned a promise");
    }
    return region;
  }
}

/** The render block a dependency rebuilds, or null for any other dependency. */
export function renderBlockOf(dep: Dependency): RenderBlock | null {
  const source = renderSourceOf(dep);
  return source instanceof RenderBlock ? source : null;
}

function counter(): FnIndexAllocator {
  let next = 0;
  return () => next++;
}

/**
 * A region of the page rebuilt by `fn` from the values of `inputs` whenever its triggers
 * fire (Gradio's `@gr.render`): by default when the page loads and when an input changes.
 * Blocks and listeners created in `fn` work like any other; each rebuild replaces them.
 *
 * @example
 * const text = vt.Textbox({ label: "words" });
 * vt.render({ inputs: [text] }, (words) => {
 *   for (const word of words.split(" ").filter(Boolean)) vt.Button(word);
 * });
 */
export function render(fn: () => void): RenderBlock;
export function render<const I extends ComponentList | undefined = undefined>(
  options: RenderOptions<I>,
  fn: NoInfer<RenderFn<I>>,
): RenderBlock;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function render(a: RenderOptions<any> | (() => void), b?: (...args: any[]) => void): RenderBlock {
  const [options, fn] =
    typeof a === "function" ? [{}, a as (...args: unknown[]) => void] : [a, b as ((...args: unknown[]) => void) | undefined];
  if (typeof fn !== "function") throw new TypeError("vt.render needs a build function");
  return new RenderBlock(options, fn as (...args: unknown[]) => void);
}
