// `npm run bench`: every benchmark, each printing ratios measured side by side in one run.
// Parts: engine (scheduler vs critical path and vs one-call-at-a-time, overhead per thought),
// models (the sorting-128 GoT over the simulator server), editor and live-run UI (Chromium).
const parts: Array<{ name: string; module: string; fn: string }> = [
  { name: 'first load (Chromium)', module: './firstLoad.ts', fn: 'benchFirstLoad' },
  { name: 'cold start (CLI)', module: './coldStart.ts', fn: 'benchColdStart' },
  { name: 'app-cold (Chromium)', module: './appColdStart.ts', fn: 'benchAppColdStart' },
  { name: 'browser floor (Chromium)', module: './browserFloor.ts', fn: 'benchBrowserFloor' },
  { name: 'engine', module: './engine.ts', fn: 'benchEngine' },
  { name: 'models', module: './models.ts', fn: 'benchModels' },
  { name: 'editor (Chromium)', module: './ui-editor.ts', fn: 'benchEditor' },
  { name: 'live run (Chromium)', module: './ui-run.ts', fn: 'benchRun' },
];

const only = process.argv.slice(2);
let failures = 0;
for (const part of parts) {
  if (only.length && !only.some((o) => part.name.startsWith(o))) continue;
  console.log(`\n== ${part.name} ==`);
  try {
    const mod = (await import(part.module)) as Record<string, () => Promise<string[]>>;
    const run = mod[part.fn];
    if (!run) throw new Error(`${part.module} exports no ${part.fn}`);
    for (const line of await run()) console.log(line);
  } catch (err) {
    failures += 1;
    console.log(`failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}
process.exit(failures ? 1 : 0);
export {};
