import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXAMPLE_ID, fetchStartExample } from './examples';

/** A fetch over public/ that records what it was asked for; `missing` paths answer 404. */
function publicFetch(missing: readonly string[] = [], override: Record<string, string> = {}) {
  const asked: string[] = [];
  const fetchFn = (async (url: string) => {
    asked.push(url);
    const path = url.replace(/^\//, '');
    if (missing.includes(path)) return new Response('not found', { status: 404 });
    return new Response(override[path] ?? readFileSync(`public/${path}`, 'utf8'));
  }) as unknown as typeof fetch;
  return { fetchFn, asked };
}

describe('the graph a first visit opens on', () => {
  it('is the default example, fetched in one request without the gallery manifest first', async () => {
    const { fetchFn, asked } = publicFetch();
    const doc = await fetchStartExample(fetchFn);
    expect(doc?.title).toBe((JSON.parse(readFileSync(`public/examples/${DEFAULT_EXAMPLE_ID}.got.json`, 'utf8')) as { title: string }).title);
    expect(asked).toEqual([`/examples/${DEFAULT_EXAMPLE_ID}.got.json`]);
  });

  it('comes from the manifest when the default file is missing (a deployment with another gallery)', async () => {
    const { fetchFn, asked } = publicFetch([`examples/${DEFAULT_EXAMPLE_ID}.got.json`], {
      'examples/index.json': JSON.stringify([{ id: 'other', file: 'sorting-032-io.got.json', title: 'Other', task: 'sorting', scheme: 'IO' }]),
    });
    const doc = await fetchStartExample(fetchFn);
    expect(doc?.operations.length).toBeGreaterThan(0);
    expect(asked).toEqual([`/examples/${DEFAULT_EXAMPLE_ID}.got.json`, '/examples/index.json', '/examples/sorting-032-io.got.json']);
  });

  it('a broken default file is an error that says so, not an empty editor without a reason', async () => {
    const { fetchFn } = publicFetch([], { [`examples/${DEFAULT_EXAMPLE_ID}.got.json`]: '{"format":"got-studio","operations":' });
    await expect(fetchStartExample(fetchFn)).rejects.toThrow(/opening example is broken/);
  });
});
