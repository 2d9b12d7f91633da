import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile, copyFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";
import MiniSearch from "minisearch";
import { componentDemos, helperPages, layoutPages, otherPackages, type DemoRef, type ReferencePage } from "./catalog.js";
import { componentDoc, SourceReader, type ComponentDoc, type EventDoc, type FactoryDoc, type PropDoc, type SymbolDoc } from "./extract.js";
import { escapeHtml, highlight, markdownSection, renderDoc, renderMarkdown, slugify } from "./markdown.js";
import { relativeUrl, renderShell, type Page } from "./page.js";
import { SEARCH_FIELDS, SEARCH_STORE } from "./search-options.js";

/** Where the repository's parts are. */
export interface SitePaths {
  /** The repository's root. */
  repo: string;
  /** Where the site is written (emptied first). */
  outDir: string;
}

const here = dirname(fileURLToPath(import.meta.url));

/** The default paths: this repository, and apps/docs/dist. */
export function defaultPaths(): SitePaths {
  const repo = join(here, "..", "..", "..");
  return { repo, outDir: join(here, "..", "dist") };
}

/** What a build made: each page's path and whether it embeds a demo. */
export interface SiteManifest {
  pages: { path: string; title: string; demo: string | null }[];
}

const code = (text: string) => `<code>${escapeHtml(text)}</code>`;

/** A table of props or fields. */
function propsTable(rows: readonly PropDoc[], withDefault = true): string {
  if (!rows.length) return "<p>None of its own.</p>";
  const body = rows
    .map(
      (r) =>
        `<tr${r.inheritedFrom ? ' class="inherited"' : ""}><td>${code(r.name + (r.optional ? "?" : ""))}</td><td>${code(r.type)}</td>` +
        (withDefault ? `<td>${r.default ? code(r.default) : ""}</td>` : "") +
        `<td>${renderDoc(r.description)}${r.inheritedFrom ? `<p class="from">from ${code(r.inheritedFrom)}</p>` : ""}</td></tr>`,
    )
    .join("\n");
  return `<div class="table"><table><thead><tr><th>name</th><th>type</th>${withDefault ? "<th>default</th>" : ""}<th>description</th></tr></thead><tbody>
${body}
</tbody></table></div>`;
}

function eventsTable(events: readonly EventDoc[]): string {
  if (!events.length) return "<p>It fires no events.</p>";
  const body = events
    .map((e) => `<tr><td>${code(`.${e.name}`)}</td><td>${e.dataType ? code(e.dataType) : "<span class=\"muted\">none</span>"}</td><td>${renderDoc(e.description)}</td></tr>`)
    .join("\n");
  return `<div class="table"><table><thead><tr><th>listener</th><th><code>ctx.event.data</code></th><th>description</th></tr></thead><tbody>
${body}
</tbody></table></div>`;
}

/** A documented symbol: heading, signature(s), TSDoc, examples and members. */
function symbolSection(doc: SymbolDoc, level = 3): string {
  const id = `api-${slugify(doc.name)}`;
  const parts = [`<h${level} id="${id}"><a class="anchor" href="#${id}">${code(doc.name)}</a> <span class="kind">${doc.kind}</span></h${level}>`];
  if (doc.signatures.length) parts.push(highlight(doc.signatures.join("\n"), "ts"));
  if (doc.description) parts.push(renderDoc(doc.description));
  for (const ex of doc.examples) parts.push(highlight(ex.replace(/^```\w*\n?|```$/g, "").trim(), "ts"));
  if (doc.members.length) parts.push(propsTable(doc.members, doc.kind === "interface"));
  return parts.join("\n");
}

function factorySection(f: FactoryDoc, multiple: boolean): string {
  const id = `vt-${slugify(f.name)}`;
  const parts = [
    multiple ? `<h3 id="${id}"><a class="anchor" href="#${id}">${code(`vt.${f.name}`)}</a></h3>` : "",
    highlight(f.signatures.join("\n"), "ts"),
    renderDoc(f.description),
    ...f.examples.map((ex) => highlight(ex, "ts")),
  ];
  if (f.propsName) parts.push(`<h4>Props: ${code(f.propsName)}</h4>`, propsTable(f.props));
  return parts.join("\n");
}

