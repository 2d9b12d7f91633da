import { describeComponent } from "@vitrine/component-test";
import { Markdown, type MarkdownProps } from "./index.js";

describeComponent({
  create: (props: MarkdownProps) => Markdown(props),
  // Gradio's Markdown hides its label by default (show_label false); the suite checks a shown
  // label, so every instance here shows it (the suite's show_label: false instance hides it).
  // `buttons: ["copy"]` adds the copy button whose click fires "copy".
  props: { show_label: true, buttons: ["copy"] },
  samples: [
    "# Greeter\n\nType a name, then press **Greet**.\n\n```ts\n// Say hello\nconst greet = (name: string) => `Hello ${name}!`;\n```",
    "Results:\n\n| name | score |\n| --- | --- |\n| Ada | 3 |\n| Alan | 2 |\n\nSee [the docs](https://example.com/docs).",
    "",
  ],
  editor: null,
  events: {
    change: ({ sendValue }) => sendValue(),
    copy: ({ block }) => block.getByRole("button", { name: "Copy Markdown" }).click(),
  },
});
