import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import type { ApiParameter } from "@vitrine/core";
import { exampleCall, fileValueUrl, literal, shellQuote, snippetFor, type SnippetTarget } from "./api-snippets.js";

const root: SnippetTarget = { url: "http://127.0.0.1:7860/", apiPrefix: "/gradio_api" };
const mounted: SnippetTarget = { url: "https://example.com/apps/demo/", apiPrefix: "/gradio_api" };
const file = { path: "/tmp/vitrine/abc/cat.png", orig_name: "cat.png", meta: { _type: "gradio.FileData" as const } };

/** Runs `source` through bash with `set -n`-free parsing: `bash -n` checks the syntax only. */
function bashParses(source: string): boolean {
  try {
    execFileSync("bash", ["-n"], { input: source });
    return true;
  } catch {
    return false;
  }
}

/** Evaluates a JavaScript expression (an object/array literal from a snippet). */
function evalJs(expression: string): unknown {
  return new Function(`const handle_file = (u) => ({ handle_file: u }); return (${expression});`)();
}

describe("literal", () => {
  it("writes strings with quotes, backslashes, newlines and unicode as literals JavaScript reads back", () => {
    const tricky = `He said "hi" and it's a \\ path\nnew line\ttab — ünïcode 🐱 </script>`;
    expect(evalJs(literal(tricky, "js", root))).toBe(tricky);
    expect(JSON.parse(literal(tricky, "json", root))).toBe(tricky);
  });

  it("writes Python's None, True and False", () => {
    expect(literal(null, "py", root)).toBe("None");
    expect(literal(true, "py", root)).toBe("True");
    expect(literal(false, "py", root)).toBe("False");
    expect(literal([1, null, { a: false }], "py", root)).toBe('[1, None, {"a": False}]');
    expect(literal(null, "js", root)).toBe("null");
    expect(literal(Number.NaN, "json", root)).toBe("null");
  });

  it("nests arrays and objects, leaving undefined members out", () => {
    const value = { headers: ["a", "b"], data: [[1, "x"]], metadata: undefined };
    expect(JSON.parse(literal(value, "json", root))).toEqual({ headers: ["a", "b"], data: [[1, "x"]] });
    expect(evalJs(literal(value, "js", root))).toEqual({ headers: ["a", "b"], data: [[1, "x"]] });
  });

  it("writes files as handle_file(url) in the clients and a FileData with the URL as path in JSON", () => {
    const url = "http://127.0.0.1:7860/gradio_api/file=/tmp/vitrine/abc/cat.png";
    expect(literal(file, "js", root)).toBe(`handle_file(${JSON.stringify(url)})`);
    expect(literal(file, "py", root)).toBe(`handle_file(${JSON.stringify(url)})`);
    expect(JSON.parse(literal(file, "json", root))).toEqual({ path: url, meta: { _type: "gradio.FileData" } });
    // Nested in a value (a gallery, a multimodal message).
    expect(literal({ text: "hi", files: [file] }, "py", root)).toBe(`{"text": "hi", "files": [handle_file(${JSON.stringify(url)})]}`);
  });

  it("takes an http path as it is; builds a server path's URL under the page's mount path; else takes the url", () => {
    expect(fileValueUrl(mounted, { ...file, path: "https://x.test/a.png" })).toBe("https://x.test/a.png");
    expect(fileValueUrl(mounted, file)).toBe("https://example.com/apps/demo/gradio_api/file=/tmp/vitrine/abc/cat.png");
    expect(fileValueUrl(mounted, { ...file, url: "http://elsewhere/gradio_api/file=/tmp/vitrine/abc/cat.png" })).toBe(
      "https://example.com/apps/demo/gradio_api/file=/tmp/vitrine/abc/cat.png",
    );
    expect(fileValueUrl(mounted, { ...file, path: "", url: "https://cdn.example/cat.png" })).toBe("https://cdn.example/cat.png");
  });
});

describe("shellQuote", () => {
  it("leaves plain words alone and single-quotes the rest, escaping single quotes", () => {
    expect(shellQuote("http://127.0.0.1:7860/gradio_api/call/predict")).toBe("http://127.0.0.1:7860/gradio_api/call/predict");
    expect(shellQuote(`{"data": ["it's"]}`)).toBe(`'{"data": ["it'\\''s"]}'`);
    expect(execFileSync("bash", ["-c", `printf %s ${shellQuote(`a 'b' "c" $HOME \`x\``)}`]).toString()).toBe(`a 'b' "c" $HOME \`x\``);
  });
});

