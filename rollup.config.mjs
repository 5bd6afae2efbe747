// Builds every package into its dist/: ESM JavaScript plus bundled .d.ts declarations.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import { minifyHTMLLiterals } from 'minify-literals';
import { dts } from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

const elementTags = [
  'chat-room',
  'chat-channel-list',
  'chat-window',
  'chat-thread',
  'chat-message-list',
  'chat-message',
  'chat-composer',
  'chat-sign-in',
  'chat-members',
  'chat-reports',
  'chat-search',
  'chat-pins',
];

const packages = [
  { dir: 'protocol', inputs: ['index'] },
  { dir: 'conformance', inputs: ['index', 'cli'] },
  { dir: 'core', inputs: ['index', 'fixtures'] },
  { dir: 'elements', inputs: ['index', 'all', ...elementTags.map((tag) => `${tag}/${tag}`)] },
  { dir: 'server', inputs: ['index', 'cli'] },
];

/** Dependencies stay imports: consumers install them, and native ones cannot be bundled. */
function externalFor(dir) {
  const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'));
  const deps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  // The package's own name too: an entry point may take types from the main one (`@confab/core/fixtures`).
  return (id) => builtins.has(id) || [...deps, pkg.name].some((d) => id === d || id.startsWith(`${d}/`));
}

const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.some((id) => id.includes('node_modules'))) return;
  warn(warning);
};

/** Minifies the elements' Lit `html` and `css` literals (whitespace, comments; CSS through Lightning CSS). */
const minifyElementTemplates = {
  name: 'minify-element-templates',
  async transform(code, id) {
    if (!id.includes('/packages/elements/src/')) return null;
    const minified = await minifyHTMLLiterals(code, { fileName: id });
    return minified ? { code: minified.code, map: minified.map } : null;
  },
};

/**
 * The drop-in bundle's types: it is built from `all.ts`, so it exports and registers what `all.js` does
 * (its `.d.ts` carries the `HTMLElementTagNameMap` entries of every tag).
 */
const dropInTypes = {
  name: 'drop-in-types',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName: 'confab-elements.d.ts',
      source:
        "// Types of the drop-in bundle (@confab/elements/bundle): the same exports as all.js.\nexport * from './all.js';\n",
    });
  },
};

/** The drop-in bundle: every element with Lit and the client inside, one minified ES module. */
const dropIn = {
  input: 'packages/elements/src/all.ts',
  onwarn,
  output: {
    file: 'packages/elements/dist/confab-elements.js',
    format: 'es',
    sourcemap: true,
    inlineDynamicImports: true,
  },
  plugins: [
    replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': '"production"' } }),
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    minifyElementTemplates,
    terser({ ecma: 2022, module: true, compress: { passes: 2 } }),
    dropInTypes,
  ],
};

export default [
  ...packages.flatMap(({ dir, inputs }) => {
    const input = Object.fromEntries(inputs.map((name) => [name.split('/').pop(), `packages/${dir}/src/${name}.ts`]));
    const external = externalFor(dir);
    return [
      {
        input,
        external,
        onwarn,
        output: {
          dir: `packages/${dir}/dist`,
          format: 'es',
          sourcemap: true,
          chunkFileNames: 'chunks/[name]-[hash].js',
        },
        plugins: [esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }), minifyElementTemplates],
      },
      {
        input,
        external,
        onwarn,
        output: { dir: `packages/${dir}/dist`, format: 'es', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
        plugins: [dts({ tsconfig: 'tsconfig.json', compilerOptions: { paths: {}, noEmit: false } })],
      },
    ];
  }),
  dropIn,
];
