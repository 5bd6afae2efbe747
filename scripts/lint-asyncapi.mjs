// Parses and validates openapi/asyncapi.yaml (with its $refs into confab.yaml); fails on any error or
// warning, and on a message example that does not match its payload schema.
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, fromFile, Parser } from '@asyncapi/parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

// An absolute source path makes the relative `./confab.yaml#/…` refs resolve from the openapi/ folder.
const file = fileURLToPath(new URL('../openapi/asyncapi.yaml', import.meta.url));
const severityName = ['error', 'warning', 'info', 'hint'];
// The document pins AsyncAPI 3.0.0 on purpose (what our tooling targets); this info-level nudge towards
// the newest version is not a problem to fix.
const ignoredRules = new Set(['asyncapi-latest-version']);

const { document, diagnostics } = await fromFile(new Parser(), file).parse();

let failed = document === undefined;
for (const { severity, path, message, code } of diagnostics) {
  if (ignoredRules.has(code)) continue;
  if (severity <= DiagnosticSeverity.Warning) failed = true;
  console.log(`${severityName[severity]} ${code} at ${path.join('.') || '(root)'}: ${message}`);
}

// The AsyncAPI 3 ruleset does not check examples against payloads; the payloads are OpenAPI 3.1
// (JSON Schema 2020-12) schemas, so check them here (`discriminator` is annotation only).
if (document) {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  for (const message of document.messages()) {
    const payload = message.payload().json(); // a { schemaFormat, schema } pair here
    const validate = ajv.compile(payload.schemaFormat ? payload.schema : payload);
    for (const [i, example] of message.examples().all().entries()) {
      if (validate(example.payload())) continue;
      failed = true;
      const at = `components.messages.${message.id()}.examples.${i}`;
      for (const e of validate.errors) console.log(`error example at ${at}${e.instancePath}: ${e.message}`);
    }
  }
}

if (failed) {
  console.error('asyncapi.yaml: invalid');
  process.exit(1);
}
console.log('asyncapi.yaml: valid');
