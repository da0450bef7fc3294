// Validates a trust.json against schemas/trust-json.schema.json with Ajv (JSON Schema draft
// 2020-12, formats checked by ajv-formats), an implementation independent of trustsite.
// Usage: node validate-trust-json.mjs <schema.json> <trust.json>; exit 1 on any error.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaPath, documentPath] = process.argv.slice(2);
if (!schemaPath || !documentPath) {
  console.error('usage: node validate-trust-json.mjs <schema.json> <trust.json>');
  process.exit(2);
}
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
const document = JSON.parse(readFileSync(documentPath, 'utf8'));
if (!validate(document)) {
  for (const error of validate.errors) {
    console.error(`${documentPath}: ${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`);
  }
  console.error(`trust.json schema: 0 passed, 1 failed (${validate.errors.length} errors)`);
  process.exit(1);
}
console.log(`${documentPath}: valid against ${schemaPath}`);

// The schema must also reject what a vendor-risk tool could not use; if these pass, the schema
// (or this check) has gone slack.
const mutations = {
  'unknown schema version': (d) => { d.schema = 'trustsite/v0'; },
  'control with an unknown status': (d) => { d.categories[0].controls[0].status = 'done'; },
  'control without a title': (d) => { delete d.categories[0].controls[0].title; },
  'stamp not a date': (d) => { d.stamp = '29 October 2026'; },
  'unknown top-level member': (d) => { d.extra = true; },
  'relative page URL': (d) => { d.pages[0].locales[d.site.default_locale].url = '/en/x/'; },
  'FAQ question without an answer': (d) => { delete d.faq[0].answer; },
  'contact with both email and url': (d) => { d.site.company.contacts[0].url = 'https://x.example/'; d.site.company.contacts[0].email = 'a@x.example'; },
  'bounty with a lowercase currency': (d) => { d.vulnerability_disclosure.bounty = { currency: 'usd', min: 1, max: 2 }; },
  'programme without safe_harbor': (d) => { delete d.vulnerability_disclosure.safe_harbor; },
};
let failed = 0;
for (const [name, mutate] of Object.entries(mutations)) {
  const copy = structuredClone(document);
  mutate(copy);
  if (validate(copy)) {
    console.error(`schema accepts a broken document: ${name}`);
    failed++;
  }
}
const total = 1 + Object.keys(mutations).length;
console.log(`${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
