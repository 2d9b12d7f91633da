import { existsSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** One row of a props (or fields) table, read from an interface's members and their TSDoc. */
export interface PropDoc {
  name: string;
  /** The type as written or, for inherited members, as instantiated. */
  type: string;
  optional: boolean;
  /** From the TSDoc's "Default …" sentence or `@default` tag, if any. */
  default: string | null;
  /** The TSDoc text, in Markdown. */
  description: string;
  /** The interface that declares the member, when not the documented one (e.g. `ComponentProps`). */
  inheritedFrom: string | null;
}

/** A documented exported symbol: a function, class, interface or type. */
export interface SymbolDoc {
  name: string;
  kind: "function" | "class" | "interface" | "type" | "variable";
  /** The TSDoc text, in Markdown. */
  description: string;
  /** `@example` blocks. */
  examples: string[];
  /** A one-line signature (functions: each overload; types: the alias). */
  signatures: string[];
  /** Members, for interfaces and classes (public ones). */
  members: PropDoc[];
}

/** A factory of a component package (`vt.Textbox(...)`) with its props. */
export interface FactoryDoc extends SymbolDoc {
  /** The props interface name, e.g. `TextboxProps`. */
  propsName: string | null;
  props: PropDoc[];
}

/** One event a component fires and the data it carries, if declared. */
export interface EventDoc {
  name: string;
  /** The type of `ctx.event.data`, as declared in the package's `*EventData` map, else null. */
  dataType: string | null;
  description: string;
}

/** What the docs show for one component package. */
export interface ComponentDoc {
  /** The folder name under packages/, e.g. `textbox`. */
  pkg: string;
  factories: FactoryDoc[];
  events: EventDoc[];
  /** Types declared in `events.ts` besides the event map (e.g. `CopyData`), with their fields. */
  eventTypes: SymbolDoc[];
  /** The TSDoc of the events list (what fires each event). */
  eventsDescription: string;
}

const PRINT = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** Reads the TSDoc's default: a `@default` tag, or a sentence starting "Default …" ("Default 1."). */
export function defaultFromDoc(description: string, tags: readonly ts.JSDocTagInfo[] = []): string | null {
  const tag = tags.find((t) => t.name === "default" || t.name === "defaultValue");
  if (tag) return ts.displayPartsToString(tag.text).trim() || null;
  const match = /(?:^|[.;(:]\s*)[Dd]efault:?\s+(?:is\s+)?(.+?)(?=\.(?:\s|$)|;|\)|$)/.exec(description);
  return match ? match[1]!.trim() : null;
}

/** The TypeScript program over the packages' sources, and helpers to document what it declares. */
export class SourceReader {
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;

  /** @param files the entry files to load (their imports are loaded too). */
  constructor(files: string[]) {
    this.program = ts.createProgram(files, {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      customConditions: ["@vitrine/source"],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      jsx: ts.JsxEmit.ReactJSX,
      types: ["node"],
    });
    this.checker = this.program.getTypeChecker();
  }

  /** The exported symbols of a module file, by name. */
  exportsOf(file: string): Map<string, ts.Symbol> {
    const source = this.program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the docs program`);
    const moduleSymbol = this.checker.getSymbolAtLocation(source);
    const out = new Map<string, ts.Symbol>();
    if (!moduleSymbol) return out;
    for (const sym of this.checker.getExportsOfModule(moduleSymbol)) out.set(sym.getName(), sym);
    return out;
  }

  /** The Markdown of a symbol's TSDoc, with `{@link X}` turned into code. */
  docText(sym: ts.Symbol | ts.Signature): string {
    return ts
      .displayPartsToString(sym.getDocumentationComment(this.checker))
      .replace(/\{@link(?:code|plain)?\s+([^}|\s]+)(?:\s*\|?\s*([^}]*))?\}/g, (_m, target: string, text: string) => `\`${text?.trim() || target}\``);
  }

  private tagsOf(sym: ts.Symbol | ts.Signature): ts.JSDocTagInfo[] {
    return sym.getJsDocTags(this.checker);
  }

  /** The members of an interface-like type, each with its type, default and TSDoc. */
  membersOf(type: ts.Type, ownName: string | null): PropDoc[] {
    const rows: PropDoc[] = [];
    for (const prop of this.checker.getPropertiesOfType(type)) {
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!decl) continue;
      if (ts.getCombinedModifierFlags(decl as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      if (prop.getName().startsWith("#")) continue;
      const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0;
      const owner = decl.parent && (ts.isInterfaceDeclaration(decl.parent) || ts.isClassDeclaration(decl.parent)) ? decl.parent.name?.text ?? null : null;
      let typeText: string;
      const declaredType = (decl as ts.PropertySignature).type;
      if (declaredType && owner === ownName && (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl))) typeText = declaredType.getText();
      else typeText = this.checker.typeToString(this.checker.getTypeOfSymbolAtLocation(prop, decl), undefined, PRINT);
      if (optional) typeText = typeText.replace(/\s*\|\s*undefined$/, "");
      const description = this.docText(prop);
      rows.push({
        name: prop.getName(),
        type: typeText.replace(/\s+/g, " "),
        optional,
        default: defaultFromDoc(description, this.tagsOf(prop)),
        description,
        inheritedFrom: owner && owner !== ownName ? owner : null,
      });
    }
    return rows;
  }

  /** Documents one exported symbol. */
  describe(sym: ts.Symbol): SymbolDoc {
    const target = sym.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(sym) : sym;
    const decl = target.declarations?.[0];
    const name = sym.getName();
    const examples = this.tagsOf(target)
      .filter((t) => t.name === "example")
      .map((t) => ts.displayPartsToString(t.text).trim());
    const base = { name, description: this.docText(target), examples, signatures: [] as string[], members: [] as PropDoc[] };
    if (target.flags & ts.SymbolFlags.Function) {
      const type = this.checker.getTypeOfSymbol(target);
      const signatures = type.getCallSignatures();
      const description = base.description || signatures.map((s) => this.docText(s)).find(Boolean) || "";
      const sigExamples = examples.length ? examples : signatures.flatMap((s) => this.tagsOf(s).filter((t) => t.name === "example").map((t) => ts.displayPartsToString(t.text).trim()));
      return {
        ...base,
        kind: "function",
        description,
        examples: sigExamples,
        signatures: signatures.map((s) => `function ${name}${this.checker.signatureToString(s, undefined, PRINT)}`),
      };
    }
    if (target.flags & ts.SymbolFlags.Class) {
      const instance = this.membersOf(this.checker.getDeclaredTypeOfSymbol(target), target.getName());
      // Static members (`Client.connect`) live on the constructor's type.
      const statics = this.membersOf(this.checker.getTypeOfSymbol(target), target.getName())
        .filter((m) => m.name !== "prototype")
        .map((m) => ({ ...m, name: `${name}.${m.name}` }));
      return { ...base, kind: "class", members: [...statics, ...instance].filter((m) => m.description) };
    }
    if (target.flags & ts.SymbolFlags.Interface) {
      const type = this.checker.getDeclaredTypeOfSymbol(target);
      return { ...base, kind: "interface", members: this.membersOf(type, target.getName()) };
    }
    if (target.flags & ts.SymbolFlags.TypeAlias && decl && ts.isTypeAliasDeclaration(decl)) {
      return { ...base, kind: "type", signatures: [`type ${name}${decl.typeParameters ? `<${decl.typeParameters.map((p) => p.getText()).join(", ")}>` : ""} = ${decl.type.getText()}`] };
    }
    const type = this.checker.getTypeOfSymbol(target);
    return { ...base, kind: "variable", signatures: [`const ${name}: ${this.checker.typeToString(type, undefined, PRINT)}`] };
  }

  /** A factory and the props its first parameter takes (all of them, inherited ones included). */
  factory(sym: ts.Symbol): FactoryDoc {
    const doc = this.describe(sym);
    const target = sym.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(sym) : sym;
    const fnDecls = (target.declarations ?? []).filter(ts.isFunctionDeclaration);
    // The implementation's (or last overload's) first parameter, whose type is the props interface.
    const withParam = fnDecls.find((d) => d.parameters[0]?.type && ts.isTypeReferenceNode(d.parameters[0].type));
    const param = withParam?.parameters[0];
    if (!param?.type || !ts.isTypeReferenceNode(param.type)) return { ...doc, propsName: null, props: [] };
    const propsName = param.type.typeName.getText();
    const propsType = this.checker.getTypeAtLocation(param.type);
    return { ...doc, propsName, props: this.membersOf(propsType, propsName).sort((a, b) => Number(a.inheritedFrom !== null) - Number(b.inheritedFrom !== null)) };
  }
}

