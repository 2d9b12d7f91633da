/**
 * The load generator: a child process of the orchestrator, so that its CPU is not the
 * server's. It receives one scenario over IPC, runs it against a server on 127.0.0.1,
 * reports the start and end of the measured window (the orchestrator samples the server's
 * CPU at those points) and sends back the result.
 */
import { runChatEvent } from "./chat-client.js";
import { endpoints, makeTarget, makeUser, runEvent, type EventResult, type Target, type User } from "./protocol-client.js";
import { spreadUsers, type UserFactory } from "./scale-client.js";
import { summarize, type Summary } from "./stats.js";
import { countTokens, expectedText } from "./tokens.js";

/** One load scenario. */
export type Scenario =
  | {
      kind: "echo";
      name: string;
      /** Concurrent users, each calling `/echo` in a loop, one call at a time. */
      users: number;
      /** Seconds of load before the measured window (JIT warm-up). */
      warmup: number;
      /** Seconds measured. */
      duration: number;
      /**
       * Events per second offered by all users together: each user's calls start on a fixed
       * schedule (a user behind it calls at once). Without it, users call back to back.
       */
      pace?: number;
    }
  | {
      kind: "stream";
      name: string;
      /** Users all calling `/stream` once, at the same time. */
      users: number;
      /** Tokens each stream carries (the server's setting). */
      tokens: number;
      /** Tokens per second (the server's setting). */
      rate: number;
      /** Before the measurement, this many users stream `warmupTokens` tokens each (JIT warm-up). */
      warmupUsers: number;
      warmupTokens: number;
      /**
       * `"chat"`: on Vitrine, the users call a ChatInterface's `/chat` (data `[message, null]`,
       * the reply read from outputs `[reply, <history State>]`); the baseline serves the same
       * tokens as its `/stream`.
       */
      chat?: boolean;
    };

export interface EchoResult {
  kind: "echo";
  /** Events completed in the measured window. */
  events: number;
  /** Events per second in the measured window. */
  throughput: number;
  /** Join-to-`process_completed` latency, ms. */
  latency: Summary;
  /** Calls that failed (any protocol or content error), by reason. */
  errors: Record<string, number>;
  /** Calls that completed with a value other than their input. */
  wrong: number;
  /** Measured window, s. */
  window: number;
  /** Load generator CPU in the window, s. */
  clientCpu: number;
}

export interface StreamResult {
  kind: "stream";
  users: number;
  /** Streams that ended with `process_completed` and `close_stream`. */
  completed: number;
  /** Join-to-`process_completed`, ms. */
  completion: Summary;
  /** Join-to-first `process_generating`, ms. */
  ttft: Summary;
  /** Tokens in the streamed texts, all users. */
  tokensReceived: number;
  tokensExpected: number;
  /** Streams whose rebuilt text or final value differs from the expected text. */
  wrongText: number;
  /** `process_generating` messages, all users. */
  messages: number;
  errors: Record<string, number>;
  window: number;
  clientCpu: number;
}

export type LoadResult = EchoResult | StreamResult;

/** Orchestrator → load generator. */
export interface RunCommand {
  type: "run";
  port: number;
  scenario: Scenario;
  /** Seconds after which every request still in flight is aborted. */
  deadline: number;
  /** The endpoint called (default: `echo` or `stream`, after the scenario's kind; `chat` for a ChatInterface). */
  endpoint?: string;
  /** Every process of the app when there are several (`scale`): each user sends each request to the next one. */
  ports?: number[];
}

/** Load generator → orchestrator. */
export type LoadMessage =
  | { type: "phase"; phase: "measure-start" | "measure-end" }
  | { type: "result"; result: LoadResult }
  | { type: "failed"; error: string };

const now = () => performance.now();

