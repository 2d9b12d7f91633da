import { describe, expect, it } from "@jest/globals";
import { Blocks } from "@vitrine/core";
import { LoginButton, LoginButtonComponent, LogoutButton } from "./index.js";

describe("LoginButton", () => {
  it("reads Login, and Logout (<user>) for a logged-in user", () => {
    const b = LoginButton();
    expect(b.initialPayload()).toBe("Login");
    expect(b.textFor(null)).toBe("Login");
    expect(b.textFor("ada")).toBe("Logout (ada)");
    const custom = LoginButton("Sign in", { logout_value: "Sign out {} ({})" });
    expect(custom.textFor("ada")).toBe("Sign out ada (ada)");
    expect(custom.textFor(null)).toBe("Sign in");
  });

  it("puts its logged-out text in the config, for the view", () => {
    const b = LoginButton("Enter");
    expect(b.configProps()).toMatchObject({ value: "Enter", login_value: "Enter", variant: "secondary", size: "lg", link: null });
  });

  it("in a Blocks builder, adds a private load event setting its text from ctx.request.username", async () => {
    let button!: LoginButtonComponent;
    const app = Blocks(() => {
      button = LoginButton();
    });
    const deps = app.dependencies;
    expect(deps).toHaveLength(1);
    const dep = deps[0]!;
    const config = app.config() as unknown as { dependencies: { targets: [number, string][]; api_name: unknown; queue: boolean; outputs: number[] }[] };
    const d = config.dependencies[0]!;
    expect(d.targets[0]![1]).toBe("load");
    expect(d.outputs).toEqual([button.id]);
    expect(d.queue).toBe(false);
    expect(app.apiInfo().named_endpoints).toEqual({});
    const fn = dep.options.fn as (ctx: unknown) => string;
    expect(fn({ request: { username: "grace" } })).toBe("Logout (grace)");
    expect(fn({ request: { username: null } })).toBe("Login");
  });

  it("rejects bad props with a message", () => {
    expect(() => LoginButton({ variant: "huggingface" as never })).toThrow(/LoginButton: variant must be/);
    expect(() => LoginButton({ logout_value: 3 as never })).toThrow(/logout_value must be a string/);
  });
});

describe("LogoutButton", () => {
  it("reads Logout and has no load event", () => {
    const app = Blocks(() => {
      LogoutButton();
    });
    expect(app.dependencies).toHaveLength(0);
    expect(LogoutButton().initialPayload()).toBe("Logout");
    expect(LogoutButton("Bye").configProps()).toMatchObject({ value: "Bye", link: null });
    expect(LogoutButton().configProps()).not.toHaveProperty("login_value");
  });
});
