import { posix } from "node:path";
import { escapeHtml } from "./markdown.js";

/** A page of the site before it is wrapped in the shell. */
export interface Page {
  /** Its path under dist/, e.g. `components/textbox.html`. */
  path: string;
  title: string;
  /** The navigation group it is listed under. */
  section: string;
  /** Its content, as HTML. */
  body: string;
  /** Plain text for the search index (headings, descriptions, prop names). */
  text: string;
  /** Whether it embeds a live demo (an iframe of /demos/<name>/). */
  demo: string | null;
}

/** The navigation groups, in order. */
export const SECTIONS = ["Guides", "Components", "Layouts", "Helpers", "Client", "Packages"] as const;

/** The relative URL from one page to another path under dist/. */
export function relativeUrl(from: string, to: string): string {
  const [file, hash] = to.split("#") as [string, string | undefined];
  let rel = posix.relative(posix.dirname(from), file);
  if (rel === "") rel = file.endsWith("/") ? "./" : posix.basename(file);
  else if (file.endsWith("/")) rel += "/";
  return hash === undefined ? rel : `${rel}#${hash}`;
}

/** Wraps a page's body in the site's shell: head, header with search, navigation, footer. */
export function renderShell(page: Page, pages: readonly Page[]): string {
  const link = (to: string) => escapeHtml(relativeUrl(page.path, to));
  const nav = SECTIONS.map((section) => {
    const items = pages.filter((p) => p.section === section);
    if (!items.length) return "";
    const list = items
      .map((p) => `<li><a href="${link(p.path)}"${p.path === page.path ? ' aria-current="page"' : ""}>${escapeHtml(p.title)}</a></li>`)
      .join("");
    return `<details${page.section === section ? " open" : ""}><summary>${section}</summary><ul>${list}</ul></details>`;
  }).join("\n");
  const root = relativeUrl(page.path, "index.html").replace(/index\.html$/, "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} · Vitrine docs</title>
<link rel="icon" href="${link("favicon.svg")}" type="image/svg+xml">
<link rel="stylesheet" href="${link("style.css")}">
<script src="${link("search.js")}" data-root="${escapeHtml(root)}" defer></script>
</head>
<body>
<header class="top">
<a class="brand" href="${link("index.html")}">Vitrine docs</a>
<form class="search" role="search" action="${link("search.html")}">
<input id="search" name="q" type="search" placeholder="Search the docs" aria-label="Search the docs" autocomplete="off">
<ul id="search-results" role="listbox" hidden></ul>
</form>
</header>
<div class="layout">
<nav class="side" aria-label="Pages">
${nav}
</nav>
<main>
${page.body}
</main>
</div>
</body>
</html>
`;
}
