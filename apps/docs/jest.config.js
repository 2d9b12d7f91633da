import { jestPreset } from "../../tools/jest-preset.js";
export default { ...jestPreset, testTimeout: 180000 };
