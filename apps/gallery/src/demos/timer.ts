import * as vt from "vitrine";

/**
 * A Timer ticking a counter (pause, resume and speed it up with updates), and a clock that
 * `demo.load({ every })` refreshes while the page is open.
 */
export function timer(options: { tick?: number; every?: number } = {}) {
  const tick = options.tick ?? 1;
  const every = options.every ?? 1;
  let now!: vt.Textbox;
  const demo = vt.Blocks({ title: "Timer" }, () => {
    vt.Markdown(`# Timer\nThe counter goes up every ${tick} s while the timer is active.`);
    const clock = vt.Timer(tick);
    const count = vt.Number({ label: "ticks", value: 0, precision: 0 });
    clock.tick({ fn: (n: number) => n + 1, inputs: [count], outputs: [count], show_progress: "hidden", api_name: "tick" });
    vt.Row(() => {
      vt.Button("Pause").click({ fn: () => vt.update({ active: false }), outputs: [clock], api_name: false, queue: false });
      vt.Button("Resume").click({ fn: () => vt.update({ active: true }), outputs: [clock], api_name: false, queue: false });
      vt.Button("Faster").click({
        fn: (seconds: number) => vt.update({ value: Math.max(0.1, seconds / 2), active: true }),
        inputs: [clock],
        outputs: [clock],
        api_name: false,
        queue: false,
      });
    });
    vt.Markdown(`## every\nThe server's clock, refreshed every ${every} s by \`demo.load({ every })\`.`);
    now = vt.Textbox({ label: "server time" });
  });
  demo.load({
    fn: () => new Date().toISOString().slice(11, 23),
    outputs: [now],
    every,
    show_progress: "hidden",
    api_name: "server_time",
  });
  return demo;
}
