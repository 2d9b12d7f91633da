import { describe, expect, it } from "@jest/globals";
import { Accordion, Blocks, Column, Group, Row, Sidebar, Tab, Tabs, TabsBlock } from "./index.js";
import { Field } from "../test/fixtures.js";

describe("layouts", () => {
  it("serializes every layout with Gradio's type names and defaults", () => {
    const app = Blocks(() => {
      Group(() => Field());
      Tabs({ selected: "b" }, () => {
        Tab({ label: "A", id: "a" }, () => Field());
        Tab({ label: "B", id: "b", interactive: false }, () => Field());
      });
      Accordion({ label: "More", open: false }, () => Field());
      Sidebar({ position: "right" }, () => Field());
      Row({ variant: "panel" }, () => Column({ scale: 2 }, () => Field()));
    });
    const byType = (type: string) => app.config().components.filter((c) => c.type === type).map((c) => c.props);
    expect(byType("group")).toEqual([{ visible: true }]);
    expect(byType("tabs")).toEqual([{ selected: "b", visible: true }]);
    expect(byType("tabitem")).toEqual([
      { label: "A", id: "a", interactive: true, visible: true },
      { label: "B", id: "b", interactive: false, visible: true },
    ]);
    expect(byType("accordion")).toEqual([{ label: "More", open: false, visible: true }]);
    expect(byType("sidebar")).toEqual([{ label: null, open: true, position: "right", width: 320, visible: true }]);
    expect(byType("row")[0]).toMatchObject({ variant: "panel", equal_height: true });
    expect(byType("column").find((p) => p.scale === 2)).toMatchObject({ min_width: 320, variant: "default" });
    const tabs = app.config().layout.children![1]!;
    expect(tabs.children).toHaveLength(2);
  });

  it("returns what the builder callback returns, else the layout block", () => {
    Blocks(() => {
      const [a, b] = Row(() => [Field({ label: "a" }), Field({ label: "b" })] as const);
      expect([a.props.label, b.props.label]).toEqual(["a", "b"]);
      const single = Column({ scale: 2 }, () => Field({ label: "c" }));
      expect(single.props.label).toBe("c");
      const tabs = Tabs(() => {
        Tab({ label: "x" }, () => {});
      });
      expect(tabs).toBeInstanceOf(TabsBlock);
      expect(typeof tabs.select).toBe("function");
      const accordion = Accordion({ label: "More" });
      expect(typeof accordion.expand).toBe("function");
      expect(typeof accordion.collapse).toBe("function");
    });
  });

  it("wraps tabs placed outside a Tabs in one Tabs per run of consecutive tabs", () => {
    const app = Blocks(() => {
      Tab({ label: "one" }, () => Field());
      Tab({ label: "two" }, () => Field());
      Field();
      Tab({ label: "three" }, () => Field());
    });
    const types = app.config().layout.children!.map((n) => app.config().components.find((c) => c.id === n.id)!.type);
    expect(types).toEqual(["tabs", "field", "tabs"]);
    expect(app.config().layout.children![0]!.children).toHaveLength(2);
  });

  it("places layouts made with render: false where .render() is called", () => {
    const group = Group({ render: false }, () => {
      Field({ label: "inside" });
    });
    const tab = Tab({ label: "later", render: false }, () => {
      Field();
    });
    const app = Blocks(() => {
      Field({ label: "first" });
      Accordion({ label: "box" }, () => {
        group.render();
      });
      Tabs(() => {
        tab.render();
      });
    });
    const layout = app.config().layout;
    const accordion = layout.children![1]!;
    expect(accordion.children).toEqual([{ id: group.id, children: [{ id: expect.any(Number) }] }]);
    expect(layout.children![2]!.children).toEqual([{ id: tab.id, children: [{ id: expect.any(Number) }] }]);
  });

  it("listens to layout events like component events", () => {
    const app = Blocks(() => {
      const out = Field();
      const tabs = Tabs(() => {
        const first = Tab({ label: "A" }, () => {});
        first.select({ fn: () => "A", outputs: out });
      });
      tabs.change({ fn: () => "changed", outputs: out });
      const acc = Accordion({ label: "x" }, () => {});
      acc.expand({ fn: () => "open", outputs: out });
    });
    expect(app.config().dependencies.map((d) => d.targets[0]![1])).toEqual(["select", "change", "expand"]);
  });

  it("refuses a Sidebar position other than left or right", () => {
    expect(() => Blocks(() => Sidebar({ position: "top" as "left" }))).toThrow(/left.*right/);
  });
});
