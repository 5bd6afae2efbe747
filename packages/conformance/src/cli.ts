import { parseArgs } from 'node:util';
import { AREAS } from './check.js';
import { allChecks } from './checks/index.js';
import { formatHeader, formatResult, formatSummary } from './report.js';
import { normaliseBaseUrl, runConformance, selectChecks, UsageError } from './runner.js';

const usage = `Usage: confab-conformance <base-url> [--json] [--only area[,area…]] [--jwt-secret SECRET] [--list]

Runs the Confab conformance checks against a live server over HTTP and WebSocket and prints a report.
Exit code: 0 when every required check passed, 1 when one failed (or nothing answered), 2 for usage errors.

  --json              print the report as JSON instead of text
  --only LIST         run only these areas or check ids (comma-separated, or repeat the flag)
  --jwt-secret S      the deployment's HS256 secret, for the host-tokens checks (or CONFAB_JWT_SECRET)
  --frame-timeout MS  how long to wait for a socket frame (default 5000)
  --list              list the checks (with --only, the chosen ones) and exit
  -h, --help          this text

Areas: ${AREAS.join(', ')}`;

/** What the CLI writes to; tests pass their own. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  color: boolean;
}

const defaultIo = (): CliIo => ({
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
});

/**
 * Runs the `confab-conformance` command line and resolves with the exit code.
 * @example process.exitCode = await main(['http://localhost:8787', '--only', 'replay']);
 */
export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  let values: {
    json?: boolean;
    only?: string[];
    'jwt-secret'?: string;
    'frame-timeout'?: string;
    list?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        only: { type: 'string', multiple: true },
        'jwt-secret': { type: 'string' },
        'frame-timeout': { type: 'string' },
        list: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : error}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    io.out(usage);
    return 0;
  }
  try {
    const only = (values.only ?? []).flatMap((s) => s.split(','));
    if (values.list) {
      for (const check of selectChecks(only)) {
        io.out(`${check.id}  ${check.required ? 'required' : 'optional'}  ${check.title}`);
      }
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError('give exactly one base URL');
    const baseUrl = normaliseBaseUrl(positionals[0]!);
    const frameTimeoutMs = values['frame-timeout'] === undefined ? undefined : Number(values['frame-timeout']);
    if (frameTimeoutMs !== undefined && !(frameTimeoutMs > 0))
      throw new UsageError('--frame-timeout takes milliseconds');
    selectChecks(only, allChecks);
    const json = values.json ?? false;
    if (!json) io.out(formatHeader(baseUrl));
    const report = await runConformance(baseUrl, {
      only,
      jwtSecret: values['jwt-secret'] ?? process.env.CONFAB_JWT_SECRET,
      ...(frameTimeoutMs === undefined ? {} : { frameTimeoutMs }),
      ...(json ? {} : { onResult: (result) => io.out(formatResult(result, { color: io.color })) }),
    });
    io.out(json ? JSON.stringify(report, null, 2) : formatSummary(report, { color: io.color }));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${usage}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (values.json) io.out(JSON.stringify({ ok: false, error: message }));
    else io.err(`confab-conformance: ${message}`);
    return 1;
  }
}
