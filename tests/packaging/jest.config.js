import { jestPreset } from "../../tools/jest-preset.js";

/** Packs every public package once (global setup) for the publishing checks and the consumer test. */
export default {
  ...jestPreset,
  testTimeout: 300000,
  globalSetup: "<rootDir>/test/pack-setup.js",
  globalTeardown: "<rootDir>/test/pack-teardown.js",
};
