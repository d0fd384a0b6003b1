// Writes the gallery: public/examples/<id>.got.json for every example builder, plus index.json.
// Each example's default input is row 0 of its dataset, read through the task's loader.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExampleManifestEntry, exampleSpecs, loadDatasetRow, parseDatasetText, validateDocument, mergeFunctionRegistries, builtinFunctions, taskFunctions } from '../src/engine/index';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = join(root, 'public');
const outDir = join(publicDir, 'examples');
mkdirSync(outDir, { recursive: true });

const rowsByFile = new Map<string, ReturnType<typeof parseDatasetText>>();
const rowsOf = (file: string): ReturnType<typeof parseDatasetText> => {
  let rows = rowsByFile.get(file);
  if (!rows) {
    rows = parseDatasetText(readFileSync(join(publicDir, file), 'utf8'), file);
    rowsByFile.set(file, rows);
  }
  return rows;
};

const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const manifest: ExampleManifestEntry[] = [];
let problems = 0;
for (const spec of exampleSpecs) {
  const row = rowsOf(spec.dataset.file)[0];
  if (!row) throw new Error(`${spec.dataset.file} has no rows`);
  const doc = spec.build(loadDatasetRow(spec.dataset.loader, row, 0));
  const errors = validateDocument(doc, { functions }).diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) console.error(`${spec.id}: ${d.code} ${d.message}`);
  problems += errors.length;
  const file = `${spec.id}.got.json`;
  writeFileSync(join(outDir, file), `${JSON.stringify(doc, null, 2)}\n`);
  manifest.push({ id: spec.id, title: doc.title, description: doc.description, task: spec.task, scheme: spec.scheme, file });
}
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`wrote ${manifest.length} examples and index.json to public/examples`);
if (problems > 0) {
  console.error(`${problems} validation error(s)`);
  process.exitCode = 1;
}
