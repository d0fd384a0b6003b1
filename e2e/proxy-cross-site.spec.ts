import { expect, test } from '@playwright/test';

const chat = JSON.stringify({ model: 'got-simulator', messages: [{ role: 'user', content: 'spend my key' }] });

// Another origin on the same machine: the dev server reached as 127.0.0.1 instead of localhost.
test.describe('the model proxy refuses other origins in a real browser', () => {
  test('a page on another origin gets 403 for a no-cors text/plain fetch, a text/plain form and a CORS read, and can read nothing', async ({ page, baseURL }) => {
    const own = baseURL ?? '';
    const other = own.replace('localhost', '127.0.0.1');
    const statuses: string[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${own}/api/llm/`)) statuses.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`);
    });
    await page.goto(`${other}/datasets/got/SOURCE.md`);
    expect(new URL(page.url()).origin).toBe(other);

    const read = await page.evaluate(
      async ({ target, body }) => {
        await fetch(`${target}/api/llm/chat/completions`, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body });
        try {
          return await (await fetch(`${target}/api/llm/models`)).text();
        } catch {
          return 'blocked by CORS';
        }
      },
      { target: own, body: chat },
    );
    expect(read).toBe('blocked by CORS');

    const formAnswer = page.waitForResponse((r) => r.url() === `${own}/api/llm/chat/completions` && r.request().method() === 'POST' && r.request().resourceType() === 'document');
    await page.evaluate(
      ({ target, body }) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.enctype = 'text/plain';
        form.action = `${target}/api/llm/chat/completions`;
        const field = document.createElement('input');
        // text/plain forms send `name=value`: a JSON body with one stray `=` inside a string.
        field.name = body.slice(0, -2);
        field.value = '"}';
        form.append(field);
        document.body.append(form);
        form.submit();
      },
      { target: own, body: chat },
    );
    expect((await formAnswer).status()).toBe(403);
    await expect(page.locator('body')).toContainText('answers only this app');
    // Both posts were refused before the upstream (the CORS read fails without a response the page can see).
    expect(statuses.filter((s) => s.startsWith('POST'))).toEqual(['POST /api/llm/chat/completions 403', 'POST /api/llm/chat/completions 403']);
  });
});
