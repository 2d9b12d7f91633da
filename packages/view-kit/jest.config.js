import { jestPreset } from "../../tools/jest-preset.js";
export default { ...jestPreset };
