export {
  Dataset,
  DatasetComponent,
  type DatasetProps,
  type DatasetType,
  type SampleRow,
} from "./process.js";
export { Examples, type ExampleRow, type ExamplesHandle, type ExamplesOptions, type ExamplesProps } from "./examples.js";
export { ExamplesCache, cacheKey, type CacheFileContent, type CacheMode, type ExamplesCacheOptions } from "./cache.js";
export { readExamplesFolder, type ExamplesFolder } from "./folder.js";
export { datasetEvents, type DatasetEvent, type DatasetEventData } from "./events.js";
