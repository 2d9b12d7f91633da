export {
  LoginButton,
  LoginButtonComponent,
  LogoutButton,
  LogoutButtonComponent,
  type LoginButtonProps,
  type LogoutButtonProps,
} from "./process.js";
export { loginButtonEvents, type LoginButtonEvent } from "./events.js";
