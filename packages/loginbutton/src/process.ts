import { fileURLToPath } from "node:url";
import { listen, rootScope, type Block, type EventContext, type Listeners } from "@vitrine/core";
import { BUTTON_VARIANTS, ButtonBase, type ButtonBaseProps } from "@vitrine/button";
import { loginButtonEvents, type LoginButtonEvent } from "./events.js";

const UI_FILE = fileURLToPath(new URL("../dist/ui.js", import.meta.url));

/** Props of a LoginButton. */
export interface LoginButtonProps extends Omit<ButtonBaseProps<(typeof BUTTON_VARIANTS)[number]>, "link"> {
  /** The button's text while nobody is logged in. Default "Login". */
  value?: string | null;
  /**
   * The text once a user is logged in, `{}` standing for the user name (as Gradio's
   * `logout_value`). Default "Logout ({})".
   */
  logout_value?: string;
  /** `"primary"`, `"secondary"` (default) or `"stop"`: the button's colours. */
  variant?: (typeof BUTTON_VARIANTS)[number];
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
}

/**
 * A button to log in to and out of an app launched with `auth` (`launch({ auth })`). While
 * nobody is logged in it reads "Login" and opens the app's login page (`login`); once a user is,
 * it reads "Logout (<user>)" and logs them out (`logout`, back to the login page).
 *
 * Gradio's `gr.LoginButton` signs in with Hugging Face OAuth, which only works on Hugging Face
 * Spaces; Vitrine's works with the app's own `auth` (user names and passwords), wherever the app
 * runs. The text is set on each page load by a load event that reads `ctx.request.username`, so
 * create the button inside a Blocks builder callback.
 */
export class LoginButtonComponent extends ButtonBase<LoginButtonProps> {
  static override readonly events = loginButtonEvents;
  readonly type = "loginbutton";
  readonly ui = { file: UI_FILE };

  constructor(props: LoginButtonProps = {}) {
    super(props, { name: "LoginButton", variants: BUTTON_VARIANTS });
    const logout = props.logout_value;
    if (logout !== undefined && typeof logout !== "string") {
      throw new TypeError(`LoginButton: logout_value must be a string like "Logout ({})", got ${typeof logout}`);
    }
    // As Gradio's: on each page load the text says who is logged in.
    const root = rootScope();
    if (root) {
      listen([[root as unknown as Block, "load"]], {
        fn: ((ctx: EventContext) => this.textFor(ctx.request.username)) as never,
        inputs: [],
        outputs: [this],
        api_name: false,
        show_api: false,
        queue: false,
      });
    }
  }

  /** The button's text for a user (null: nobody logged in). */
  textFor(username: string | null): string {
    if (username === null) return this.initialPayload();
    return (this.props.logout_value ?? "Logout ({})").replaceAll("{}", username);
  }

  protected get defaultText(): string {
    return "Login";
  }

  protected override ownProps(): Record<string, unknown> {
    const { variant = "secondary", size = "lg", icon = null } = this.props;
    // The view tells the two states apart by the text: the logged-out one is this.
    return { variant, size, icon, link: null, login_value: this.initialPayload() };
  }
}
export interface LoginButtonComponent extends Listeners<LoginButtonEvent> {}

/**
 * A LoginButton (see {@link LoginButtonComponent}): "Login" opens the login page of an app
 * launched with `auth`; once logged in it reads "Logout (<user>)" and logs out.
 * @example vt.LoginButton()
 * @example vt.LoginButton("Sign in", { logout_value: "Sign out {}" })
 */
export function LoginButton(value?: string, props?: Omit<LoginButtonProps, "value">): LoginButtonComponent;
export function LoginButton(props?: LoginButtonProps): LoginButtonComponent;
export function LoginButton(a?: string | LoginButtonProps, b: Omit<LoginButtonProps, "value"> = {}): LoginButtonComponent {
  return new LoginButtonComponent(typeof a === "string" ? { ...b, value: a } : (a ?? {}));
}
export type LoginButton = LoginButtonComponent;

/** Props of a LogoutButton. */
export interface LogoutButtonProps extends Omit<ButtonBaseProps<(typeof BUTTON_VARIANTS)[number]>, "link"> {
  /** The button's text. Default "Logout". */
  value?: string | null;
  /** `"primary"`, `"secondary"` (default) or `"stop"`: the button's colours. */
  variant?: (typeof BUTTON_VARIANTS)[number];
  /** Size of the button. Default "lg". */
  size?: "sm" | "md" | "lg";
}

/**
 * A button that logs the user out of an app launched with `auth` (`GET logout`, which ends the
 * session and returns to the login page). Gradio 4 had `gr.LogoutButton` (for Hugging Face
 * OAuth, since deprecated for `gr.LoginButton`); here it is the app's own logout.
 */
export class LogoutButtonComponent extends ButtonBase<LogoutButtonProps> {
  static override readonly events = loginButtonEvents;
  readonly type = "logoutbutton";
  readonly ui = { file: UI_FILE };

  constructor(props: LogoutButtonProps = {}) {
    super(props, { name: "LogoutButton", variants: BUTTON_VARIANTS });
  }

  protected get defaultText(): string {
    return "Logout";
  }

  protected override ownProps(): Record<string, unknown> {
    const { variant = "secondary", size = "lg", icon = null } = this.props;
    return { variant, size, icon, link: null };
  }
}
export interface LogoutButtonComponent extends Listeners<LoginButtonEvent> {}

/**
 * A LogoutButton: logs out of an app launched with `auth`.
 * @example vt.LogoutButton()
 * @example vt.LogoutButton("Sign out", { variant: "stop" })
 */
export function LogoutButton(value?: string, props?: Omit<LogoutButtonProps, "value">): LogoutButtonComponent;
export function LogoutButton(props?: LogoutButtonProps): LogoutButtonComponent;
export function LogoutButton(a?: string | LogoutButtonProps, b: Omit<LogoutButtonProps, "value"> = {}): LogoutButtonComponent {
  return new LogoutButtonComponent(typeof a === "string" ? { ...b, value: a } : (a ?? {}));
}
export type LogoutButton = LogoutButtonComponent;
