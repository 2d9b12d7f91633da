import { beforeAll, describe, expect, it } from "@jest/globals";
import {
  Blocks,
  Component,
  Row,
  hasValueFunction,
  registerEveryTimer,
  valueFunctionEvent,
  type ApiDescription,
  type ComponentProps,
  type Listeners,
  type TimerLike,
} from "./index.js";
import { Field, FieldComponent } from "../test/fixtures.js";

/** A stand-in for `@vitrine/timer` (core cannot depend on it): a component that fires `tick`. */
class TickerComponent extends Component<number, number, number> {
  static override readonly events = ["tick"] as const;
  readonly type = "timer";
  readonly ui = { file: "/dev/null" };
  api(): ApiDescription {
    return { type: { type: "number" }, python_type: { type: "float", description: "" } };
  }
}
interface TickerComponent extends Listeners<"tick"> {}

/** A component that calls a function value itself, as State does. */
class OwnFunctionComponent extends FieldComponent {
  static override readonly ownsValueFunction = true;
}

/** A number field, for inputs. */
class CountComponent extends Component<number, number, number> {
  static override readonly events = ["change"] as const;
  readonly type = "count";
  readonly ui = { file: "/dev/null" };
  api(): ApiDescription {
    return { type: { type: "number" }, python_type: { type: "float", description: "" } };
  }
}
interface CountComponent extends Listeners<"change"> {}
const Count = (props: ComponentProps<number> = {}) => new CountComponent(props);

