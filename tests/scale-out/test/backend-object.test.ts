/**
 * A backend given as an object (`queue: { backend: new RedisQueue(…) }`): two apps in this very
 * process share it through Redis like two processes would.
 */
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import * as vt from "vitrine";
import { RedisQueue } from "@vitrine/queue-redis";
import { completion, joinOk, outputOf, readStream, session, startRedis } from "./cluster.js";

let redis: Awaited<ReturnType<typeof startRedis>>;
const servers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await redis?.stop();
});

function build(name: string) {
  return vt.Blocks(() => {
    const text = vt.Textbox({ label: "text" });
    const out = vt.Textbox({ label: "out" });
    text.submit({ fn: (t: string) => `${t} by ${name}`, inputs: [text], outputs: [out], api_name: "echo" });
  });
}

it("serves an app on a backend object given at launch", async () => {
  const prefix = `object:${process.pid}:`;
  const one = build("one");
  const two = build("two");
  const a = await one.launch({ server_port: 0, quiet: true, queue: { backend: new RedisQueue({ url: redis.url, prefix }) } });
  servers.push(one);
  const b = await two.launch({ server_port: 0, quiet: true, queue: { backend: new RedisQueue({ url: redis.url, prefix }) } });
  servers.push(two);
  const hash = session();
  const id = await joinOk(a.url, { data: ["hi"], fn_index: 0, session_hash: hash });
  expect(outputOf(completion(await readStream(b.url, hash), id))).toBe("hi by one");
  // Each run had a local group of its own: none is kept once the runs ended.
  for (let i = 0; i < 5; i++) {
    const more = await joinOk(a.url, { data: [`n${i}`], fn_index: 0, session_hash: hash });
    expect(outputOf(completion(await readStream(a.url, hash), more))).toBe(`n${i} by one`);
  }
  expect(a.service.cluster?.localGroupCount).toBe(0);
});
