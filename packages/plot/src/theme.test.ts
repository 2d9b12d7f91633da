import { describe, expect, it } from "@jest/globals";
import type { Layout } from "plotly.js-dist-min";
import { themeLayout, type PlotTheme } from "./theme.js";

const theme: PlotTheme = { text: "rgba(1, 2, 3, 1)", background: "rgba(10, 10, 10, 1)", grid: "rgba(50, 50, 50, 1)", font: "Inter, sans-serif" };

describe("themeLayout", () => {
  it("fills the backgrounds, font and axis colours from the theme", () => {
    const layout = themeLayout({ title: { text: "T" } }, theme) as Record<string, any>;
    expect(layout).toMatchObject({
      title: { text: "T" },
      paper_bgcolor: theme.background,
      plot_bgcolor: theme.background,
      font: { color: theme.text, family: theme.font },
      xaxis: { gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid },
      yaxis: { gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid },
      autosize: true,
    });
  });

  it("keeps what the figure sets itself, on every cartesian axis", () => {
    const layout = themeLayout(
      { paper_bgcolor: "white", font: { size: 20, color: "red" }, xaxis: { gridcolor: "pink" }, yaxis2: { title: { text: "second" } } },
      theme,
    ) as Record<string, any>;
    expect(layout.paper_bgcolor).toBe("white");
    expect(layout.plot_bgcolor).toBe(theme.background);
    expect(layout.font).toEqual({ size: 20, color: "red", family: theme.font });
    expect(layout.xaxis).toEqual({ gridcolor: "pink", zerolinecolor: theme.grid, linecolor: theme.grid });
    expect(layout.yaxis2).toEqual({ title: { text: "second" }, gridcolor: theme.grid, zerolinecolor: theme.grid, linecolor: theme.grid });
  });

  it("themes polar plots and leaves out what the page does not set", () => {
    const layout = themeLayout({ polar: { radialaxis: { range: [0, 5] } } }, { text: null, background: null, grid: "g", font: null }) as Record<string, any>;
    expect(layout.paper_bgcolor).toBeUndefined();
    expect(layout.font).toEqual({});
    expect(layout.polar).toEqual({ radialaxis: { range: [0, 5], gridcolor: "g", linecolor: "g" }, angularaxis: { gridcolor: "g", linecolor: "g" } });
  });

  it("does not change the layout it was given", () => {
    const original: Partial<Layout> = { xaxis: { range: [0, 1] } };
    themeLayout(original, theme);
    expect(original).toEqual({ xaxis: { range: [0, 1] } });
  });
});
