// Regenerates packages/protocol/src/generated/ from openapi/confab.yaml.
// `node scripts/generate.mjs` writes the files; `generateProtocol()` returns them (the staleness test compares).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';

const root = new URL('../', import.meta.url);
const source = new URL('openapi/confab.yaml', root);
const target = new URL('packages/protocol/src/generated/', root);
const banner = '// Generated from openapi/confab.yaml by `npm run generate`. Do not edit.\n';

/** @returns {Promise<Record<string, string>>} file name → contents */
export async function generateProtocol() {
  const yamlText = await readFile(source, 'utf8');
  const document = parse(yamlText);
  // openapi-typescript annotates the object it is given, so it gets a copy.
  const types = astToString(await openapiTS(structuredClone(document), { exportType: true }));
  return {
    'openapi.ts': `${banner}${types}`,
    'document.ts': `${banner}/** The OpenAPI document, as served at \`GET /openapi.json\`. */\nexport const openapiDocument: Record<string, unknown> = ${JSON.stringify(document, null, 2)};\n`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(await generateProtocol())) {
    await writeFile(new URL(name, target), text);
    console.log(`wrote ${fileURLToPath(new URL(name, target))}`);
  }
}
