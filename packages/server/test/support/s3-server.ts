import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('./s3rver-main.mjs', import.meta.url));

/** A private S3-compatible server (s3rver, in its own process) with one bucket; s3rver's fixed credentials. */
export interface PrivateS3 {
  endpoint: string;
  bucket: string;
  /** The `CONFAB_S3_*` environment of a server process that uses it. */
  env: Record<string, string>;
}

/** Starts s3rver in a child process on a free loopback port; it is killed and its files removed after `t`. */
export async function startPrivateS3(t: TestContext): Promise<PrivateS3> {
  const directory = await mkdtemp(join(tmpdir(), 'confab-s3-'));
  const bucket = 'confab-uploads';
  const child = spawn(process.execPath, [entry, directory, bucket], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit');
  t.after(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await rm(directory, { recursive: true, force: true });
  });
  let output = '';
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`s3rver did not start:\n${output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}:\n${output}`)));
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      CONFAB_S3_ENDPOINT: endpoint,
      CONFAB_S3_BUCKET: bucket,
      CONFAB_S3_ACCESS_KEY_ID: 'S3RVER',
      CONFAB_S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
  };
}
