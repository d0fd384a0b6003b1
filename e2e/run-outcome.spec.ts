import { expect, test } from '@playwright/test';
import { scriptedModel } from '../src/engine/models/scripted';
import { startModelServer } from '../src/server/modelServer';
import { RunPage } from './support/runPage';

test.describe('honest run outcomes', () => {
  test('a model that answers in prose instead of the asked format ends the run Failed, naming the split, the parse error and the answer', async ({ page }) => {
    const prose = scriptedModel({ answer: () => 'Sure! Here are your lists, nicely arranged.', streamChunk: 8, id: { baseUrl: 'prose', model: 'prose' } });
    const server = await startModelServer({ model: prose });
    try {
      const run = new RunPage(page);
      await run.open();
      await run.setModel({ provider: 'openai', baseUrl: server.url, model: 'prose', key: 'sk-test-anything', cache: false });
      await run.saveModel();
      await run.run();
      await run.waitDone();
      await expect(run.status()).toHaveText(/^Failed/);
      await run.tab('summary');
      await expect(run.summary('status')).toHaveText(
        /^Failed — Split into 2 lists of 16 \(split\) could not parse its answer: .*found none\. The answer began: "Sure! Here are your lists, nicely arranged\."$/,
      );
      await expect(page.getByTestId('run-problem')).toContainText('The run failed');
      // The node whose answers could not be read says so, never a plain "done".
      await expect(page.getByTestId('op-status-split')).toHaveText('unreadable');
      await expect(page.getByTestId('op-error-split')).toContainText('none of its 1 answer could be parsed');
      await run.shot('run-outcome-failed-parse');
    } finally {
      await server.close();
    }
  });
});
