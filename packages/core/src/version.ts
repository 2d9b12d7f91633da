/** This package's version, reported in the config as `vitrine_version`. */
export const VERSION = "0.1.0";
