import { describe, expect, it } from "@jest/globals";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { TEMPLATE_DIR, componentNames, componentPackageJson, fillTemplate, vitrineDependency } from "./create-component.js";

describe("create-component", () => {
  it("names the parts after the package name", () => {
    expect(componentNames("my-widget")).toEqual({ name: "my-widget", type: "my-widget", className: "MyWidget", camel: "myWidget" });
    expect(componentNames("dial")).toEqual({ name: "dial", type: "dial", className: "Dial", camel: "dial" });
    expect(fillTemplate('export const __CAMEL__Events; class __CLASS__Component { type = "__TYPE__" } // __NAME__', componentNames("my-widget"))).toBe(
      'export const myWidgetEvents; class MyWidgetComponent { type = "my-widget" } // my-widget',
    );
  });

  it("depends on the published Vitrine, or on a checkout's packages when linked", () => {
    expect(vitrineDependency("@vitrine/core", "0.3.1", null)).toBe("^0.3.1");
    expect(vitrineDependency("@vitrine/core", "0.3.1", "/src/vitrine")).toBe("link:/src/vitrine/packages/core");
    expect(vitrineDependency("vitrine", "0.3.1", "/src/vitrine")).toBe("link:/src/vitrine/packages/vitrine");
    const pkg = componentPackageJson(componentNames("dial"), "0.3.1", null) as { exports: object; dependencies: object; devDependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.exports)).toEqual([".", "./ui"]);
    expect(pkg.dependencies).toEqual({ "@vitrine/core": "^0.3.1" });
    expect(pkg.devDependencies).toMatchObject({ vitrine: "^0.3.1", "@vitrine/component-test": "^0.3.1" });
    expect(pkg.scripts.build).toBe("vitrine build-component");
  });

  it("ships the template files in the package", () => {
    for (const file of ["src/process.ts", "src/view.tsx", "src/events.ts", "src/example.tsx", "src/ui.tsx", "src/conformance.test.ts", "README.md", "tsconfig.json", "tsconfig.build.json", "gitignore"]) {
      expect(existsSync(join(TEMPLATE_DIR, file))).toBe(true);
    }
  });
});
