/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from "@jest/globals";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { LoginButtonView, NAVIGATION_DELAY_MS, targetOf } from "./view.js";
import { LoginButtonExample } from "./example.js";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function mount(element: React.ReactElement) {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  act(() => root.render(element));
  return { container, unmount: () => act(() => root.unmount()) };
}

const common = { id: 1, status: { stage: "idle" as const }, onChange: () => {}, upload: async () => [], fileUrl: (f: { path: string }) => f.path };
const buttonProps = { variant: "secondary" as const, size: "lg" as const, icon: null, link: null };

describe("targetOf", () => {
  it("goes to login while the LoginButton shows its logged-out text, else to logout", () => {
    expect(targetOf("Login", { login_value: "Login" })).toBe("login");
    expect(targetOf("Logout (ada)", { login_value: "Login" })).toBe("logout");
    expect(targetOf("Logout", {})).toBe("logout");
  });
});

describe("LoginButtonView in a DOM", () => {
  it("is a button with its text; a click fires click, then leaves for the route", () => {
    jest.useFakeTimers();
    const events: string[] = [];
    const { container, unmount } = mount(
      <LoginButtonView {...common} interactive value="Logout (ada)" dispatch={(e) => void events.push(e)} props={{ ...buttonProps, login_value: "Login" }} />,
    );
    const button = container.querySelector("button")!;
    expect(button.textContent).toBe("Logout (ada)");
    expect(button.className).toBe("vt-button vt-button-secondary vt-button-lg");
    act(() => button.click());
    expect(events).toEqual(["click"]);
    // jsdom cannot navigate: it reports the attempt as an error, which is what we look for.
    const errors: string[] = [];
    const spy = jest.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(String(args[0])));
    jest.advanceTimersByTime(NAVIGATION_DELAY_MS);
    spy.mockRestore();
    jest.useRealTimers();
    expect(errors.join("\n")).toMatch(/navigation/i);
    unmount();
  });

  it("is disabled when not interactive", () => {
    const { container, unmount } = mount(
      <LoginButtonView {...common} interactive={false} value="Login" dispatch={() => {}} props={{ ...buttonProps, login_value: "Login" }} />,
    );
    expect(container.querySelector("button")!.disabled).toBe(true);
    unmount();
  });
});

describe("LoginButtonExample", () => {
  it("shows the text", () => {
    const { container, unmount } = mount(<LoginButtonExample value="Login" props={{}} fileUrl={(f) => f.path} />);
    expect(container.textContent).toBe("Login");
    unmount();
  });
});
