/** Shared by the queue-*.test.ts files: serving a test app and reading official-client jobs. */
import { afterEach } from "@jest/globals";
import { Client } from "@gradio/client";
import type { App, LaunchOptions, RunningServer } from "vitrine";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `condition` every 5 ms until it holds (the test's timeout bounds the wait). */
export async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(5);
}

/** A promise released from outside: lets a test hold a function until the queue is set up. */
export function gate(): { promise: Promise<void>; release(): void } {
  let release!: () => void;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

/** What a job yielded, split by kind, ending with its final status. */
export interface Collected {
  statuses: any[];
  data: unknown[][];
  logs: any[];
  final: any;
}

/** Reads a submitted job to its end (status complete or error). */
export async function collect(job: AsyncIterable<any>): Promise<Collected> {
  const out: Collected = { statuses: [], data: [], logs: [], final: null };
  for await (const msg of job) {
    if (msg.type === "data") out.data.push(msg.data as unknown[]);
    else if (msg.type === "log") out.logs.push(msg);
    else if (msg.type === "status") {
      out.statuses.push(msg);
      if (msg.stage === "complete" || msg.stage === "error") {
        out.final = msg;
        break;
      }
    }
  }
  return out;
}

/** Status messages that came from `estimation` messages (not the client's own, not process_starts, not progress). */
export function estimations(statuses: any[]): { position: number; size: number; eta: number | null }[] {
  return statuses.filter(
    (s) => s.stage === "pending" && s.size !== undefined && s.original_msg !== "process_starts" && !s.progress_data,
  );
}

/** The part of the official client these tests use (its own types do not resolve under NodeNext here). */
export interface GradioClient {
  submit(endpoint: string, data: unknown[]): AsyncIterable<any> & { cancel(): Promise<void> };
  predict(endpoint: string, data: unknown[]): Promise<{ data: unknown }>;
  close(): void;
}

/** Launches apps on 127.0.0.1 and closes them after each test. */
export function useApps(): {
  /** Launches the app; resolves with its URL. */
  serve(app: App, options?: LaunchOptions): Promise<string>;
  connect(url: string): Promise<GradioClient>;
  /** Waits until `n` events wait in a served app's queue. */
  untilWaiting(app: App, n: number): Promise<void>;
} {
  const apps: App[] = [];
  const servers = new Map<App, RunningServer>();
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    servers.clear();
  });
  return {
    async serve(app, options = {}) {
      apps.push(app);
      const running = await app.launch({ server_port: 0, quiet: true, ...options });
      servers.set(app, running);
      return running.url;
    },
    untilWaiting: (app, n) => waitFor(() => servers.get(app)!.service.queue.size === n),
    connect: (url) => Client.connect(url, { events: ["data", "status", "log"] }) as Promise<GradioClient>,
  };
}
