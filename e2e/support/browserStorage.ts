import { expect, type Page } from '@playwright/test';

/** Everything the page keeps on the device: localStorage as JSON, IndexedDB database names and every record as JSON. */
export async function dumpBrowserStorage(page: Page): Promise<{ local: string; dbs: string[]; idb: string }> {
  return page.evaluate(async () => {
    const local = JSON.stringify({ ...localStorage });
    const dump = async (name: string) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve('');
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (!names.length) return resolve('');
          const tx = db.transaction(names, 'readonly');
          const out: unknown[] = [];
          let left = names.length;
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => {
              out.push(req.result);
              if (--left === 0) resolve(JSON.stringify(out));
            };
          }
        };
      });
    const dbs = (await indexedDB.databases()).map((d) => d.name ?? '');
    const contents = await Promise.all(dbs.map(dump));
    return { local, dbs, idb: contents.join('\n') };
  });
}

/** Checks that a run was recorded on the device (the runs database holds it) and that `secret` is in neither localStorage nor IndexedDB. */
export async function expectRunStoredWithout(page: Page, secret: string): Promise<void> {
  const stored = await dumpBrowserStorage(page);
  expect(stored.dbs).toContain('got-studio-runs');
  expect(stored.idb.length).toBeGreaterThan(1000);
  expect(stored.local).not.toContain(secret);
  expect(stored.idb).not.toContain(secret);
}
