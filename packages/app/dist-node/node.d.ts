/**
 * Absolute path of the built page (`dist/`, holding `index.html` and `assets/`), without a
 * trailing slash. Serve `index.html` at the app's mount URL and every other file under the
 * same relative path.
 */
export declare const appDistDir: string;
//# sourceMappingURL=node.d.ts.map