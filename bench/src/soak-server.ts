/**
 * Child process of the soak benchmark (soak.ts): a Vitrine app launched on 127.0.0.1 with
 *
 * - `/stream`: a generator yielding a prompt's number of tokens at `--rate` tokens/s (the text
 *   so far each time, as `/stream` of the main bench app does), counting every token it yields;
 * - `/echo`: returns its input;
 * - `/boom`: throws; `/hang`: never settles and ignores its abort signal; `/slow`: a generator
 *   that yields every 20 ms until it is cancelled (it stops when its signal aborts). These three
 *   keep Gradio's default concurrency limit of 1 each, so a slot that a failed, hung or cancelled
 *   call failed to give back would block every later call of the same function.
 *
 * `GET /__soak` answers with `process.memoryUsage()` and the counters (`?gc=1`: after two forced
 * collections; the process runs with --expose-gc). Prints its port on stdout.
 */
import * as vt from "vitrine";
import { sleepUntil, tokenText } from "./tokens.js";

const rateArg = process.argv.indexOf("--rate");
const rate = rateArg >= 0 ? Number(process.argv[rateArg + 1]) : 20;
const interval = 1000 / rate;

/** What the functions did, for the driver to compare with what its clients received. */
const counters = { tokensYielded: 0, streamsStarted: 0, streamsEnded: 0, hangsStarted: 0, slowStarted: 0, slowStopped: 0, thrown: 0 };

const app = vt.Blocks({ title: "soak" }, () => {
  const input = vt.Textbox({ label: "input" });
  const output = vt.Textbox({ label: "output" });
  vt.Button("Stream").click({
    fn: async function* (prompt: string, { signal }) {
      counters.streamsStarted++;
      const started = performance.now();
      const tokens = Number(prompt);
      let text = "";
      try {
        for (let i = 0; i < tokens; i++) {
          await sleepUntil(started + (i + 1) * interval, signal);
          if (signal.aborted) return;
          text += tokenText(i);
          counters.tokensYielded++;
          yield text;
        }
      } finally {
        counters.streamsEnded++;
      }
    },
    inputs: [input],
    outputs: [output],
    api_name: "stream",
    concurrency_limit: null,
  });
  input.submit({ fn: (text: string) => text, inputs: [input], outputs: [output], api_name: "echo", concurrency_limit: null });
  vt.Button("Boom").click({
    fn: (_text: string): string => {
      counters.thrown++;
      throw new Error("soak: this function always throws");
    },
    inputs: [input],
    outputs: [output],
    api_name: "boom",
  });
  vt.Button("Hang").click({
    fn: (_text: string) => {
      counters.hangsStarted++;
      return new Promise<string>(() => undefined);
    },
    inputs: [input],
    outputs: [output],
    api_name: "hang",
  });
  vt.Button("Slow").click({
    fn: async function* (_text: string, { signal }) {
      counters.slowStarted++;
      try {
        for (let i = 0; !signal.aborted; i++) {
          await sleepUntil(performance.now() + 20, signal);
          if (signal.aborted) return;
          yield `slow ${i}`;
        }
      } finally {
        counters.slowStopped++;
      }
    },
    inputs: [input],
    outputs: [output],
    api_name: "slow",
  });
});

const running = await app.launch({ server_name: "127.0.0.1", server_port: 0, quiet: true });
running.express.get("/__soak", (req, res) => {
  if (req.query.gc === "1") {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
  }
  res.json({ memory: process.memoryUsage(), counters });
});
process.stdout.write(`${running.port}\n`);
process.on("SIGTERM", () => {
  running.server.closeAllConnections();
  void app.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