/** The demo block: the gallery demo running in an iframe, and its source file highlighted. */
function demoBlock(pagePath: string, demo: DemoRef, galleryDemos: string): string {
  const file = demo.file ?? `${demo.name}.ts`;
  const source = readFileSync(join(galleryDemos, file), "utf8");
  const src = relativeUrl(pagePath, `demos/${demo.name}/`);
  return `<section class="demo" data-demo="${escapeHtml(demo.name)}">
<h2 id="demo"><a class="anchor" href="#demo">Live demo</a></h2>
<p>The gallery's <a href="${escapeHtml(src)}">${code(demo.name)}</a> demo, running beside these docs (<code>pnpm docs</code> serves it). Its source, <code>apps/gallery/src/demos/${escapeHtml(file)}</code>, is below.</p>
<iframe class="demo-frame" src="${escapeHtml(src)}" title="${escapeHtml(demo.name)} demo" loading="lazy"></iframe>
<details class="source" open><summary>${escapeHtml(file)}</summary>
${highlight(source, "ts")}
</details>
</section>`;
}

/** Reads the docs site's inputs and writes it to `paths.outDir`. */
export async function buildSite(paths: SitePaths = defaultPaths()): Promise<SiteManifest> {
  const packagesDir = join(paths.repo, "packages");
  const docsDir = join(paths.repo, "docs");
  const galleryDemos = join(paths.repo, "apps", "gallery", "src", "demos");
  const componentPkgs = readdirSync(packagesDir)
    .filter((p) => existsSync(join(packagesDir, p, "src", "process.ts")))
    .sort();
  const referenced = [...layoutPages, ...helperPages].flatMap((p) => p.symbols.map((s) => s.split(":")[0]!));
  const entryFiles = [
    ...componentPkgs.flatMap((p) => [join(packagesDir, p, "src", "process.ts"), join(packagesDir, p, "src", "events.ts")]),
    ...[...new Set([...referenced, "client"])].map((p) => join(packagesDir, p, "src", "index.ts")),
  ].filter((f) => existsSync(f));
  const reader = new SourceReader(entryFiles);
  const exportsCache = new Map<string, ReturnType<SourceReader["exportsOf"]>>();
  const symbol = (ref: string) => {
    const [pkg, name] = ref.split(":") as [string, string];
    if (!exportsCache.has(pkg)) exportsCache.set(pkg, reader.exportsOf(join(packagesDir, pkg, "src", "index.ts")));
    const sym = exportsCache.get(pkg)!.get(name);
    if (!sym) throw new Error(`@vitrine/${pkg} does not export ${name} (apps/docs/src/catalog.ts)`);
    return sym;
  };

  /** Where a repository file is on the site, or null when the site has no page for it. */
  const siteTarget = (repoPath: string): string | null => {
    const [file, hash] = repoPath.split("#") as [string, string | undefined];
    const frag = hash ? `#${hash}` : "";
    let m = /^docs\/([\w-]+)\.md$/.exec(file);
    if (m) return `guides/${m[1] === "README" ? "index" : m[1]}.html${frag}`;
    m = /^packages\/([\w-]+)\/README\.md$/.exec(file);
    if (m && componentPkgs.includes(m[1]!)) return `components/${m[1]}.html${frag}`;
    if (m && otherPackages.includes(m[1]!)) return `${m[1] === "client" ? "client" : `packages/${m[1]}`}.html${frag}`;
    return null;
  };
  /** Renders a repository Markdown file's text for a page, rewriting its relative links. */
  const markdownFor = (pagePath: string, sourcePath: string, text: string, options: { dropHeadingsUpTo?: number; shiftHeadings?: number } = {}) =>
    renderMarkdown(text, {
      ...options,
      rewriteLink: (href) => {
        if (/^([a-z][a-z0-9+.-]*:|#)/i.test(href)) return href;
        const repoPath = posix.normalize(posix.join(posix.dirname(sourcePath), href));
        const target = siteTarget(repoPath);
        if (target === null) return "";
        return relativeUrl(pagePath, target);
      },
    });

  const pages: Page[] = [];
  const demoLinks = (pagePath: string, demos: readonly DemoRef[]) =>
    demos.length > 1
      ? `<p>Also in the gallery: ${demos
          .slice(1)
          .map((d) => `<a href="${escapeHtml(relativeUrl(pagePath, `demos/${d.name}/`))}">${code(d.name)}</a>`)
          .join(", ")}.</p>`
      : "";

  // Components: one page per package.
  const componentDocs: ComponentDoc[] = componentPkgs.map((pkg) => componentDoc(reader, packagesDir, pkg));
  for (const doc of componentDocs) {
    const path = `components/${doc.pkg}.html`;
    const names = doc.factories.map((f) => f.name);
    const title = names.length ? names.join(", ") : doc.pkg;
    const readmePath = join(packagesDir, doc.pkg, "README.md");
    const readme = existsSync(readmePath) ? readFileSync(readmePath, "utf8") : "";
    const pkgJson = JSON.parse(readFileSync(join(packagesDir, doc.pkg, "package.json"), "utf8")) as { name: string; description?: string };
    const demos = componentDemos[doc.pkg] ?? [];
    const body = [
      `<h1>${escapeHtml(title)}</h1>`,
      `<p class="lead">${escapeHtml(pkgJson.description ?? "")} Package ${code(pkgJson.name)}; every factory is also ${code(`vt.${names[0] ?? doc.pkg}`)} in ${code("vitrine")}.</p>`,
      demos.length ? demoBlock(path, demos[0]!, galleryDemos) + demoLinks(path, demos) : `<section class="demo"><h2 id="demo">Live demo</h2><p class="muted">The gallery has no demo of ${escapeHtml(title)} yet; the example below shows it in use.</p></section>`,
      `<h2 id="api"><a class="anchor" href="#api">API</a></h2>`,
      ...doc.factories.map((f) => factorySection(f, doc.factories.length > 1)),
      `<h2 id="events"><a class="anchor" href="#events">Events</a></h2>`,
      `<p>Each event is a listener method (${code(`.${doc.events[0]?.name ?? "change"}({ fn, inputs, outputs })`)}); see <a href="${escapeHtml(relativeUrl(path, "helpers/events.html"))}">Events</a> for its options.</p>`,
      renderDoc(doc.eventsDescription),
      eventsTable(doc.events),
      ...doc.eventTypes.map((t) => symbolSection(t, 3)),
      readme ? `<h2 id="readme"><a class="anchor" href="#readme">From the README</a></h2>` + markdownFor(path, `packages/${doc.pkg}/README.md`, readme, { dropHeadingsUpTo: 1, shiftHeadings: 1 }).html : "",
    ].join("\n");
    const text = [title, pkgJson.description, ...doc.factories.flatMap((f) => [f.description, ...f.props.map((p) => `${p.name} ${p.description}`)]), ...doc.events.map((e) => e.name)].join("\n");
    pages.push({ path, title, section: "Components", body, text, demo: demos[0]?.name ?? null });
  }

  // Layouts and helpers: core's TSDoc, the events of the block, and the guide's section.
  const referencePage = (ref: ReferencePage, folder: string, section: string) => {
    const path = `${folder}/${ref.slug}.html`;
    const guideText = readFileSync(join(docsDir, ref.guide.file), "utf8");
    const guideSection = markdownSection(guideText, ref.guide.heading, ref.guide.file);
    const guideSlug = ref.guide.file.replace(/\.md$/, "");
    const guideUrl = relativeUrl(path, `guides/${guideSlug}.html${ref.guide.heading ? `#${slugify(renderMarkdown(`# ${ref.guide.heading}`).headings[0]?.text ?? ref.guide.heading)}` : ""}`);
    const docs = ref.symbols.map((s) => reader.describe(symbol(s)));
    const factories = ref.symbols
      .map((s) => symbol(s))
      .filter((s) => /^[A-Z]/.test(s.getName()) && reader.describe(s).kind === "function" && ref.symbols.some((r) => r.endsWith(`:${s.getName()}Props`)));
    const events: EventDoc[] = ref.eventsOf
      ? reader
          .describe(symbol(ref.eventsOf))
          .members.filter((m) => m.type.startsWith("EventListener"))
          .map((m) => ({ name: m.name, dataType: /^EventListener<(.+)>$/.exec(m.type)?.[1] ?? null, description: m.description }))
      : [];
    const body = [
      `<h1>${escapeHtml(ref.title)}</h1>`,
      `<p class="lead">${escapeHtml(ref.summary)}</p>`,
      ref.demo ? demoBlock(path, ref.demo, galleryDemos) : `<section class="demo"><h2 id="demo">Live demo</h2><p class="muted">The gallery has no demo of this yet; the guide's examples below show it in use.</p></section>`,
      `<h2 id="api"><a class="anchor" href="#api">API</a></h2>`,
      ...docs.map((d) => (factories.some((f) => f.getName() === d.name) ? symbolSection({ ...d, members: [] }) : symbolSection(d))),
      ref.eventsOf ? `<h2 id="events"><a class="anchor" href="#events">Events</a></h2>${eventsTable(events)}` : "",
      `<h2 id="guide"><a class="anchor" href="#guide">From the guide</a></h2>`,
      `<p>From <a href="${escapeHtml(guideUrl)}">${escapeHtml(ref.guide.heading?.replace(/`/g, "") ?? guideSlug)}</a>:</p>`,
      markdownFor(path, `docs/${ref.guide.file}`, guideSection, { shiftHeadings: 1 }).html,
    ].join("\n");
    const text = [ref.title, ref.summary, ...docs.flatMap((d) => [d.name, d.description, ...d.members.map((m) => `${m.name} ${m.description}`)]), guideSection].join("\n");
    pages.push({ path, title: ref.title, section, body, text, demo: ref.demo?.name ?? null });
  };
  for (const ref of layoutPages) referencePage(ref, "layouts", "Layouts");
  for (const ref of helperPages) referencePage(ref, "helpers", "Helpers");

  // Guides.
  const guideIndex = readFileSync(join(docsDir, "README.md"), "utf8");
  {
    const path = "guides/index.html";
    const r = markdownFor(path, "docs/README.md", guideIndex);
    pages.push({ path, title: "All guides", section: "Guides", body: r.html, text: guideIndex, demo: null });
  }
  // Guides in the order docs/README.md links them, then any it does not list yet.
  const listed = [...guideIndex.matchAll(/\]\(\.\/([\w-]+)\.md\)/g)].map((m) => m[1]!);
  const present = readdirSync(docsDir)
    .filter((f) => f.endsWith(".md") && f !== "README.md")
    .map((f) => f.replace(/\.md$/, ""))
    .sort();
  const guideOrder = [...listed.filter((g) => present.includes(g)), ...present.filter((g) => !listed.includes(g))];
  for (const slug of guideOrder) {
    const path = `guides/${slug}.html`;
    const source = readFileSync(join(docsDir, `${slug}.md`), "utf8");
    const r = markdownFor(path, `docs/${slug}.md`, source);
    const title = r.headings.find((h) => h.depth === 1)?.text ?? slug;
    const toc = r.headings.filter((h) => h.depth === 2);
    const tocHtml = toc.length ? `<nav class="toc" aria-label="On this page"><ul>${toc.map((h) => `<li><a href="#${h.id}">${escapeHtml(h.text)}</a></li>`).join("")}</ul></nav>` : "";
    pages.push({ path, title, section: "Guides", body: tocHtml + r.html, text: source, demo: null });
  }

  // The client's API: its README, then every export's TSDoc.
  {
    const path = "client.html";
    const readme = readFileSync(join(packagesDir, "client", "README.md"), "utf8");
    const exports = [...reader.exportsOf(join(packagesDir, "client", "src", "index.ts")).values()];
    const docs = exports.map((s) => reader.describe(s)).sort((a, b) => ["class", "function", "interface", "type", "variable"].indexOf(a.kind) - ["class", "function", "interface", "type", "variable"].indexOf(b.kind));
    const body = [
      `<h1>The client: <code>@vitrine/client</code></h1>`,
      markdownFor(path, "packages/client/README.md", readme, { dropHeadingsUpTo: 1 }).html,
      `<h2 id="api"><a class="anchor" href="#api">API reference</a></h2>`,
      `<ul class="cols">${docs.map((d) => `<li><a href="#api-${slugify(d.name)}">${code(d.name)}</a></li>`).join("")}</ul>`,
      ...docs.map((d) => symbolSection(d)),
    ].join("\n");
    pages.push({ path, title: "Client API", section: "Client", body, text: [readme, ...docs.flatMap((d) => [d.name, d.description])].join("\n"), demo: null });
  }

  // Other packages: their READMEs.
  for (const pkg of otherPackages.filter((p) => p !== "client")) {
    const path = `packages/${pkg}.html`;
    const readme = readFileSync(join(packagesDir, pkg, "README.md"), "utf8");
    const r = markdownFor(path, `packages/${pkg}/README.md`, readme);
    const name = (JSON.parse(readFileSync(join(packagesDir, pkg, "package.json"), "utf8")) as { name: string }).name;
    pages.push({ path, title: name, section: "Packages", body: r.html, text: readme, demo: null });
  }

  // The index: the project's quick start and every page by group.
  {
    const path = "index.html";
    const rootReadme = readFileSync(join(paths.repo, "README.md"), "utf8");
    const intro = markdownSection(rootReadme, null, "README.md");
    const quick = markdownSection(rootReadme, "Quick start", "README.md");
    const group = (section: string) =>
      `<h2 id="${slugify(section)}">${section}</h2><ul class="cards">${pages
        .filter((p) => p.section === section)
        .map((p) => `<li><a href="${escapeHtml(p.path)}">${escapeHtml(p.title)}</a>${p.demo ? ' <span class="badge">live demo</span>' : ""}</li>`)
        .join("")}</ul>`;
    const body = [
      `<h1>Vitrine</h1>`,
      markdownFor(path, "README.md", intro).html,
      `<h2 id="quick-start">Quick start</h2>`,
      markdownFor(path, "README.md", quick, { shiftHeadings: 1 }).html,
      ...["Guides", "Components", "Layouts", "Helpers", "Client", "Packages"].map(group),
    ].join("\n");
    pages.unshift({ path, title: "Home", section: "", body, text: intro + quick, demo: null });
  }
  pages.push({
    path: "search.html",
    title: "Search",
    section: "",
    body: `<h1>Search</h1><p id="search-status">Type in the box above.</p><ol id="search-page-results"></ol>`,
    text: "",
    demo: null,
  });

  // Write the pages, the search index, the stylesheet and the search script.
  await rm(paths.outDir, { recursive: true, force: true });
  for (const page of pages) {
    const file = join(paths.outDir, page.path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, renderShell(page, pages));
  }
  const search = new MiniSearch({ fields: [...SEARCH_FIELDS], storeFields: [...SEARCH_STORE] });
  search.addAll(pages.filter((p) => p.path !== "search.html").map((p, id) => ({ id, title: p.title, text: p.text, path: p.path, section: p.section || "Home" })));
  await writeFile(join(paths.outDir, "search-index.json"), JSON.stringify(search));
  await copyFile(join(here, "style.css"), join(paths.outDir, "style.css"));
  await copyFile(join(here, "favicon.svg"), join(paths.outDir, "favicon.svg"));
  await esbuild({
    entryPoints: [join(here, "client", "search.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    outfile: join(paths.outDir, "search.js"),
    logLevel: "warning",
  });
  return { pages: pages.map((p) => ({ path: p.path, title: p.title, demo: p.demo })) };
}
