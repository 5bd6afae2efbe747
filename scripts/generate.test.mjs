import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { generateProtocol } from './generate.mjs';

test('the committed protocol types match openapi/confab.yaml (run `npm run generate` if not)', async () => {
  for (const [name, expected] of Object.entries(await generateProtocol())) {
    const committed = await readFile(new URL(`../packages/protocol/src/generated/${name}`, import.meta.url), 'utf8');
    assert.equal(committed, expected, `packages/protocol/src/generated/${name} is stale`);
  }
});
