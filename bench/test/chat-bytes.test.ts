/**
 * Smoke test of the chat bytes-per-token bench (no byte count is asserted as a target): a chat
 * with earlier messages streams a short reply on the page's path and on `/chat`; both rebuild
 * the exact reply from the diffs (no token lost), the bytes are counted, and the report renders.
 */
import { describe, expect, it } from "@jest/globals";
import { chatBytesTable, earlierMessages, measureChatBytes } from "../src/chat-bytes.js";

describe("the chat bytes bench", () => {
  it("makes earlier messages of the asked size", () => {
    const messages = earlierMessages(4, 200);
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
    for (const m of messages) expect((m.content as string).length).toBe(200);
  });

  it("streams a reply on the page's path and on /chat, every token received, and weighs both", async () => {
    const result = await measureChatBytes({ history: 6, messageChars: 200, tokens: 12, rate: 1000 });
    for (const path of [result.page, result.api]) {
      expect(path.error).toBeNull();
      expect(path).toMatchObject({ tokens: 12, tokensExpected: 12, replyOk: true });
      expect(path.generating).toBeGreaterThanOrEqual(1);
      expect(path.socketBytes).toBeGreaterThan(path.firstMessageBytes);
      expect(path.fullResendPerToken).toBeGreaterThan(0);
    }
    // The page's stream starts with the whole history (the Chatbot's value); /chat's does not.
    expect(result.page.firstMessageBytes).toBeGreaterThan(result.historyBytes);
    expect(result.api.firstMessageBytes).toBeLessThan(result.historyBytes);
    const table = chatBytesTable(result);
    expect(table).toContain("| page (hidden dependency, Chatbot output) |");
    expect(table).toContain("| API (`/chat`) |");
    expect(table).not.toContain("failed");
  }, 60_000);
});
