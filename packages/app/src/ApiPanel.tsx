import { useEffect, useState } from "react";
import type { ApiInfo, AppConfig } from "@vitrine/core";

/** Loads the app's API description (`/gradio_api/info`). */
function useApiInfo(root: string, prefix: string): ApiInfo | Error | null {
  const [info, setInfo] = useState<ApiInfo | Error | null>(null);
  useEffect(() => {
    let live = true;
    fetch(`${root}${prefix}/info`)
      .then((r) => (r.ok ? (r.json() as Promise<ApiInfo>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(
        (i) => live && setInfo(i),
        (e: unknown) => live && setInfo(e instanceof Error ? e : new Error(String(e))),
      );
    return () => {
      live = false;
    };
  }, [root, prefix]);
  return info;
}

/** A call of one endpoint with `@vitrine/client`, with each parameter's example value. */
function snippet(root: string, name: string, params: ApiInfo["named_endpoints"][string]["parameters"]): string {
  const args = params.map((p) => `  ${p.parameter_name ?? "arg"}: ${JSON.stringify(p.example_input ?? null)},`).join("\n");
  return [
    `import { Client } from "@vitrine/client";`,
    ``,
    `const app = await Client.connect(${JSON.stringify(root + "/")});`,
    `const result = await app.predict(${JSON.stringify(name)}, {`,
    args,
    `});`,
    `console.log(result.data);`,
  ].join("\n");
}

/** "Use via API": the app's public endpoints, their parameters and returns, and a client call of each. */
export default function ApiPanel({ root, config, onClose }: { root: string; config: AppConfig; onClose: () => void }) {
  const info = useApiInfo(root, config.api_prefix);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  const endpoints = info && !(info instanceof Error) ? Object.entries(info.named_endpoints) : [];
  return (
    <div className="vt-api-backdrop" onClick={onClose}>
      <section className="vt-api-panel" role="dialog" aria-modal="true" aria-label="API" onClick={(e) => e.stopPropagation()}>
        <header className="vt-api-header">
          <h2>API</h2>
          <button type="button" className="vt-toast-close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {info === null ? <p>Loading…</p> : null}
        {info instanceof Error ? <p className="vt-error-box">Could not load the API description: {info.message}</p> : null}
        {info && !(info instanceof Error) && endpoints.length === 0 ? <p>This app has no public endpoints.</p> : null}
        {endpoints.map(([name, endpoint]) => (
          <article key={name} className="vt-api-endpoint">
            <h3>
              <code>{name}</code>
            </h3>
            {endpoint.description ? <p>{endpoint.description}</p> : null}
            <p className="vt-label">Parameters</p>
            <ul>
              {endpoint.parameters.map((p) => (
                <li key={p.parameter_name ?? p.label}>
                  <code>{p.parameter_name ?? p.label}</code> <span className="vt-info">{p.python_type.type}</span> — {p.component} “{p.label}”
                  {p.parameter_has_default ? (
                    <span className="vt-info"> (default: <code>{JSON.stringify(p.parameter_default)}</code>)</span>
                  ) : (
                    <span className="vt-info"> (required)</span>
                  )}
                </li>
              ))}
            </ul>
            <p className="vt-label">Returns</p>
            <ul>
              {endpoint.returns.map((r, i) => (
                <li key={i}>
                  <span className="vt-info">{r.python_type.type}</span> — {r.component} “{r.label}”
                </li>
              ))}
            </ul>
            <pre className="vt-api-snippet">
              <code>{snippet(root, name, endpoint.parameters)}</code>
            </pre>
          </article>
        ))}
      </section>
    </div>
  );
}
