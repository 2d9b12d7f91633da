/**
 * Simulated users for several processes of one app (the `scale` bench): each user holds one
 * keep-alive connection per process and sends each request to the next process in turn, so an
 * event joins on one process and its `/queue/data` is read from the next: no stickiness.
 */
import { Connection } from "./http1.js";
import { makeUser, sessionHash, type Target, type User } from "./protocol-client.js";

/** Makes the `index`-th simulated user of a scenario. */
export type UserFactory = (target: Target, index: number) => User;

/**
 * A connection that is really one connection per process: each request goes to the next
 * process (round robin), starting at `first`. It keeps the one-request-at-a-time contract of
 * {@link Connection}, which is all the protocol client relies on.
 */
export class RoundRobinConnection extends Connection {
  private readonly connect: () => Connection[];
  private members: Connection[];
  private next: number;

  constructor(host: string, ports: number[], signal: AbortSignal, first: number) {
    super(host, ports[0]!, signal);
    this.connect = () => ports.map((port) => new Connection(host, port, signal));
    this.members = this.connect();
    this.next = first % ports.length;
  }

  override request(method: string, path: string, body?: string, onBody?: (text: string) => void): ReturnType<Connection["request"]> {
    const member = this.members[this.next]!;
    this.next = (this.next + 1) % this.members.length;
    return member.request(method, path, body, onBody);
  }

  override close(): void {
    for (const member of this.members) member.close();
    // A closed Connection hears of its socket's end a tick later, and would take it for the end of
    // a request sent meanwhile: the next requests go over new ones.
    this.members = this.connect();
  }
}

/**
 * Users spread over `ports` (every process of the app, `target.port` among them or not): user
 * *u* sends its first request to process *u* mod *n*, each later one to the next process. With
 * one port this is the load generator's ordinary user.
 */
export function spreadUsers(ports: number[]): UserFactory {
  if (ports.length <= 1) return (target) => makeUser(target);
  return (target, index) => ({ hash: sessionHash(), connection: new RoundRobinConnection(target.host, ports, target.signal, index) });
}