describe("a component's value given as a function", () => {
  it("every as a number needs the Timer component's package to have loaded", () => {
    expect(() => Blocks(() => void Field({ value: () => "x", every: 1 }))).toThrow(/import @vitrine\/timer/);
  });

  it("is called once when the app is built: the config holds its result, and a load event outputs to the component", () => {
    let calls = 0;
    let field!: FieldComponent;
    const app = Blocks(() => {
      field = Field({ label: "fresh", value: () => `call ${++calls}` });
    });
    expect(calls).toBe(1);
    const config = app.config();
    expect(config.components.find((c) => c.id === field.id)!.props.value).toBe("call 1");
    expect(config.dependencies).toHaveLength(1);
    expect(config.dependencies[0]).toMatchObject({
      targets: [[app.id, "load"]],
      inputs: [],
      outputs: [field.id],
      backend_fn: true,
      api_name: "lambda",
      show_progress: "full",
      trigger_mode: "once",
      queue: true,
    });
    // Each run makes a new value (as each page load does).
    const dep = app.dependency(0)!;
    expect(valueFunctionEvent(field, app)).toBe(dep);
    expect(dep.fn!()).toBe("call 2");
    expect(hasValueFunction(field)).toBe(true);
    expect(field.props.value).toBe("call 1");
    // Nothing of the function, `every` or `inputs` reaches the config.
    const props = config.components.find((c) => c.id === field.id)!.props;
    expect(props).not.toHaveProperty("every");
    expect(props).not.toHaveProperty("inputs");
    expect(() => JSON.stringify(config)).not.toThrow();
  });

  it("with inputs: not called at build (no value in the config); runs on load and on each input's change, with their values", () => {
    let calls = 0;
    let count!: CountComponent, field!: FieldComponent;
    const app = Blocks(() => {
      count = Count({ label: "n", value: 3 });
      field = Field({ value: (n: number) => `${++calls}: ${n * 2}`, inputs: count });
    });
    expect(calls).toBe(0);
    const config = app.config();
    expect(config.components.find((c) => c.id === field.id)!.props.value).toBeNull();
    expect(config.dependencies[0]).toMatchObject({
      targets: [
        [count.id, "change"],
        [app.id, "load"],
      ],
      inputs: [count.id],
      outputs: [field.id],
      show_progress: "hidden",
    });
    expect(app.dependency(0)!.fn!(5)).toBe("1: 10");
    // The input is interactive (an input of an event), the output is not.
    const interactive = (id: number) => config.components.find((c) => c.id === id)!.props.interactive;
    expect(interactive(count.id)).toBe(true);
    expect(interactive(field.id)).toBe(false);
  });

  it("names its endpoint after a named function, else lambda, made unique", () => {
    function clock() {
      return "now";
    }
    const app = Blocks(() => {
      Field({ value: clock });
      Field({ value: () => "a" });
      Field({ value: () => "b" });
    });
    expect(app.config().dependencies.map((d) => d.api_name)).toEqual(["clock", "lambda", "lambda_1"]);
    expect(Object.keys(app.apiInfo().named_endpoints)).toEqual(["/clock", "/lambda", "/lambda_1"]);
  });

  it("comes after the listeners written in the builder, as Gradio attaches them when its block ends", () => {
    const app = Blocks(() => {
      const field = Field({ value: () => "x" });
      field.change({ fn: (s: string) => s, inputs: field, outputs: field, api_name: "echo" });
    });
    expect(app.config().dependencies.map((d) => d.api_name)).toEqual(["echo", "lambda"]);
  });

  it("a throw at build leaves no value in the config; the app builds and the event still runs it (and fails) on load", () => {
    let field!: FieldComponent;
    const app = Blocks(() => {
      field = Field({
        value: () => {
          throw new Error("no value today");
        },
      });
      Field({ label: "after" });
    });
    const config = app.config();
    expect(config.components.find((c) => c.id === field.id)!.props.value).toBeNull();
    expect(() => app.dependency(0)!.fn!()).toThrow("no value today");
  });

  it("an async function: no value in the config, never an unhandled rejection; the event awaits it", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      let field!: FieldComponent, failing!: FieldComponent;
      const app = Blocks(() => {
        field = Field({ value: async () => "later" });
        failing = Field({ value: async () => Promise.reject(new Error("nope")) });
      });
      const config = app.config();
      expect(config.components.find((c) => c.id === field.id)!.props.value).toBeNull();
      expect(config.components.find((c) => c.id === failing.id)!.props.value).toBeNull();
      await expect(valueFunctionEvent(field, app)!.fn!()).resolves.toBe("later");
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });

  describe("every", () => {
    beforeAll(() => registerEveryTimer((seconds) => new TickerComponent({ value: seconds }) as TimerLike));

    it("a number makes a Timer ticking that often, placed right after the component in its parent; ticks re-run it", () => {
      let field!: FieldComponent, after!: FieldComponent;
      const app = Blocks(() => {
        Row(() => {
          field = Field({ value: () => new Date().toISOString(), every: 0.5 });
          after = Field();
        });
      });
      const row = field.parent!;
      expect(row.children.map((c) => c.id)).toEqual([field.id, field.id + 1, after.id]);
      const timer = row.children[1]!;
      expect(timer.type).toBe("timer");
      const config = app.config();
      expect(config.components.find((c) => c.id === timer.id)!.props.value).toBe(0.5);
      expect(config.dependencies[0]).toMatchObject({
        targets: [
          [timer.id, "tick"],
          [app.id, "load"],
        ],
        outputs: [field.id],
        show_progress: "hidden",
      });
    });

    it("a Timer given is listened to (no other Timer is made)", () => {
      let timer!: TickerComponent, field!: FieldComponent;
      const app = Blocks(() => {
        timer = new TickerComponent({ value: 2 });
        field = Field({ value: () => "t", every: timer as TimerLike });
      });
      expect(app.children.map((c) => c.id)).toEqual([timer.id, field.id]);
      expect(app.config().dependencies[0]!.targets).toEqual([
        [timer.id, "tick"],
        [app.id, "load"],
      ]);
    });

    it("with inputs too: runs on their change, the tick and the load", () => {
      let count!: CountComponent, field!: FieldComponent;
      const app = Blocks(() => {
        count = Count();
        field = Field({ value: (n: number) => String(n), inputs: [count], every: 1 });
      });
      const timer = app.children[2]!;
      expect(app.config().dependencies[0]!.targets).toEqual([
        [count.id, "change"],
        [timer.id, "tick"],
        [app.id, "load"],
      ]);
      expect(field.parent).toBe(app);
    });

    it("a component made outside any builder (as an Interface's inputs are): its Timer joins the component's parent", () => {
      const field = Field({ value: () => "x", every: 1, render: false });
      const app = Blocks(() => {
        Row(() => field.render());
      });
      const row = field.parent!;
      expect(row.children.map((c) => c.type)).toEqual(["field", "timer"]);
      const timer = row.children[1]!;
      expect(app.config().dependencies[0]!.targets).toEqual([
        [timer.id, "tick"],
        [app.id, "load"],
      ]);
    });

    it("must be a positive number of seconds or a Timer", () => {
      expect(() => Field({ value: () => "x", every: 0 })).toThrow(RangeError);
      expect(() => Field({ value: () => "x", every: "1" as never })).toThrow(/Timer/);
      expect(() => Field({ value: () => "x", every: Field() as never })).toThrow(/Timer/);
    });
  });

  it("inputs must be components", () => {
    expect(() => Field({ value: () => "x", inputs: ["a"] as never })).toThrow(/inputs of a value function must be components/);
  });

  it("every and inputs with a plain value do nothing (as in Gradio) and stay out of the config", () => {
    let field!: FieldComponent;
    const app = Blocks(() => {
      const count = Count();
      field = Field({ value: "plain", every: 1, inputs: count });
    });
    const config = app.config();
    expect(config.dependencies).toEqual([]);
    const props = config.components.find((c) => c.id === field.id)!.props;
    expect(props.value).toBe("plain");
    expect(props).not.toHaveProperty("every");
    expect(props).not.toHaveProperty("inputs");
    expect(hasValueFunction(field)).toBe(false);
  });

  it("a component that calls a function value itself (State) keeps it and gets no load event", () => {
    const fn = () => "mine";
    let own!: OwnFunctionComponent;
    const app = Blocks(() => {
      own = new OwnFunctionComponent({ value: fn });
    });
    expect(own.props.value).toBe(fn);
    expect(app.dependencies).toEqual([]);
  });

  it("one event per app, even when the app is filled again", () => {
    const app = Blocks(() => {
      Field({ value: () => "x" });
    });
    app.fill(() => undefined);
    expect(app.dependencies).toHaveLength(1);
  });
});
