// Writes schemas/locale.schema.json from trustsite's own UI strings, locales/en.yaml and
// locales/sv.yaml: every key they have (and nothing else, as the loader allows nothing else in
// a site's locales/<code>.yaml), each string described by the comment above it and its English
// and Swedish text, plus the top-level `extra:` for a custom theme's own strings.
// tests/check_test.cpp fails when the schema and locales/en.yaml disagree; then run
//   node tests/schema/locale-schema.mjs        (after `npm ci --prefix tests/schema`)
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (code) => YAML.parseDocument(readFileSync(join(root, "locales", `${code}.yaml`), "utf8"));
const en = read("en");
const sv = read("sv").toJS();

// The comment right above a key (after the last empty line: the file's header is not about it).
const comment = (text) =>
  (text ?? "").split("\n\n").at(-1).split("\n").map((l) => l.trim()).filter(Boolean).join(" ");

// The schema of one map of UI strings; `swedish` is the same map of sv.yaml.
// A comment above a nested map's first key belongs to the map's value node in the `yaml` parser.
function mapSchema(map, swedish, nested = false) {
  const properties = {};
  for (const [index, pair] of map.items.entries()) {
    const key = String(pair.key.value ?? pair.key);
    const note = comment(pair.key.commentBefore ?? (nested && index === 0 ? map.commentBefore : undefined));
    if (YAML.isMap(pair.value)) {
      properties[key] = { ...mapSchema(pair.value, swedish?.[key] ?? {}, true) };
      properties[key].description = note || `The UI strings ${key}.*`;
    } else {
      const english = String(pair.value?.value ?? "");
      const svText = swedish?.[key];
      let description = (note ? note + " " : "") + `English: “${english}”`;
      if (typeof svText === "string") description += `; Swedish: “${svText}”`;
      properties[key] = { type: "string", description: description + "." };
    }
  }
  return { type: "object", properties, additionalProperties: false };
}

const body = mapSchema(en.contents, sv);
body.properties.extra = {
  type: "object",
  description:
    "A custom theme's own UI strings, available as {{t.extra.…}}; passed to templates as they are and never checked (docs/themes.md).",
};
const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://trustsite.example/schemas/locale.schema.json",
  title: "trustsite UI strings",
  description:
    "locales/<code>.yaml of a site: overrides of single UI strings of trustsite's own locales, or a whole new locale (docs/themes.md, \"UI strings\"). Every key is optional; a key trustsite's own files do not have is an error. Generated from locales/en.yaml by tests/schema/locale-schema.mjs.",
  ...body,
};
writeFileSync(join(root, "schemas", "locale.schema.json"), JSON.stringify(schema, null, 2) + "\n");
console.log("wrote schemas/locale.schema.json");
