/**
 * Shared jest settings: native ESM, TypeScript through swc, and workspace packages
 * resolved to their `src/` through the `@vitrine/source` export condition (no build needed).
 */
export const jestPreset = {
  testEnvironment: "node",
  testEnvironmentOptions: { customExportConditions: ["@vitrine/source", "node", "node-addons"] },
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          target: "es2022",
          transform: { react: { runtime: "automatic" } },
        },
        module: { type: "es6" },
      },
    ],
  },
  transformIgnorePatterns: ["/node_modules/"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testMatch: ["<rootDir>/src/**/*.test.ts", "<rootDir>/src/**/*.test.tsx", "<rootDir>/test/**/*.test.ts"],
  testTimeout: 30000,
};
