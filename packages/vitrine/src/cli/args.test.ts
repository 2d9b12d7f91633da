import { describe, expect, it } from "@jest/globals";
import { parseCommand, UsageError } from "./args.js";

describe("parseCommand", () => {
  it("reads an app file with its options", () => {
    expect(parseCommand(["app.ts", "--watch-dirs", "lib,shared", "--watch-dirs=more", "--demo-name", "hello", "--port", "7861", "--host", "0.0.0.0"])).toEqual({
      command: "run",
      file: "app.ts",
      watchDirs: ["lib", "shared", "more"],
      demoName: "hello",
      port: 7861,
      host: "0.0.0.0",
    });
    expect(parseCommand(["app.js"])).toEqual({ command: "run", file: "app.js", watchDirs: [] });
  });

  it("reads --help and --version before anything else", () => {
    expect(parseCommand(["--help"])).toEqual({ command: "help" });
    expect(parseCommand(["-h", "app.ts"])).toEqual({ command: "help" });
    expect(parseCommand(["--version"])).toEqual({ command: "version" });
    expect(parseCommand(["-v"])).toEqual({ command: "version" });
  });

  it("reads the component commands", () => {
    expect(parseCommand(["create-component", "my-widget"])).toEqual({ command: "create-component", name: "my-widget", linkWorkspace: false });
    expect(parseCommand(["create-component", "w2", "--link-workspace"])).toEqual({ command: "create-component", name: "w2", linkWorkspace: true });
    expect(parseCommand(["build-component"])).toEqual({ command: "build-component" });
  });

  it.each([
    [[], /Missing the app file/],
    [["app.ts", "--nope"], /Unknown option '--nope'/],
    [["app.ts", "--port", "80x"], /Invalid --port "80x"/],
    [["app.ts", "--port", "70000"], /Invalid --port "70000"/],
    [["app.ts", "other.ts"], /Unexpected argument: other\.ts/],
    [["app.ts", "--demo-name", "not a name"], /Invalid --demo-name/],
    [["create-component"], /needs a name/],
    [["create-component", "My Widget"], /Invalid component name "My Widget"/],
    [["build-component", "extra"], /Unexpected argument: extra/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(message);
  });
});
