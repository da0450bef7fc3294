// Validates YAML content against schemas/*.schema.json with Ajv, an implementation independent
// of trustsite's loaders (issue 3). The example site and the valid fixture site must pass; a
// set of invalid fixtures must each fail, so the schemas are not vacuous.
// With --trustsite BINARY (as CTest runs it), the site that `trustsite new` writes is validated
// too, and each of its YAML files' modeline must name an existing schema.
//   node tests/schema/validate.mjs [--trustsite build/trustsite]   (CTest: schema_validation)
import { readFileSync, readdirSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const schemas = {};
for (const name of ["site", "controls", "subprocessors", "ai", "compliance", "documents", "highlights", "faq"]) {
  schemas[name] = ajv.compile(JSON.parse(readFileSync(join(root, "schemas", `${name}.schema.json`), "utf8")));
}

// The files of a site directory and the schema each one is validated against.
function siteFiles(site) {
  const files = [[join(site, "site.yaml"), "site"]];
  const controls = join(site, "content", "controls");
  for (const name of readdirSync(controls).filter((n) => n.endsWith(".yaml")).sort())
    files.push([join(controls, name), "controls"]);
  for (const [name, schema] of [["subprocessors.yaml", "subprocessors"], ["ai.yaml", "ai"],
                                ["compliance.yaml", "compliance"], ["documents.yaml", "documents"],
                                ["highlights.yaml", "highlights"], ["faq.yaml", "faq"]])
    if (existsSync(join(site, "content", name))) files.push([join(site, "content", name), schema]);
  return files;
}

function validate(path, schema) {
  // YAML 1.2 core schema: dates stay strings, as trustsite reads them.
  const data = YAML.parse(readFileSync(path, "utf8"));
  const ok = schemas[schema](data);
  return { ok, errors: schemas[schema].errors ?? [] };
}

let failures = 0;
let checked = 0;
const sites = [root, join(root, "tests", "fixtures", "sites", "basic"),
               join(root, "tests", "fixtures", "sites", "posture")];
const binary = process.argv.indexOf("--trustsite") > 0 ? process.argv[process.argv.indexOf("--trustsite") + 1] : null;
let scratch = null;
if (binary) {
  scratch = mkdtempSync(join(tmpdir(), "trustsite-schema-"));
  execFileSync(binary, ["new", join(scratch, "site"), "--name", "Schema Test AB"], { stdio: "ignore" });
  sites.push(join(scratch, "site"));
  for (const [path] of siteFiles(join(scratch, "site"))) {
    const modeline = readFileSync(path, "utf8").split("\n")[0].match(/^# yaml-language-server: \$schema=(.+)$/);
    checked++;
    if (!modeline || !existsSync(join(dirname(path), modeline[1]))) {
      failures++;
      console.error(`FAIL ${path}: no schema modeline naming an existing file`);
    }
  }
} else {
  console.log("(the site of `trustsite new` is not checked: run with --trustsite BINARY)");
}
for (const site of sites) {
  for (const [path, schema] of siteFiles(site)) {
    const { ok, errors } = validate(path, schema);
    checked++;
    if (!ok) {
      failures++;
      console.error(`FAIL ${path} (${schema}.schema.json):`);
      for (const e of errors) console.error(`  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    }
  }
}

// Each must be rejected by its schema, at the named path.
const invalid = [
  ["unknown-status", "content/controls/access.yaml", "controls", "/controls/0/status"],
  ["unknown-dpa", "content/subprocessors.yaml", "subprocessors", "/subprocessors/0/dpa"],
  ["unknown-change-type", "content/subprocessors.yaml", "subprocessors", "/changes/0/type"],
  ["invalid-date", "content/controls/access.yaml", "controls", "/controls/1/updated"],
  ["bad-identifier", "content/controls/access.yaml", "controls", "/controls/0/id"],
  ["unknown-field", "content/controls/access.yaml", "controls", "/controls/0"],
  ["missing-required", "content/controls/access.yaml", "controls", "/controls/0"],
  ["type-number-for-title", "content/controls/access.yaml", "controls", "/controls/0/title"],
  ["type-list-for-map", "content/controls/access.yaml", "controls", "/category"],
  ["hostile-website", "content/subprocessors.yaml", "subprocessors", "/subprocessors/0/website"],
  ["site-yaml-errors", "site.yaml", "site", "/base_url"],
  ["framework-unknown-values", "content/compliance.yaml", "compliance", "/frameworks/0/type"],
  ["framework-status-fields", "content/compliance.yaml", "compliance", "/frameworks/1"],
  ["framework-expected-format", "content/compliance.yaml", "compliance", "/frameworks/0/expected"],
  ["document-access-fields", "content/documents.yaml", "documents", "/documents/0"],
  ["document-file-path", "content/documents.yaml", "documents", "/documents/2/file"],
  ["highlight-link", "content/highlights.yaml", "highlights", "/highlights/2/link"],
  ["company-contacts", "site.yaml", "site", "/company/contacts/2"],
  ["company-contacts", "site.yaml", "site", "/company/contacts/3"],
  ["company-contacts", "site.yaml", "site", "/company/contacts/5"],
  ["company-contacts", "site.yaml", "site", "/company/contacts/7/role"],
  ["company-contacts", "site.yaml", "site", "/company/website"],
  ["security-txt-fields", "site.yaml", "site", "/security_txt/encryption"],
  ["vulnerability-disclosure-errors", "site.yaml", "site", "/vulnerability_disclosure/bounty/currency"],
  ["vulnerability-disclosure-errors", "site.yaml", "site", "/vulnerability_disclosure"],
  ["vulnerability-disclosure-limits", "site.yaml", "site", "/vulnerability_disclosure/bounty/max"],
  ["faq-errors", "content/faq.yaml", "faq", "/questions/2"],
  ["faq-errors", "content/faq.yaml", "faq", "/questions/3"],
];
for (const [fixture, file, schema, pointer] of invalid) {
  const path = join(root, "tests", "fixtures", "invalid", fixture, file);
  const { ok, errors } = validate(path, schema);
  checked++;
  if (ok || !errors.some((e) => e.instancePath === pointer || e.instancePath.startsWith(pointer + "/"))) {
    failures++;
    console.error(`FAIL ${fixture}/${file}: expected a schema error at ${pointer}, got ` +
      JSON.stringify(errors.map((e) => e.instancePath + " " + e.message)));
  }
}
if (scratch) rmSync(scratch, { recursive: true, force: true });
console.log(`${checked} files checked, ${failures} failures`);
process.exit(failures ? 1 : 0);
