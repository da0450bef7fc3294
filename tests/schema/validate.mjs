// Validates YAML content against schemas/*.schema.json with Ajv, an implementation independent
// of trustsite's loaders (issue 3). The example site and the valid fixture site must pass; a
// set of invalid fixtures must each fail, so the schemas are not vacuous.
//   node tests/schema/validate.mjs        (run by CTest as schema_validation)
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import YAML from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const schemas = {};
for (const name of ["site", "controls", "subprocessors", "ai"]) {
  schemas[name] = ajv.compile(JSON.parse(readFileSync(join(root, "schemas", `${name}.schema.json`), "utf8")));
}

// The files of a site directory and the schema each one is validated against.
function siteFiles(site) {
  const files = [[join(site, "site.yaml"), "site"]];
  const controls = join(site, "content", "controls");
  for (const name of readdirSync(controls).filter((n) => n.endsWith(".yaml")).sort())
    files.push([join(controls, name), "controls"]);
  for (const [name, schema] of [["subprocessors.yaml", "subprocessors"], ["ai.yaml", "ai"]])
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
for (const site of [root, join(root, "tests", "fixtures", "sites", "basic")]) {
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
console.log(`${checked} files checked, ${failures} failures`);
process.exit(failures ? 1 : 0);
