import type { ExampleManifestEntry } from '../../engine/index';
/** One recording of the gallery, as public/recordings/index.json lists it (scripts/buildRecordings.ts writes it). */
export interface RecordingEntry extends ExampleManifestEntry {
  thoughts: number;
  requests: number;
  wallMs: number;
}

const base = (): string => (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** The gallery's recordings; an empty list when the app ships none. */
export async function fetchRecordingIndex(fetchFn: typeof fetch = fetch): Promise<RecordingEntry[]> {
  const res = await fetchFn(`${base()}recordings/index.json`);
  if (!res.ok) return [];
  const data = (await res.json()) as unknown;
  return (Array.isArray(data) ? data : []).filter((e): e is RecordingEntry => typeof e?.id === 'string' && typeof e.file === 'string' && !e.file.includes('/'));
}

/** The text of one gallery recording. */
export async function fetchRecordingText(entry: RecordingEntry, fetchFn: typeof fetch = fetch): Promise<string> {
  const res = await fetchFn(`${base()}recordings/${entry.file}`);
  if (!res.ok) throw new Error(`The recording “${entry.title}” could not be loaded (HTTP ${res.status}).`);
  return res.text();
}
