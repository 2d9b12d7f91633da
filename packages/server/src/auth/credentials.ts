/**
 * Who may log in: `launch({ auth })` given as one `[username, password]` pair, a list of them,
 * or a function. Passwords are compared in constant time (SHA-256 digests compared with
 * `crypto.timingSafeEqual`), and an unknown user name costs the same comparison as a known one.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A function deciding a login: true admits the user. It may be async. */
export type AuthFunction = (username: string, password: string) => boolean | Promise<boolean>;

/** What `launch({ auth })` takes: one `[username, password]` pair, a list of pairs, or a function. */
export type AuthSpec = readonly [string, string] | readonly (readonly [string, string])[] | AuthFunction;

function digest(text: string): Buffer {
  return createHash("sha256").update(text, "utf8").digest();
}

/** The accounts of an app with a login, checked in constant time. */
export class Credentials {
  private readonly accounts: Map<string, Buffer> | null;
  private readonly check: AuthFunction | null;
  /** Compared against when the user name is unknown, so that the answer takes as long. */
  private readonly decoy = digest(randomBytes(32).toString("hex"));

  constructor(spec: AuthSpec) {
    if (typeof spec === "function") {
      this.accounts = null;
      this.check = spec;
      return;
    }
    this.check = null;
    if (!Array.isArray(spec) || spec.length === 0) {
      throw new TypeError("auth: give a [username, password] pair, a list of them, or a function (username, password) => boolean");
    }
    const pairs = (typeof spec[0] === "string" ? [spec] : spec) as readonly unknown[];
    this.accounts = new Map();
    for (const [i, pair] of pairs.entries()) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
        throw new TypeError(`auth: entry ${i} is not a [username, password] pair of strings`);
      }
      if (pair[0].trim() === "") throw new TypeError(`auth: entry ${i} has an empty username`);
      this.accounts.set(pair[0].trim(), digest(pair[1]));
    }
  }

  /**
   * Whether this user name and password may log in. A function that throws or rejects refuses
   * the login (and the error is logged).
   */
  async verify(username: string, password: string): Promise<boolean> {
    if (this.check) {
      try {
        return (await this.check(username, password)) === true;
      } catch (err) {
        console.error("[vitrine] the auth function failed:", err);
        return false;
      }
    }
    const expected = this.accounts!.get(username);
    const same = timingSafeEqual(digest(password), expected ?? this.decoy);
    return expected !== undefined && same;
  }
}
