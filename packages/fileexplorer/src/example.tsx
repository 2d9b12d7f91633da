import type { ExampleProps } from "@vitrine/core";

/** The FileExplorer's example view: up to three chosen paths (`./docs/a.txt`), then "…" when there are more. */
export function FileExplorerExample({ value }: ExampleProps<string[][] | null>) {
  const paths = Array.isArray(value) ? value.filter(Array.isArray) : [];
  if (paths.length === 0) return null;
  return (
    <ul className="vt-example-text" style={{ listStyle: "none", margin: 0, padding: 0, whiteSpace: "nowrap" }}>
      {paths.slice(0, 3).map((p) => {
        const shown = `./${p.join("/")}`;
        return <li key={shown}><code>{shown}</code></li>;
      })}
      {paths.length > 3 ? <li>…</li> : null}
    </ul>
  );
}
