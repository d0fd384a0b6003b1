// Writes the gallery's recordings: public/recordings/<id>.gotrec.json for one GoT example of each of
// the paper's four tasks, run on the offline simulator, plus index.json. `npm run recordings`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordingEntry } from '../src/ui/recording/galleryRecordings';
import {
  SIMULATOR_PRICE_KEY,
  builtinFunctions,
  costOf,
  DEFAULT_PRICES,
  lookupPrice,
  mergeFunctionRegistries,
  parseDocumentFile,
  recordingOfRun,
  runGraph,
  serializeRecording,
  simulatorModel,
  taskFunctions,
} from '../src/engine/index';

/** The examples recorded, one per task of the paper. */
const EXAMPLES = ['sorting-032-got', 'set-intersection-032-got', 'keyword-counting-got4', 'doc-merge-got'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'recordings');
mkdirSync(outDir, { recursive: true });
const functions = mergeFunctionRegistries(builtinFunctions(), taskFunctions());
const price = lookupPrice(DEFAULT_PRICES, SIMULATOR_PRICE_KEY);

const index: RecordingEntry[] = [];
for (const id of EXAMPLES) {
  const parsed = parseDocumentFile(readFileSync(join(root, 'public', 'examples', `${id}.got.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`${id}: ${parsed.diagnostics.map((d) => d.message).join('; ')}`);
  const document = parsed.document;
  // A fixed seed and the simulator's own latency: the recording shows calls overlapping as they would live.
  const result = await runGraph(document, {
    model: simulatorModel({ seed: 0 }),
    functions,
    seed: 0,
    concurrency: 8,
    runId: `gallery-${id}`,
    cost: (usage) => costOf(usage, price),
  });
  if (result.summary.status !== 'completed') throw new Error(`${id}: the run ended ${result.summary.status}: ${result.summary.reason ?? ''}`);
  const recording = recordingOfRun(result.events, `${document.title} (recorded on the simulator)`);
  if (!recording) throw new Error(`${id}: no run.start`);
  const file = `${id}.gotrec.json`;
  writeFileSync(join(outDir, file), serializeRecording({ ...recording, source: `${id}.got.json` }));
  index.push({
    id,
    title: recording.title,
    description: document.description,
    task: document.task ?? 'custom',
    scheme: document.scheme ?? '',
    file,
    thoughts: result.grs.thoughtOrder.length,
    requests: result.summary.requests,
    wallMs: Math.round(result.summary.wallMs),
  });
  console.log(`${file}: ${result.grs.thoughtOrder.length} thoughts, ${result.summary.requests} requests, ${Math.round(result.summary.wallMs)} ms`);
}
writeFileSync(join(outDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
console.log(`wrote ${index.length} recordings and index.json to public/recordings`);
