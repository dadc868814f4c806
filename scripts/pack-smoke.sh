#!/usr/bin/env bash
# Packs the CLI and the workspace packages it depends on, installs the tarballs into an
# empty folder outside the repository (dependencies from the npm registry), and runs
# what a new user runs first there: --version, the bare demo, `validate` and `init`. Run after a
# build (`npm install` builds; CI calls this after `npm test`).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d "${TMPDIR:-/tmp}/concord-pack-XXXXXX")
trap 'rm -rf "$work"' EXIT
trap 'echo "pack-smoke: failed at line $LINENO ($BASH_COMMAND)" >&2' ERR
mkdir "$work/tarballs" "$work/app"

for pkg in core report app node storage server web cli; do
  npm pack --silent -w "packages/$pkg" --pack-destination "$work/tarballs" >/dev/null
done
# Listings read whole first: `tar | grep -q` fails under pipefail when grep stops early.
for t in "$work"/tarballs/*.tgz; do
  listing=$(tar -tzf "$t")
  needed="package/README.md package/LICENSE package/package.json"
  [[ $t == */concord-cli-* ]] && needed+=" package/scenarios/armenia-azerbaijan-2023.yaml package/schema/scenario.schema.json"
  for f in $needed; do
    grep -qx "$f" <<<"$listing" || { echo "pack-smoke: $(basename "$t") lacks $f" >&2; exit 1; }
  done
done

cd "$work/app"
echo '{ "name": "concord-pack-smoke", "private": true }' > package.json
npm install --no-audit --no-fund --silent "$work"/tarballs/*.tgz

# The installed command is ours, not the unrelated `concord` on the registry: it prints our version.
test "$(npx --no-install concord --version)" = "$(node -p 'require("@concord/cli/package.json").version')"
# The bare demo: the embedded scenario, from the installed package.
npx --no-install concord > demo.txt
grep -q "Concord — the embedded default scenario" demo.txt
test -s out/armenia-azerbaijan-2023.html
# validate, plain and as JSON, on the shipped example and on a new scenario from init.
npx --no-install concord validate node_modules/@concord/cli/scenarios/examples/ceasefire.yaml
npx --no-install concord init talks.yaml >/dev/null
head -1 talks.yaml | grep -q '^# yaml-language-server: $schema=node_modules/@concord/cli/schema/scenario.schema.json$'
# Each schema's $id, after the CDN's host, is a module specifier that resolves to the shipped file.
node --input-type=module -e '
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
for (const name of ["schema/scenario.schema.json", "schema/cli/analyze.schema.json"]) {
  const file = fileURLToPath(import.meta.resolve(`@concord/cli/${name}`));
  const id = new URL(JSON.parse(readFileSync(file, "utf8")).$id);
  if (id.pathname !== `/@concord/cli/${name}`) throw new Error(`${file}: $id ${id} does not name it`);
}
'
npx --no-install concord validate talks.yaml --json > validate.json
grep -q '"ok": true' validate.json
# Source maps point at sources that are in the package.
node -e '
const { readFileSync, existsSync } = require("node:fs");
const { dirname, resolve } = require("node:path");
const map = "node_modules/@concord/cli/dist/main.js.map";
for (const s of JSON.parse(readFileSync(map, "utf8")).sources) if (!existsSync(resolve(dirname(map), s))) throw new Error(`${map}: ${s} is missing`);
'
echo "pack-smoke: the packed CLI installs into an empty folder and runs (--version, demo, validate, init)"
