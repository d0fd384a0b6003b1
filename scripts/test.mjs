#!/usr/bin/env node
// The one gate: typecheck, lint, unit tests (Vitest) and browser tests (Playwright), ending with
// the line `N passed, N failed` built from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
mkdirSync('.cache', { recursive: true });
let passed = 0;
let failed = 0;
const failures = [];

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function gate(name, cmd, args) {
  const code = run(cmd, args);
  if (code === 0) passed += 1;
  else {
    failed += 1;
    failures.push(name);
  }
}

if (want('typecheck')) gate('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
if (want('lint')) gate('lint', 'npx', ['eslint', '.', '--max-warnings=0']);

if (want('unit')) {
  const out = '.cache/vitest.json';
  rmSync(out, { force: true });
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    if (r.numFailedTests > 0) failures.push(`${r.numFailedTests} unit test(s)`);
    if (code !== 0 && r.numFailedTests === 0) {
      failed += 1;
      failures.push('vitest exited with an error outside the tests');
    }
  } else {
    failed += 1;
    failures.push('vitest produced no report');
  }
}

if (want('e2e') && existsSync('e2e') && spawnSync('sh', ['-c', 'ls e2e/*.spec.ts >/dev/null 2>&1']).status === 0) {
  const out = '.cache/playwright.json';
  rmSync(out, { force: true });
  const code = run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const s = r.stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    if ((s.unexpected ?? 0) > 0) failures.push(`${s.unexpected} browser test(s)`);
    if (code !== 0 && (s.unexpected ?? 0) === 0) {
      failed += 1;
      failures.push('playwright exited with an error outside the tests');
    }
  } else {
    failed += 1;
    failures.push('playwright produced no report');
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
