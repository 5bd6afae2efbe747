// Locks the public API of every published package in a committed report under api/: API Extractor reads
// the built declarations (run `npm run build` first) of each entry point in a package's `exports` map.
//   node scripts/api-report.mjs           fails when an entry point's API differs from its report (npm run api:check)
//   node scripts/api-report.mjs --update  rewrites the reports (npm run api), to commit with the change
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompilerState, Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('../', import.meta.url));
const reportFolder = join(root, 'api');
/** The published packages, by folder under packages/. */
const PACKAGES = ['protocol', 'conformance', 'core', 'elements', 'server'];
const update = process.argv.includes('--update');

/** Every entry point with declarations in a package's `exports` map: its report name and `.d.ts`. */
function entryPoints(dir) {
  const pkg = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
  return Object.entries(pkg.exports).flatMap(([subpath, target]) => {
    if (typeof target !== 'object' || !target.types) return [];
    const suffix = subpath === '.' ? '' : `.${subpath.slice(2).replace(/\.js$/, '')}`;
    return [{ name: `${dir}${suffix}`, label: `${pkg.name}${subpath.slice(1)}`, types: target.types }];
  });
}

/** API Extractor's settings for one entry point: only the report, and messages kept in it. */
function configFor(dir, entry, tempFolder) {
  const projectFolder = join(root, 'packages', dir);
  return ExtractorConfig.prepare({
    configObjectFullPath: undefined,
    packageJsonFullPath: join(projectFolder, 'package.json'),
    configObject: {
      projectFolder,
      mainEntryPointFilePath: join(projectFolder, entry.types),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            skipLibCheck: true,
            types: ['node'],
          },
        },
      },
      apiReport: { enabled: true, reportFileName: entry.name, reportFolder, reportTempFolder: tempFolder },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'error' } },
        extractorMessageReporting: {
          default: { logLevel: 'warning', addToApiReportFile: true },
          // The packages have no alpha/beta stages: everything exported is public.
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
        },
        // Elements document `@fires`, `@slot`, `@csspart` and `@cssproperty` for the custom elements
        // manifest, tags TSDoc does not define; the report is about shapes, not doc syntax.
        tsdocMessageReporting: { default: { logLevel: 'none', addToApiReportFile: false } },
      },
    },
  });
}

const tempFolder = mkdtempSync(join(tmpdir(), 'confab-api-'));
mkdirSync(reportFolder, { recursive: true });
const failed = [];
try {
  for (const dir of PACKAGES) {
    const entries = entryPoints(dir).map((entry) => ({ entry, config: configFor(dir, entry, tempFolder) }));
    // One TypeScript program per package, shared by its entry points.
    const compilerState = CompilerState.create(entries[0].config, {
      additionalEntryPoints: entries.map(({ config }) => config.mainEntryPointFilePath),
    });
    for (const { entry, config } of entries) {
      const messages = [];
      const result = Extractor.invoke(config, {
        localBuild: update,
        compilerState,
        messageCallback(message) {
          message.handled = true;
          if (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning) {
            messages.push(`  ${message.logLevel} ${message.messageId ?? ''}: ${message.text}`);
          }
        },
      });
      const changed = result.apiReportChanged;
      const status = update ? (changed ? 'updated' : 'unchanged') : changed ? 'CHANGED' : 'ok';
      console.log(`${status.padEnd(9)} ${entry.label} → api/${entry.name}.api.md`);
      for (const line of messages) console.log(line);
      if (!result.succeeded) failed.push(entry.label);
    }
  }
} finally {
  rmSync(tempFolder, { recursive: true, force: true });
}

if (failed.length > 0) {
  console.error(
    update
      ? `\nAPI Extractor failed for ${failed.join(', ')}.`
      : `\nThe public API of ${failed.join(', ')} differs from its report in api/. If the change is meant, run \`npm run api\` and commit the report; if not, remove the export.`,
  );
  process.exit(1);
}
