export {
  Dataset,
  DatasetComponent,
  type DatasetProps,
  type DatasetType,
  type SampleRow,
} from "./process.js";
export { Examples, type ExampleRow, type ExamplesHandle, type ExamplesProps } from "./examples.js";
export { ExamplesCache, cacheKey, type CacheFileContent, type CacheMode, type ExamplesCacheOptions } from "./cache.js";
export { readExamplesFolder, type ExamplesFolder } from "./folder.js";
export { datasetEvents, type DatasetEvent } from "./events.js";
