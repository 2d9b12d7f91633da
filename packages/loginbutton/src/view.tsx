import type { ViewProps } from "@vitrine/core";
import { ButtonView, type ButtonViewProps } from "@vitrine/button/ui";

/** Config props the LoginButton and LogoutButton views read: the Button's, and the LoginButton's logged-out text. */
export interface LoginButtonViewProps extends ButtonViewProps {
  /** LoginButton only: its text while nobody is logged in (any other text means someone is). */
  login_value?: string;
}

/** How long the click event gets to leave before the page goes to the login or logout route, in ms. */
export const NAVIGATION_DELAY_MS = 300;

/** Where a click takes the page: `login` while logged out (LoginButton only), else `logout`. */
export function targetOf(value: string | null, props: Pick<LoginButtonViewProps, "login_value">): "login" | "logout" {
  return props.login_value !== undefined && (value ?? "") === props.login_value ? "login" : "logout";
}

/**
 * The LoginButton and LogoutButton view: the Button's view, which fires `click` and then takes
 * the page to the app's `login` or `logout` route (relative to the page, so a mounted app
 * stays under its path).
 */
export function LoginButtonView(props: ViewProps<string, LoginButtonViewProps>) {
  const { dispatch, value } = props;
  const target = targetOf(value, props.props);
  const navigate = (event: string, data?: unknown) => {
    dispatch(event, data);
    if (event === "click") setTimeout(() => window.location.assign(target), NAVIGATION_DELAY_MS);
  };
  return <ButtonView {...props} props={{ ...props.props, link: null }} dispatch={navigate} />;
}
