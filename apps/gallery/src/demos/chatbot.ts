import * as vt from "vitrine";

/** Options of the chatbot demo. */
export interface ChatbotDemoOptions {
  /** Paces the streamed thinking and reply (tests make it fast). Default 80 ms a word. */
  delayMs?: number;
  /** Height of the chat, in pixels. Default 440. */
  height?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the assistant thinks, step by step, before it answers. */
const THOUGHTS = ["Reading the question.", "Recalling the formula for the area of a circle.", "Writing a small Python function for it."];

/** The reply, streamed word by word: Markdown with code and LaTeX. */
function answerTo(question: string): string {
  return [
    `You asked: *${question.replace(/[*_`]/g, "")}*. The area of a circle of radius $$r$$ is`,
    "",
    "$$A = \\pi r^2$$",
    "",
    "In Python:",
    "",
    "```python",
    "import math",
    "",
    "def area(r: float) -> float:",
    "    return math.pi * r ** 2",
    "```",
  ].join("\n");
}

/**
 * The assistant's turn, streamed: a "Thinking" block (pending, its steps appearing one by one),
 * closed with its duration once done, then the answer word by word.
 */
async function* reply(history: vt.NormalizedMessage[], delayMs: number): AsyncGenerator<vt.ChatMessage[]> {
  const last = history[history.length - 1];
  const question = last ? vt.messageText(last) : "";
  const started = Date.now();
  let thought = "";
  for (const step of THOUGHTS) {
    thought += (thought ? "\n\n" : "") + step;
    yield [...history, { role: "assistant", content: thought, metadata: { title: "Thinking", status: "pending" } }];
    await sleep(delayMs * 3);
  }
  const done: vt.ChatMessage = {
    role: "assistant",
    content: thought,
    metadata: { title: "Thinking", status: "done", duration: (Date.now() - started) / 1000 },
  };
  const words = answerTo(question).split(/(?<= )/);
  let answer = "";
  for (const word of words) {
    answer += word;
    yield [...history, done, { role: "assistant", content: answer }];
    await sleep(delayMs);
  }
}

/**
 * "A Chatbot with thinking blocks and likes": a Textbox and a Chatbot; the assistant's reply
 * streams (an async generator) after a "thinking" block that shows pending, then done with its
 * duration. Like, dislike or flag a reply: the feedback shows below. Retry and undo work too.
 */
export function chatbot(options: ChatbotDemoOptions = {}) {
  const delayMs = options.delayMs ?? 80;
  return vt.Blocks({ title: "Chatbot with thinking blocks and likes" }, () => {
    vt.Markdown("# A chatbot that thinks out loud\nAsk anything: the assistant thinks first (open the block to read along), then answers with Markdown, code and math. Rate its replies.");
    const bot = vt.Chatbot({
      label: "Assistant",
      height: options.height ?? 440,
      placeholder: "**Ask me anything.** I will show my thinking before I answer.",
      examples: [{ text: "How do I compute the area of a circle?", display_text: "Area of a circle" }],
      feedback_options: ["Like", "Dislike", "Inaccurate"],
    });
    const message = vt.Textbox({ label: "Message", placeholder: "Ask a question and press Enter", submit_btn: true });
    const feedback = vt.Textbox({ label: "Feedback", interactive: false });

    const stream = (history: vt.NormalizedMessage[]) => reply(history, delayMs);
    message
      .submit({
        fn: (text: string, history: vt.NormalizedMessage[]) => ["", [...history, { role: "user", content: text }]] as const,
        inputs: [message, bot],
        outputs: [message, bot],
        queue: false,
        api_name: "add_message",
      })
      .then({ fn: stream, inputs: [bot], outputs: [bot], api_name: "reply" });
    bot
      .example_select({
        fn: (history: vt.NormalizedMessage[], ctx: vt.EventContext<vt.SelectData>) => {
          const example = ctx.event.data.value as { text?: string };
          return [...history, { role: "user" as const, content: example.text ?? "" }];
        },
        inputs: [bot],
        outputs: [bot],
        api_name: false,
      })
      .then({ fn: stream, inputs: [bot], outputs: [bot], api_name: false });
    // Retry: drop everything after the last user message and answer it again.
    bot
      .retry({
        fn: (history: vt.NormalizedMessage[], ctx: vt.EventContext<vt.RetryData>) => history.slice(0, (ctx.event.data.index as number) + 1),
        inputs: [bot],
        outputs: [bot],
        api_name: false,
      })
      .then({ fn: stream, inputs: [bot], outputs: [bot], api_name: false });
    // Undo: take the last user message back into the box.
    bot.undo({
      fn: (history: vt.NormalizedMessage[], ctx: vt.EventContext<vt.RetryData>) =>
        [history.slice(0, ctx.event.data.index as number), String(ctx.event.data.value)] as const,
      inputs: [bot],
      outputs: [bot, message],
      api_name: false,
    });
    bot.like({
      fn: (ctx: vt.EventContext<vt.ChatbotLikeData>) => {
        const { index, liked } = ctx.event.data;
        const what = liked === true ? "liked" : liked === false ? "disliked" : liked === null ? "took back your feedback on" : `flagged as "${liked}"`;
        return `You ${what} message ${index}.`;
      },
      outputs: [feedback],
      api_name: false,
    });
  });
}