describe("snippetFor", () => {
  const calls = [{ apiName: "/predict", args: [{ name: "name", value: `O'Brien "the" \\ great` }] }];

  it("@vitrine/client: connects to the app's URL and predicts by parameter name", () => {
    expect(snippetFor("vitrine", mounted, calls)).toBe(
      [
        `import { Client } from "@vitrine/client";`,
        ``,
        `const client = await Client.connect("https://example.com/apps/demo/");`,
        `const result = await client.predict("/predict", {`,
        `  name: "O'Brien \\"the\\" \\\\ great",`,
        `});`,
        `console.log(result.data);`,
      ].join("\n"),
    );
  });

  it("@gradio/client: the same call with Gradio's package; a file is fetched once, then sent with handle_file", () => {
    const source = snippetFor("gradio-js", root, [
      { apiName: "/flip", args: [{ name: "image", value: file }, { name: "my-angle", value: 90 }] },
      { apiName: "/flip", args: [{ name: "image", value: file }, { name: "my-angle", value: 180 }] },
    ]);
    expect(source).toBe(
      [
        `import { Client, handle_file } from "@gradio/client";`,
        ``,
        `const file1 = new File([await (await fetch("http://127.0.0.1:7860/gradio_api/file=/tmp/vitrine/abc/cat.png")).blob()], "cat.png");`,
        ``,
        `const client = await Client.connect("http://127.0.0.1:7860/");`,
        `const result = await client.predict("/flip", {`,
        `  image: handle_file(file1),`,
        `  "my-angle": 90,`,
        `});`,
        `console.log(result.data);`,
        `const result2 = await client.predict("/flip", {`,
        `  image: handle_file(file1),`,
        `  "my-angle": 180,`,
        `});`,
        `console.log(result2.data);`,
      ].join("\n"),
    );
  });

  it("numbers the results of several calls, in order", () => {
    const source = snippetFor("vitrine", root, [
      { apiName: "/a", args: [] },
      { apiName: "/b", args: [{ name: "x", value: 1 }] },
    ]);
    expect(source).toContain(`const result = await client.predict("/a");\nconsole.log(result.data);`);
    expect(source).toContain(`const result2 = await client.predict("/b", {\n  x: 1,\n});\nconsole.log(result2.data);`);
    expect(source.indexOf('"/a"')).toBeLessThan(source.indexOf('"/b"'));
  });

  it("Python: keyword arguments and api_name, positional when a name is not an identifier", () => {
    expect(snippetFor("python", mounted, calls)).toBe(
      [
        `from gradio_client import Client`,
        ``,
        `client = Client("https://example.com/apps/demo/")`,
        `result = client.predict(`,
        `    name="O'Brien \\"the\\" \\\\ great",`,
        `    api_name="/predict",`,
        `)`,
        `print(result)`,
      ].join("\n"),
    );
    const positional = snippetFor("python", root, [{ apiName: "/f", args: [{ name: "from", value: true }, { name: "x", value: null }] }]);
    expect(positional).toContain(`result = client.predict(\n    True,\n    None,\n    api_name="/f",\n)`);
    expect(snippetFor("python", root, [{ apiName: "/f", args: [{ name: "im", value: file }] }])).toContain(
      "from gradio_client import Client, handle_file",
    );
  });

  it("curl: POST {api_prefix}/call/<name> under the mount path, then GET …/$EVENT_ID; valid bash", () => {
    const source = snippetFor("curl", mounted, calls);
    expect(source).toBe(
      [
        `EVENT_ID=$(curl -s -X POST https://example.com/apps/demo/gradio_api/call/predict -H "Content-Type: application/json" -d '{"data": ["O'\\''Brien \\"the\\" \\\\ great"]}' \\`,
        `  | awk -F'"' '{ print $4 }')`,
        `curl -N https://example.com/apps/demo/gradio_api/call/predict/$EVENT_ID`,
      ].join("\n"),
    );
    expect(bashParses(source)).toBe(true);
    // What bash passes to curl as the body is the JSON of the call.
    const body = execFileSync("bash", ["-c", `printf %s ${source.split(" -d ")[1]!.split(" \\\n")[0]}`]).toString();
    expect(JSON.parse(body)).toEqual({ data: [`O'Brien "the" \\ great`] });
  });

  it("curl: a file is uploaded from its URL first and sent as a FileData with the uploaded path; calls in order", () => {
    const source = snippetFor("curl", mounted, [
      { apiName: "/flip", args: [{ name: "image", value: { ...file, orig_name: "it's.png" } }] },
      { apiName: "/predict", args: [{ name: "name", value: "Ada" }] },
    ]);
    const lines = source.split("\n");
    expect(lines[0]).toBe(
      `FILE_1=$(curl -s https://example.com/apps/demo/gradio_api/file=/tmp/vitrine/abc/cat.png | curl -s -X POST https://example.com/apps/demo/gradio_api/upload -F 'files=@-;filename=it'\\''s.png' | tr -d '[]" ')`,
    );
    expect(lines[1]).toBe(
      `EVENT_ID=$(curl -s -X POST https://example.com/apps/demo/gradio_api/call/flip -H "Content-Type: application/json" -d '{"data": [{"path": "'"$FILE_1"'", "meta": {"_type": "gradio.FileData"}}]}' \\`,
    );
    expect(source.indexOf("call/flip")).toBeLessThan(source.indexOf("call/predict"));
    expect(bashParses(source)).toBe(true);
    // With FILE_1 set, bash passes the body with the uploaded path in it.
    const body = execFileSync("bash", ["-c", `FILE_1="/tmp/up/x y.png"; printf %s ${lines[1]!.split(" -d ")[1]!.replace(/ \\$/, "")}`]).toString();
    expect(JSON.parse(body)).toEqual({ data: [{ path: "/tmp/up/x y.png", meta: { _type: "gradio.FileData" } }] });
  });
});

describe("exampleCall", () => {
  it("names each parameter and gives it its example value (else its default)", () => {
    const params: ApiParameter[] = [
      { label: "name", parameter_name: "name", parameter_has_default: true, parameter_default: "", type: {}, python_type: { type: "str", description: "" }, component: "Textbox", example_input: "Hello!!" },
      { label: "Count", parameter_has_default: true, parameter_default: 3, type: {}, python_type: { type: "float", description: "" }, component: "Number" },
    ];
    expect(exampleCall("/predict", { parameters: params })).toEqual({
      apiName: "/predict",
      args: [
        { name: "name", value: "Hello!!" },
        { name: "Count", value: 3 },
      ],
    });
  });
});
