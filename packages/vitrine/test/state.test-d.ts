/** Type tests for State, BrowserState, ctx.request and typed event data (checked by tsc). */
import * as vt from "vitrine";

vt.Blocks((app) => {
  const history = vt.State({ value: () => [] as string[], time_to_live: 600, delete_callback: (past) => void past.length });
  const count = vt.State({ value: 0 });
  const message = vt.Textbox({ label: "message" });
  const log = vt.Textbox();
  message.submit({
    fn: (text: string, past: string[]) => {
      const next = [...past, text];
      return [next, next.join("\n"), ""];
    },
    inputs: [message, history],
    outputs: [history, log, message],
  });
  // @ts-expect-error a number State takes numbers
  message.submit({ fn: (t: string) => t, inputs: [message], outputs: [count] });
  history.change({ fn: () => vt.Info("changed") });
  app.unload(({ session_hash }) => void session_hash.length);

  const visits = vt.BrowserState({ value: 0, storage_key: "k", secret: "s" });
  app.load({ fn: (n: number) => n + 1, inputs: [visits], outputs: [visits] });

  const picked = vt.Radio({ choices: ["cat", "dog"], label: "pet" });
  picked.select({
    fn: (ctx) => {
      const index: number | readonly [number, number] = ctx.event.index;
      const selected: boolean = ctx.event.selected;
      const ref: string | undefined = ctx.request.query.ref;
      const user: string | null = ctx.request.username;
      return `${String(ctx.event.value)} ${String(index)} ${selected} ${ref} ${user} ${ctx.request.session_hash}`;
    },
    outputs: log,
  });
  // @ts-expect-error a change event carries no SelectData
  picked.change({ fn: (ctx) => ctx.event.index.toString(), outputs: log });
  vt.Tabs((tabs) => {
    tabs.select({ fn: (ctx) => String(ctx.event.value), outputs: log });
  });
});

new vt.Interface({
  fn: (message: string, history: string[] | null) => {
    const next = [...(history ?? []), message];
    return [next.join(" "), next] as const;
  },
  inputs: ["text", "state"],
  outputs: ["text", "state"],
});
