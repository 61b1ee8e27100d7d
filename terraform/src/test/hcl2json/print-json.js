// Prints one JSON object mapping each .tf file under the given directory (relative path) to its
// HCL parsed by @cdktf/hcl2json. Directories that hold no configuration are skipped.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { parse } = require("@cdktf/hcl2json");

const SKIPPED = new Set([".terraform", "node_modules", "src", "target"]);

function tfFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : tfFiles(full);
    return entry.name.endsWith(".tf") || entry.name.endsWith(".tfvars") ? [full] : [];
  });
}

async function main(root) {
  const parsed = {};
  for (const file of tfFiles(root).sort()) {
    const name = path.relative(root, file).split(path.sep).join("/");
    parsed[name] = await parse(name, fs.readFileSync(file, "utf8"));
  }
  process.stdout.write(JSON.stringify(parsed));
}

main(process.argv[2] || ".").catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
