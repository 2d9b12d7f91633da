/**
 * The docs' search box: loads the MiniSearch index built with the site (search-index.json) on
 * first use, lists the best matches under the box, and fills the search page from its `?q=`.
 */
import MiniSearch from "minisearch";
import { SEARCH_FIELDS, SEARCH_STORE } from "../search-options.js";

interface Hit {
  title: string;
  path: string;
  section: string;
}

const root = (document.currentScript as HTMLScriptElement | null)?.dataset.root ?? "";
let index: Promise<MiniSearch> | null = null;

function loadIndex(): Promise<MiniSearch> {
  index ??= fetch(`${root}search-index.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.text();
    })
    .then((json) => MiniSearch.loadJSON(json, { fields: [...SEARCH_FIELDS], storeFields: [...SEARCH_STORE] }));
  return index;
}

async function search(query: string): Promise<Hit[]> {
  if (!query.trim()) return [];
  const engine = await loadIndex();
  return engine.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3 } }).map((r) => ({ title: r.title as string, path: r.path as string, section: r.section as string }));
}

function resultItem(hit: Hit): HTMLLIElement {
  const li = document.createElement("li");
  const a = document.createElement("a");
  a.href = root + hit.path;
  a.textContent = hit.title;
  const section = document.createElement("span");
  section.className = "section";
  section.textContent = hit.section;
  a.append(" ", section);
  li.append(a);
  return li;
}

function start(): void {
  const input = document.getElementById("search") as HTMLInputElement | null;
  const list = document.getElementById("search-results") as HTMLUListElement | null;
  if (input && list) {
    let latest = 0;
    input.addEventListener("focus", () => void loadIndex());
    input.addEventListener("input", async () => {
      const asked = ++latest;
      const hits = await search(input.value);
      if (asked !== latest) return;
      list.replaceChildren(...hits.slice(0, 8).map(resultItem));
      list.hidden = hits.length === 0;
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Escape") list.hidden = true;
    });
  }
  const page = document.getElementById("search-page-results");
  const status = document.getElementById("search-status");
  const query = new URLSearchParams(location.search).get("q");
  if (page && status && query) {
    if (input) input.value = query;
    void search(query).then((hits) => {
      status.textContent = hits.length ? `${hits.length} pages match “${query}”.` : `No page matches “${query}”.`;
      page.replaceChildren(...hits.map(resultItem));
    });
  }
}

start();
