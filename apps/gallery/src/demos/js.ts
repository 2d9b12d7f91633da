import * as vt from "vitrine";

/**
 * Client-side functions (`js`): one runs in the browser instead of a server function, one
 * prepares the input in the browser before the server function runs.
 */
export function js() {
  return vt.Blocks({ title: "js" }, () => {
    vt.Markdown("# js\nSome work needs no server: a `js` function runs in the page.");
    const text = vt.Textbox({ label: "text", value: "Hello, Vitrine" });
    const out = vt.Textbox({ label: "result" });
    vt.Row(() => {
      vt.Button("Reverse in the browser").click({
        fn: null,
        js: "(text) => [...text].reverse().join('')",
        inputs: [text],
        outputs: [out],
      });
      vt.Button("Upper-case, then the server").click({
        fn: (t: string) => `${t} (seen by the server)`,
        // A function is sent as its source: it must not use anything from this file's scope.
        js: (t: string) => t.toUpperCase(),
        inputs: [text],
        outputs: [out],
        api_name: "shout",
      });
      vt.Button("Swap").click({
        fn: null,
        js: "(a, b) => [b, a]",
        inputs: [text, out],
        outputs: [text, out],
      });
    });
  });
}
