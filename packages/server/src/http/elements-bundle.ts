import { createRequire } from 'node:module';

/** Why the bundle cannot be served when the package is there but its file is not. */
export const BUNDLE_NOT_BUILT = 'the @confab/elements bundle is not built; run `npm run build`.';

/** Where the drop-in bundle of `@confab/elements` is, or what is wrong when it cannot be served. */
export type BundleLocation = { path: string } | { missing: string };

/**
 * Finds `@confab/elements/bundle` from `from`, telling apart the three ways it can be missing: the package
 * is not installed, its version has no bundle, or it has not been built. The reasons name no paths: they
 * are shown to browsers.
 */
export function locateElementsBundle(from: string = import.meta.url): BundleLocation {
  const require = createRequire(from);
  let manifest: string;
  try {
    manifest = require.resolve('@confab/elements/package.json');
  } catch {
    return { missing: '@confab/elements is not installed next to @confab/server; install it.' };
  }
  try {
    return { path: require.resolve('@confab/elements/bundle') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') return { missing: BUNDLE_NOT_BUILT };
    const { version } = require(manifest) as { version: string };
    return { missing: `@confab/elements ${version} has no drop-in bundle; install the version @confab/server needs.` };
  }
}
