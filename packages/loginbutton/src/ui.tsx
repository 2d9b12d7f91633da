/** Browser entry: the LoginButton / LogoutButton view. The page loads this module and renders its default export. */
export { LoginButtonView as default, LoginButtonView, targetOf, type LoginButtonViewProps } from "./view.js";
export { LoginButtonExample as Example } from "./example.js";
