import { demos, startGallery } from "./index.js";

await startGallery(demos);
