import type { RunEvent } from '../../engine/index';
import { exportRun, type ExportedRun } from '../../engine/index';

/**
 * The JSON export of a run shown in the app (live, cancelled or reopened): the same superset
 * format as the CLI's `--out`, built by the CLI's own builder from the run's event log. The log
 * holds no key (run settings record only the base URL and model), and the URL is redacted.
 */
export function exportRunJson(events: readonly RunEvent[], createdAt: string): ExportedRun | null {
  const start = events.find((e) => e.type === 'run.start');
  if (!start || start.type !== 'run.start') return null;
  const { settings } = start;
  return exportRun({
    document: start.document,
    settings: {
      model: settings.model,
      concurrency: settings.concurrency,
      budget: settings.budget,
      seed: settings.seed,
      cache: settings.cache,
    },
    samples: [{ sampleIndex: settings.sampleIndex, input: start.input, events }],
    includeEvents: true,
    createdAt,
  });
}

/** Offers a JSON value as a file download. */
export function downloadJson(value: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name for a run export: the graph's title, made safe. */
export function exportFileName(title: string): string {
  return `${
    title
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'run'
  }.run.json`;
}
