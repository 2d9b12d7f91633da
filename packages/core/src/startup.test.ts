import { describe, expect, it } from "@jest/globals";
import { Blocks } from "./blocks.js";
import { StartupError, StartupTasks } from "./startup.js";

describe("start tasks", () => {
  it("run once each, one after the other, in the order added; calls share one run", async () => {
    const log: string[] = [];
    const app = Blocks(() => {});
    app
      .onStart(async () => {
        log.push("a start");
        await new Promise((resolve) => setTimeout(resolve, 10));
        log.push("a end");
      })
      .onStart(() => {
        log.push("b");
      });
    expect(log).toEqual([]);
    await Promise.all([app.startup(), app.startup()]);
    expect(log).toEqual(["a start", "a end", "b"]);
    await app.startup();
    expect(log).toEqual(["a start", "a end", "b"]);

    // A task added later runs at the next startup, alone.
    app.onStart(() => {
      log.push("c");
    });
    await app.startup();
    expect(log).toEqual(["a start", "a end", "b", "c"]);
  });

  it("a failing task fails the start with its reason, and every later call", async () => {
    const tasks = new StartupTasks();
    let after = 0;
    tasks.add(() => {
      throw new Error("no model");
    });
    tasks.add(() => {
      after++;
    });
    const run = tasks.run();
    await expect(run).rejects.toBeInstanceOf(StartupError);
    await expect(run).rejects.toThrow("The app could not start: no model");
    await expect(tasks.run()).rejects.toThrow("no model");
    expect(after).toBe(0);
    expect(tasks.size).toBe(2);
  });

  it("an app with no task starts at once; onStart takes only functions", async () => {
    await expect(Blocks(() => {}).startup()).resolves.toBeUndefined();
    expect(() => Blocks(() => {}).onStart("soon" as never)).toThrow(TypeError);
  });
});
