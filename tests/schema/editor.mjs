// Editor support for real (SPEC 7, docs/editors.md): starts yaml-language-server (npm, the
// server behind VS Code's YAML extension and Neovim's yamlls) over LSP on stdio, opens
// editor/access.yaml, whose modeline names ../../../schemas/controls.schema.json, and checks
// what an editor would show:
//   - diagnostics: the misspelt key `updatd` on line 10 is an unknown property, and nothing else
//     is wrong;
//   - completion of keys inside a control: status, frameworks, updated, monitor, extra are offered,
//     the keys it already has are not;
//   - completion of a value: `status:` offers the statuses of the schema;
//   - without a modeline, the `yaml.schemas` setting (glob -> schema) applies faq.schema.json to
//     editor/faq.yaml: its misspelt `answr` is reported, and the missing `answer`.
// Offline: the schema is a file, and the JSON Schema Store is switched off.
//   node tests/schema/editor.mjs          (CTest: schema_editor; needs `npm ci --prefix tests/schema`)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const server = join(dirname(require.resolve("yaml-language-server/package.json")), "bin",
                    "yaml-language-server");
const fixture = join(here, "editor", "access.yaml");
const fixtureUri = pathToFileURL(fixture).href;
const text = readFileSync(fixture, "utf8");

let failures = 0;
function check(ok, what, got) {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.error(`FAIL ${what}; got ${JSON.stringify(got)}`);
  }
}

// ---- A minimal LSP client: Content-Length framing, requests, notifications, server requests.
const child = spawn(process.execPath, [server, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
let buffer = Buffer.alloc(0);
let nextId = 1;
const pending = new Map();
const listeners = [];
const schemas = join(here, "..", "..", "schemas");
const settings = {
  yaml: {
    validate: true,
    completion: true,
    hover: true,
    schemaStore: { enable: false },
    schemas: { [pathToFileURL(join(schemas, "faq.schema.json")).href]: "**/editor/faq.yaml" },
  },
};
function send(message) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
  child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
  child.stdin.write(body);
}
function request(method, params) {
  const id = nextId++;
  send({ id, method, params });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
}
const notify = (method, params) => send({ method, params });
function handle(message) {
  if (message.id !== undefined && message.method) {
    // A request from the server: settings for each section it asks for; nothing else matters.
    const result = message.method === "workspace/configuration"
      ? message.params.items.map((item) => (item.section ? settings[item.section] ?? null : settings))
      : null;
    send({ id: message.id, result });
  } else if (message.id !== undefined) {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiter?.reject(new Error(JSON.stringify(message.error)));
    else waiter?.resolve(message.result);
  } else {
    for (const listener of listeners) listener(message);
  }
}
child.stdout.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf("\r\n\r\n");
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    handle(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString("utf8")));
    buffer = buffer.subarray(end + 4 + length);
  }
});

// The diagnostics of `uri` once the server has reported some (the schema is loaded), or the last
// ones it reported when `seconds` pass.
function diagnosticsOf(uri, seconds) {
  return new Promise((resolve) => {
    let last = [];
    const timer = setTimeout(() => resolve(last), seconds * 1000);
    listeners.push((message) => {
      if (message.method !== "textDocument/publishDiagnostics" || message.params.uri !== uri) return;
      last = message.params.diagnostics;
      if (last.length > 0) {
        clearTimeout(timer);
        resolve(last);
      }
    });
  });
}
const labels = (result) => (Array.isArray(result) ? result : result?.items ?? []).map((i) => i.label);

const timeout = setTimeout(() => {
  console.error("FAIL yaml-language-server did not answer within 60 s");
  child.kill();
  process.exit(1);
}, 60000);

await request("initialize", {
  processId: process.pid,
  rootUri: pathToFileURL(here).href,
  capabilities: {
    workspace: { configuration: true },
    textDocument: {
      completion: { completionItem: { snippetSupport: false } },
      publishDiagnostics: {},
    },
  },
  initializationOptions: {},
});
notify("initialized", {});
notify("workspace/didChangeConfiguration", { settings });

// Diagnostics on the file as it is.
const published = diagnosticsOf(fixtureUri, 30);
notify("textDocument/didOpen", { textDocument: { uri: fixtureUri, languageId: "yaml", version: 1, text } });
const diagnostics = await published;
const unknown = diagnostics.filter((d) => /updatd/.test(d.message) && /not allowed/i.test(d.message));
check(unknown.length === 1 && unknown[0].range.start.line === 9 && unknown[0].range.start.character === 4,
      "diagnostics: 'updatd' on line 10, column 5 is an unknown property", diagnostics);
check(diagnostics.length === 1, "diagnostics: nothing else is reported", diagnostics);

// Completion of a key inside the control: the same file with the last two keys replaced by an
// indented empty line (a second, unsaved document next to the fixture, so the modeline resolves).
const lines = text.split("\n");
const keyUri = pathToFileURL(join(here, "editor", "completion-key.yaml")).href;
const keyText = [...lines.slice(0, 8), "    ", ""].join("\n");
notify("textDocument/didOpen", { textDocument: { uri: keyUri, languageId: "yaml", version: 1, text: keyText } });
const keys = labels(await request("textDocument/completion", {
  textDocument: { uri: keyUri }, position: { line: 8, character: 4 },
}));
check(["status", "frameworks", "updated", "monitor", "extra"].every((k) => keys.includes(k)),
      "completion: a control's missing keys (status, frameworks, updated, monitor, extra)", keys);
check(!keys.includes("title") && !keys.includes("description"),
      "completion: not the keys the control already has", keys);

// Completion of a value: `status: ` offers the statuses.
const valueUri = pathToFileURL(join(here, "editor", "completion-value.yaml")).href;
const valueText = [...lines.slice(0, 8), "    status: ", ""].join("\n");
notify("textDocument/didOpen", { textDocument: { uri: valueUri, languageId: "yaml", version: 1, text: valueText } });
const values = labels(await request("textDocument/completion", {
  textDocument: { uri: valueUri }, position: { line: 8, character: 12 },
}));
check(["implemented", "in_progress", "planned", "not_applicable"].every((v) => values.includes(v)),
      "completion: status values from the schema", values);

// The schema from the settings, for a file without a modeline.
const faqUri = pathToFileURL(join(here, "editor", "faq.yaml")).href;
const faqPublished = diagnosticsOf(faqUri, 30);
notify("textDocument/didOpen", {
  textDocument: { uri: faqUri, languageId: "yaml", version: 1, text: readFileSync(join(here, "editor", "faq.yaml"), "utf8") },
});
const faq = await faqPublished;
check(faq.some((d) => /answr/.test(d.message) && d.range.start.line === 5 && d.range.start.character === 4),
      "settings: 'answr' on line 6, column 5 of faq.yaml is an unknown property", faq);
check(faq.some((d) => /answer/.test(d.message.replace("answr", ""))),
      "settings: the missing 'answer' is reported", faq);

await request("shutdown", null);
notify("exit", null);
clearTimeout(timeout);
console.log(failures ? `${failures} failures` : "yaml-language-server: all checks passed");
process.exit(failures ? 1 : 0);
