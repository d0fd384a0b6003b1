import type { ExampleManifestEntry, GotDocument } from '../../engine/index';
import { readDocument } from './readDocument';

/** One card of the example gallery: an entry of the manifest the engine's example specs produce. */
export type GalleryEntry = ExampleManifestEntry;

/** The example the app opens on: the GoT sorting of 32 numbers. */
export const DEFAULT_EXAMPLE_ID = 'sorting-032-got';

const base = (): string => (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** The gallery manifest; accepts a bare array or `{ examples: [...] }`. */
export async function fetchGallery(fetchFn: typeof fetch = fetch): Promise<GalleryEntry[]> {
  const res = await fetchFn(`${base()}examples/index.json`);
  if (!res.ok) throw new Error(`The example gallery could not be loaded (HTTP ${res.status}).`);
  const data = (await res.json()) as unknown;
  const list = Array.isArray(data) ? data : ((data as { examples?: unknown }).examples ?? []);
  return (list as GalleryEntry[]).filter((e) => typeof e?.id === 'string' && typeof e.file === 'string');
}

/** Fetches and reads one example graph. */
export async function fetchExample(entry: GalleryEntry, fetchFn: typeof fetch = fetch): Promise<GotDocument> {
  const path = entry.file.includes('/') ? entry.file.replace(/^\//, '') : `examples/${entry.file}`;
  const res = await fetchFn(`${base()}${path}`);
  if (!res.ok) throw new Error(`Example “${entry.title}” could not be loaded (HTTP ${res.status}).`);
  return readExample(await res.text(), `Example “${entry.title}”`);
}

/** An example file read and checked like any file from outside; `name` says which in the error. */
function readExample(text: string, name: string): GotDocument {
  const r = readDocument(text);
  if (!r.ok) throw new Error(`${name} is broken: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.doc;
}

/**
 * The graph a first visit opens on: the default example's file straight away (one request on the
 * first screen's path, not the gallery's manifest and then the file); the manifest only if that file
 * is missing (a deployment with another gallery).
 */
export async function fetchStartExample(fetchFn: typeof fetch = fetch): Promise<GotDocument | null> {
  const res = await fetchFn(`${base()}examples/${DEFAULT_EXAMPLE_ID}.got.json`);
  if (res.ok) return readExample(await res.text(), 'The opening example');
  const entry = defaultExample(await fetchGallery(fetchFn));
  return entry ? fetchExample(entry, fetchFn) : null;
}

/** The default example's entry (GoT sorting-32), else the first GoT example, else the first. */
export function defaultExample(entries: readonly GalleryEntry[]): GalleryEntry | undefined {
  return entries.find((e) => e.id === DEFAULT_EXAMPLE_ID) ?? entries.find((e) => e.task === 'sorting' && e.scheme === 'GoT') ?? entries[0];
}
