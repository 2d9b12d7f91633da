/**
 * Auth in a real browser (issue 11): the login page refuses a wrong password and admits a right
 * one, shows auth_message, is accessible; the user reaches functions as `ctx.request.username`;
 * LoginButton shows who is logged in and LogoutButton returns to the login page.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axeViolations, describeViolations } from "@vitrine/component-test";
import * as vt from "vitrine";
import { launchBrowser, waitForValue } from "./browser.js";

let server: vt.RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const demo = vt.Blocks({ title: "Members area" }, () => {
    vt.LoginButton();
    vt.LogoutButton();
    const name = vt.Textbox({ label: "name" });
    const out = vt.Textbox({ label: "greeting" });
    vt.Button("Greet").click({ fn: (n: string, ctx) => `Hello ${n}, logged in as ${ctx.request.username}`, inputs: [name], outputs: [out] });
  });
  server = await demo.launch({
    server_port: 0,
    quiet: true,
    auth: [
      ["ada", "lovelace"],
      ["grace", "hopper"],
    ],
    auth_message: "Use your <strong>members</strong> account",
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  pageErrors.length = 0;
  page.on("pageerror", (err) => pageErrors.push(err.message));
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

async function logIn(user: string, password: string): Promise<void> {
  await page.getByLabel("Username").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Login" }).click();
}

async function waitForApp(): Promise<void> {
  await page.locator("#vt-root .vt-app").waitFor({ timeout: 15_000 });
}

describe("the login page", () => {
  it("shows auth_message, refuses a wrong password, then admits a right one", async () => {
    await page.goto(server.url);
    await expect(page.getByRole("heading", { name: "Login" }).isVisible()).resolves.toBe(true);
    expect(await page.locator(".vt-login-message").innerText()).toBe("Use your members account");
    expect(await page.locator(".vt-login-message strong").innerText()).toBe("members");
    expect(await page.title()).toBe("Members area");

    await logIn("ada", "wrong");
    await page.getByRole("alert").filter({ hasText: "Incorrect credentials." }).waitFor();
    expect(await page.getByLabel("Username").inputValue()).toBe("");
    expect(await page.locator("#vt-root").count()).toBe(0);

    await logIn("ada", "lovelace");
    await waitForApp();
    expect(await page.getByRole("heading", { name: "Login" }).count()).toBe(0);
  });

  it("passes axe-core (WCAG A/AA) in light and dark", async () => {
    for (const theme of ["light", "dark"]) {
      await page.goto(`${server.url}?__theme=${theme}`);
      const violations = await axeViolations(page, ["body"]);
      expect(describeViolations(violations)).toBe("");
    }
  });

  it("the app's own routes stay closed to the page without a session", async () => {
    await page.goto(server.url);
    const status = await page.evaluate(async () => (await fetch("config")).status);
    expect(status).toBe(401);
  });
});

describe("logged in", () => {
  it("a function reads the user as ctx.request.username", async () => {
    await page.goto(server.url);
    await logIn("grace", "hopper");
    await waitForApp();
    await page.getByLabel("name", { exact: true }).fill("Grace");
    await page.getByRole("button", { name: "Greet" }).click();
    expect(await waitForValue(page, "greeting", "Hello Grace, logged in as grace")).toBe("Hello Grace, logged in as grace");
  });

  it("LoginButton reads Logout (<user>); LogoutButton returns to the login page, which then holds", async () => {
    await page.goto(server.url);
    await logIn("ada", "lovelace");
    await waitForApp();
    await page.getByRole("button", { name: "Logout (ada)" }).waitFor();
    await page.getByRole("button", { name: "Logout", exact: true }).click();
    await page.getByRole("heading", { name: "Login" }).waitFor({ timeout: 10_000 });
    await page.reload();
    await page.getByRole("heading", { name: "Login" }).waitFor();
    expect(await page.locator("#vt-root").count()).toBe(0);
  });

  it("LoginButton's Logout (<user>) logs out too", async () => {
    await page.goto(server.url);
    await logIn("ada", "lovelace");
    await waitForApp();
    await page.getByRole("button", { name: "Logout (ada)" }).click();
    await page.getByRole("heading", { name: "Login" }).waitFor({ timeout: 10_000 });
  });
});