/** The capitalised functions `src/process.ts` exports that make a component: the package's factories. */
function factoryNames(reader: SourceReader, processFile: string): ts.Symbol[] {
  return [...reader.exportsOf(processFile).values()].filter((s) => {
    const target = s.flags & ts.SymbolFlags.Alias ? reader.checker.getAliasedSymbol(s) : s;
    if (!/^[A-Z]/.test(s.getName()) || !(target.flags & ts.SymbolFlags.Function)) return false;
    return reader.checker
      .getTypeOfSymbol(target)
      .getCallSignatures()
      .some((sig) => /Component\b/.test(reader.checker.typeToString(sig.getReturnType())));
  });
}

/** The events `src/events.ts` lists (its `…Events` arrays) and the data its `…EventData` map gives each. */
function eventsOf(reader: SourceReader, eventsFile: string): { events: EventDoc[]; eventTypes: SymbolDoc[]; eventsDescription: string } {
  const exports = reader.exportsOf(eventsFile);
  const names: string[] = [];
  const descriptions: string[] = [];
  const data = new Map<string, PropDoc>();
  const eventTypes: SymbolDoc[] = [];
  for (const [name, sym] of exports) {
    const decl = sym.valueDeclaration;
    if (/Events$/.test(name) && decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      let init: ts.Expression = decl.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      const doc = reader.docText(sym);
      if (doc) descriptions.push(doc);
      if (ts.isArrayLiteralExpression(init)) {
        for (const el of init.elements) if (ts.isStringLiteral(el) && !names.includes(el.text)) names.push(el.text);
      }
    } else if (/EventData$/.test(name) && sym.flags & ts.SymbolFlags.Interface) {
      for (const m of reader.describe(sym).members) data.set(m.name, m);
    } else if (sym.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias) && !/Event$/.test(name)) {
      eventTypes.push(reader.describe(sym));
    }
  }
  const events = names.map((name) => ({ name, dataType: data.get(name)?.type ?? null, description: data.get(name)?.description ?? "" }));
  return { events, eventTypes, eventsDescription: descriptions.join("\n\n") };
}

/** Documents the component package in `packages/<pkg>` (its factories, props and events). */
export function componentDoc(reader: SourceReader, packagesDir: string, pkg: string): ComponentDoc {
  const processFile = join(packagesDir, pkg, "src", "process.ts");
  const eventsFile = join(packagesDir, pkg, "src", "events.ts");
  const factories = factoryNames(reader, processFile).map((s) => reader.factory(s));
  const { events, eventTypes, eventsDescription } = existsSync(eventsFile) ? eventsOf(reader, eventsFile) : { events: [], eventTypes: [], eventsDescription: "" };
  return { pkg, factories, events, eventTypes, eventsDescription };
}
