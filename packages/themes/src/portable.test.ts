import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@jest/globals";

test("the package runs in browsers too: no Node modules or globals in its source", () => {
  const dir = new URL(".", import.meta.url);
  const files = readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  expect(files.length).toBeGreaterThan(5);
  for (const name of files) {
    const source = readFileSync(new URL(name, dir), "utf8");
    expect([name, source.match(/from\s+"(node:[^"]+|fs|path|url|os|crypto)"/)?.[1]]).toEqual([name, undefined]);
    expect([name, source.match(/\b(process|Buffer|require|__dirname)\b[.(]/)?.[0]]).toEqual([name, undefined]);
  }
});