function tally(errors: Record<string, number>, reason: string): void {
  const key = reason.replace(/[0-9a-f]{32}/g, "<id>").slice(0, 120);
  errors[key] = (errors[key] ?? 0) + 1;
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

/** Runs an echo scenario. `phase` marks the measured window. */
export async function runEcho(
  target: Target,
  fnIndex: number,
  s: Extract<Scenario, { kind: "echo" }>,
  phase: (p: "measure-start" | "measure-end") => void,
  newUser: UserFactory = makeUser,
): Promise<EchoResult> {
  const begin = now();
  const measureStart = begin + s.warmup * 1000;
  const measureEnd = measureStart + s.duration * 1000;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let wrong = 0;
  let cpu = process.cpuUsage();
  let clientCpu = 0;
  const startTimer = setTimeout(() => {
    cpu = process.cpuUsage();
    phase("measure-start");
  }, s.warmup * 1000);
  const endTimer = setTimeout(() => {
    clientCpu = cpuSeconds(cpu);
    phase("measure-end");
  }, s.warmup * 1000 + s.duration * 1000);

  const user = async (u: number): Promise<void> => {
    const client = newUser(target, u);
    for (let n = 0; now() < measureEnd && !target.signal.aborted; n++) {
      if (s.pace) {
        const due = begin + ((n * s.users + u) / s.pace) * 1000;
        if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
        if (now() >= measureEnd) break;
      }
      const input = `hello ${u}.${n}`;
      const r = await runEvent(client, fnIndex, input);
      const inWindow = r.completed !== null && r.completed >= measureStart && r.completed <= measureEnd;
      if (r.error) tally(errors, r.error);
      else if (r.final !== input) wrong++;
      else if (inWindow) latencies.push(r.completed! - r.start);
    }
    client.connection.close();
  };
  await Promise.all(Array.from({ length: s.users }, (_, u) => user(u)));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  if (clientCpu === 0) {
    clientCpu = cpuSeconds(cpu);
    phase("measure-end");
  }
  return {
    kind: "echo",
    events: latencies.length,
    throughput: Math.round((latencies.length / s.duration) * 10) / 10,
    latency: summarize(latencies),
    errors,
    wrong,
    window: s.duration,
    clientCpu: Math.round(clientCpu * 1000) / 1000,
  };
}

/** One streamed call: `runEvent` for `/stream`, `runChatEvent` for a ChatInterface's `/chat`. */
type StreamCall = (user: User, fnIndex: number, prompt: string) => Promise<EventResult>;

/** Runs a streaming scenario: every user joins at once and reads its stream to the end. */
export async function runStream(
  target: Target,
  fnIndex: number,
  s: Extract<Scenario, { kind: "stream" }>,
  phase: (p: "measure-start" | "measure-end") => void,
  call: StreamCall = runEvent,
  newUser: UserFactory = makeUser,
): Promise<StreamResult> {
  const expected = expectedText(s.tokens);
  if (s.warmupUsers > 0) {
    const warm = Array.from({ length: s.warmupUsers }, (_, u) => newUser(target, u));
    await Promise.all(warm.map((user) => call(user, fnIndex, String(s.warmupTokens))));
    for (const user of warm) user.connection.close();
  }
  phase("measure-start");
  const cpu = process.cpuUsage();
  const begin = now();
  const users = Array.from({ length: s.users }, (_, u) => newUser(target, u));
  const results = await Promise.all(users.map((user, u) => call(user, fnIndex, `prompt ${u}`)));
  for (const user of users) user.connection.close();
  const window = (now() - begin) / 1000;
  const clientCpu = cpuSeconds(cpu);
  phase("measure-end");
  const errors: Record<string, number> = {};
  const completion: number[] = [];
  const ttft: number[] = [];
  let tokensReceived = 0;
  let wrongText = 0;
  let messages = 0;
  for (const r of results) {
    tokensReceived += countTokens(r.streamed);
    messages += r.generating;
    if (r.firstOutput !== null) ttft.push(r.firstOutput - r.start);
    if (r.error) {
      tally(errors, r.error);
      continue;
    }
    completion.push(r.completed! - r.start);
    if (r.streamed !== expected || r.final !== expected) wrongText++;
  }
  return {
    kind: "stream",
    users: s.users,
    completed: completion.length,
    completion: summarize(completion),
    ttft: summarize(ttft),
    tokensReceived,
    tokensExpected: s.users * s.tokens,
    wrongText,
    messages,
    errors,
    window: Math.round(window * 1000) / 1000,
    clientCpu: Math.round(clientCpu * 1000) / 1000,
  };
}

/**
 * Runs a scenario against the server on `port`, with a deadline for everything in flight.
 * `endpoint` is the API name called (default: the scenario's kind, `echo` or `stream`);
 * `chat` calls a ChatInterface's `/chat`. With `ports` (every process of one app), each user sends
 * each request to the next process: join on one, `/queue/data` on the next.
 */
export async function runScenario(
  port: number,
  scenario: Scenario,
  deadline: number,
  phase: (p: "measure-start" | "measure-end") => void = () => {},
  endpoint: string = scenario.kind,
  ports: number[] = [port],
): Promise<LoadResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deadline * 1000);
  const target = makeTarget(port, controller.signal);
  try {
    const fns = await endpoints(target);
    const fn = fns.get(endpoint);
    if (fn === undefined) throw new Error(`the server has no /${endpoint} endpoint`);
    const newUser = spreadUsers(ports);
    if (scenario.kind === "echo") return await runEcho(target, fn, scenario, phase, newUser);
    return await runStream(target, fn, scenario, phase, endpoint === "chat" ? runChatEvent : runEvent, newUser);
  } finally {
    clearTimeout(timer);
  }
}

// As a child process: one scenario per process.
if (process.send && process.argv[2] === "--child") {
  const reply = (m: LoadMessage): Promise<void> =>
    new Promise((resolve) => {
      if (process.connected) process.send!(m, undefined, {}, () => resolve());
      else resolve();
    });
  process.once("message", (command: RunCommand) => {
    // Whatever happens, this process ends shortly after the deadline.
    setTimeout(() => process.exit(2), (command.deadline + 10) * 1000).unref();
    runScenario(command.port, command.scenario, command.deadline, (phase) => void reply({ type: "phase", phase }), command.endpoint, command.ports)
      .then((result) => reply({ type: "result", result }))
      .catch((err: unknown) => reply({ type: "failed", error: err instanceof Error ? err.stack ?? err.message : String(err) }))
      .finally(() => process.disconnect());
  });
  process.on("disconnect", () => process.exit(0));
}
