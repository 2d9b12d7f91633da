/**
 * What the generator reads from the packages: a component's props table (types as written,
 * defaults from the TSDoc, inherited props marked), its events with their data types, and the
 * guide sections and links the pages quote.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { componentDemos } from "../src/catalog.js";
import { componentDoc, defaultFromDoc, SourceReader } from "../src/extract.js";
import { markdownSection, renderMarkdown } from "../src/markdown.js";
import { defaultPaths } from "../src/site.js";

const packages = join(defaultPaths().repo, "packages");

describe("extracting the API", () => {
  it("reads a default from the TSDoc's Default sentence or @default tag", () => {
    expect(defaultFromDoc("Lines shown; more than 1 makes a text area. Default 1.")).toBe("1");
    expect(defaultFromDoc('Input type. Default "text".')).toBe('"text"');
    expect(defaultFromDoc("Opacity of the mask. Default 0.5.")).toBe("0.5");
    expect(defaultFromDoc("An id; default the tab's index.")).toBe("the tab's index");
    expect(defaultFromDoc("Hint shown when empty.")).toBeNull();
  });

  it("documents the Textbox: its factory, props with defaults, inherited props and typed events", () => {
    const reader = new SourceReader([join(packages, "textbox", "src", "process.ts"), join(packages, "textbox", "src", "events.ts")]);
    const doc = componentDoc(reader, packages, "textbox");
    expect(doc.factories.map((f) => f.name)).toEqual(["Textbox"]);
    const [textbox] = doc.factories;
    expect(textbox!.propsName).toBe("TextboxProps");
    const prop = (name: string) => textbox!.props.find((p) => p.name === name);
    expect(prop("lines")).toMatchObject({ type: "number", default: "1", optional: true, inheritedFrom: null });
    expect(prop("type")).toMatchObject({ type: '"text" | "password" | "email"', default: '"text"' });
    expect(prop("label")).toMatchObject({ inheritedFrom: "ComponentProps" });
    expect(doc.events.map((e) => e.name)).toEqual(expect.arrayContaining(["change", "submit", "select", "copy"]));
    expect(doc.events.find((e) => e.name === "select")?.dataType).toBe("SelectData");
    expect(doc.events.find((e) => e.name === "submit")?.dataType).toBeNull();
    expect(doc.eventTypes.map((t) => t.name)).toContain("CopyData");
  }, 60_000);
});

describe("the catalog", () => {
  it("says for every component package which gallery demos show it (an empty list: none yet)", () => {
    const components = readdirSync(packages).filter((p) => existsSync(join(packages, p, "src", "process.ts")));
    expect(components.filter((p) => !(p in componentDemos))).toEqual([]);
    const galleryDemos = join(defaultPaths().repo, "apps", "gallery", "src", "demos");
    const files = Object.values(componentDemos).flat().map((d) => d.file ?? `${d.name}.ts`);
    expect(files.filter((f) => !existsSync(join(galleryDemos, f)))).toEqual([]);
  });
});

describe("rendering Markdown", () => {
  it("quotes a guide section up to the next heading of its level, and fails on a missing one", () => {
    const guide = "# Guide\nintro\n## One\nfirst\n### Deeper\nstill one\n## Two\nsecond\n";
    expect(markdownSection(guide, "One")).toBe("first\n### Deeper\nstill one");
    expect(markdownSection(guide, null)).toBe("intro");
    expect(() => markdownSection(guide, "Three", "guide.md")).toThrow('No heading "Three" in guide.md');
  });

  it("gives headings ids, highlights code and rewrites or drops links", () => {
    const r = renderMarkdown("## Set up\n[a guide](./clients.md) and [gone](../bench/README.md)\n```ts\nconst a = 1;\n```", {
      rewriteLink: (href) => (href.endsWith("clients.md") ? "clients.html" : ""),
    });
    expect(r.headings).toEqual([{ depth: 2, text: "Set up", id: "set-up" }]);
    expect(r.html).toContain('<a href="clients.html">a guide</a>');
    expect(r.html).toContain("and gone");
    expect(r.html).toContain('<span class="hljs-keyword">const</span>');
  });
});
