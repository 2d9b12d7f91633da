import { describeComponent } from "@vitrine/component-test";
import { LoginButton, LogoutButton, type LoginButtonProps, type LogoutButtonProps } from "./index.js";

// A click fires `click`, then the page goes to `login` / `logout` (an app without auth sends
// both back to the page); the suite checks the event reached the server.
describeComponent({
  create: (props: LoginButtonProps) => LoginButton(props),
  samples: ["Login", "Logout (ada)"],
  editor: (block) => block.getByRole("button"),
  events: {
    click: ({ block }) => block.getByRole("button").click(),
  },
  labelled: false,
});

describeComponent({
  create: (props: LogoutButtonProps) => LogoutButton(props),
  samples: ["Logout", "Sign out"],
  editor: (block) => block.getByRole("button"),
  events: {
    click: ({ block }) => block.getByRole("button").click(),
  },
  labelled: false,
});
