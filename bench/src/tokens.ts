/**
 * The streaming workload, shared by both servers so they do the same work: token `i` is
 * `tokenText(i)`, and it is due `(i + 1) / rate` seconds after the stream started (absolute
 * deadlines, so timer drift does not accumulate; a late server catches up, an on-time one
 * finishes in exactly `tokens / rate` seconds).
 */

/** The text of token `i` (a few bytes, like a word from a language model). */
export function tokenText(i: number): string {
  return `t${i} `;
}

/** The full text after `count` tokens. */
export function expectedText(count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += tokenText(i);
  return text;
}

/** Number of tokens in a streamed text (each token ends with one space). */
export function countTokens(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32) n++;
  return n;
}

/**
 * Resolves at `deadline` (a `performance.now()` time). Always goes through a timer, even
 * when late, so a server behind schedule still yields to I/O between tokens.
 */
export function sleepUntil(deadline: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, Math.max(0, deadline - performance.now()));
    function done(): void {
      signal?.removeEventListener("abort", done);
      clearTimeout(timer);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Tokens for one call: a prompt that is a whole number asks for that many tokens (the load
 * generator's warm-up uses short streams); any other prompt gets the server's setting.
 */
export function tokensFor(prompt: unknown, spec: StreamSpec): number {
  const n = typeof prompt === "string" && /^\d{1,6}$/.test(prompt) ? Number(prompt) : 0;
  return n > 0 ? n : spec.tokens;
}

/** Stream parameters, from the server's command line. */
export interface StreamSpec {
  /** Tokens per stream. */
  tokens: number;
  /** Tokens per second. */
  rate: number;
}
