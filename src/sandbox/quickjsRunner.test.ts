import variant from '@jitl/quickjs-wasmfile-release-sync';
import { newQuickJSWASMModuleFromVariant, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runInQuickJs, type SandboxOutcome } from './quickjsRunner';

let module: QuickJSWASMModule;
beforeAll(async () => {
  module = await newQuickJSWASMModuleFromVariant(variant);
});

const run = (code: string, arg: unknown = {}, timeoutMs = 1000, argName: 'state' | 'thoughts' = 'state'): SandboxOutcome =>
  runInQuickJs(module, { code, argName, arg: JSON.stringify(arg), timeoutMs });
const value = (o: SandboxOutcome): unknown => (o.ok ? JSON.parse(o.json) : o);
const failure = (o: SandboxOutcome): string => (o.ok ? `no failure: returned ${o.json}` : o.message);

describe('the QuickJS sandbox', () => {
  it('runs a scorer on the state and answers with JSON', () => {
    expect(value(run('return state.current.length * 2;', { current: [1, 2, 3] }))).toBe(6);
    expect(value(run('return state.current.filter((x, i, a) => i > 0 && a[i - 1] > x).length;', { current: [3, 1, 2, 0] }))).toBe(2);
  });

  it('gives a selector the thoughts and returns what it picks', () => {
    const thoughts = [
      { id: 'a', score: 3 },
      { id: 'b', score: 1 },
    ];
    expect(value(run('return thoughts.filter((t) => t.score < 2).map((t) => t.id);', thoughts, 1000, 'thoughts'))).toEqual(['b']);
  });

  it('follows a returned promise to its value', () => {
    expect(value(run('return Promise.resolve(state.x + 1).then((v) => v * 10);', { x: 1 }))).toBe(20);
  });

  it('reports a thrown error, a syntax error, a missing return and a non-JSON value in words', () => {
    expect(failure(run('throw new Error("no digits")'))).toMatch(/threw: Error: no digits/);
    expect(failure(run('return ('))).toMatch(/does not compile/);
    expect(failure(run('state.x = 1;'))).toMatch(/returned nothing/);
    expect(failure(run('return () => 1;'))).toMatch(/not JSON \(function\)/);
  });

  it.each([
    ['process.env', 'return process.env.OPENAI_API_KEY;'],
    ['require', 'return require("fs").readFileSync("/etc/passwd", "utf8");'],
    ['globalThis.process', 'return globalThis.process.env;'],
    ['getBuiltinModule', 'return process.getBuiltinModule("fs").writeFileSync("/tmp/pwned", "x");'],
    ['child_process', 'return require("child_process").execSync("id -u").toString();'],
    ['fetch', 'return fetch("/api/llm/models");'],
    ['XMLHttpRequest', 'const x = new XMLHttpRequest(); x.open("GET", "/api/llm/models"); return 1;'],
    ['WebSocket', 'new WebSocket("ws://127.0.0.1:1"); return 1;'],
    ['importScripts', 'importScripts("https://example.invalid/x.js"); return 1;'],
    ['indexedDB', 'return indexedDB.open("got-studio");'],
    ['setTimeout', 'setTimeout(() => {}, 10); return 1;'],
    ['self.postMessage', 'self.postMessage({ ok: true, value: 1 }); return 1;'],
  ])('has no %s: the reference is an error on the thought', (_name, code) => {
    expect(failure(run(code))).toMatch(/threw: (ReferenceError: '\w+' is not defined|TypeError: cannot read property '\w+' of undefined)/);
  });

  it('offers only the language built-ins as globals', () => {
    const names = value(run('return Object.getOwnPropertyNames(globalThis);')) as string[];
    for (const host of [
      'process',
      'require',
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'indexedDB',
      'importScripts',
      'self',
      'window',
      'Deno',
      'Bun',
      'setTimeout',
      'queueMicrotask',
      'console',
      'std',
      'os',
    ])
      expect(names).not.toContain(host);
  });

  it('cannot reach the host through import(), constructors or eval', () => {
    const viaImport = run('return import("node:fs").then((fs) => fs.readFileSync("/etc/passwd", "utf8"));');
    expect(failure(viaImport)).toMatch(/threw: /);
    expect(value(run('return typeof (function () { return this; })();'))).toBe('undefined');
    expect(value(run('return typeof Function("return this")().process;'))).toBe('undefined');
    expect(value(run('return typeof ({}).constructor.constructor("return globalThis")().fetch;'))).toBe('undefined');
  });

  it('stops an endless loop at the time limit, naming the limit', () => {
    const started = Date.now();
    expect(failure(run('while (true) {}', {}, 200))).toMatch(/did not finish within 200 ms .*time limit/);
    expect(failure(run('for (;;) { try { while (true) {} } catch (e) {} }', {}, 200))).toMatch(/within 200 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('stops a memory bomb at the memory limit', () => {
    expect(failure(run('return new ArrayBuffer(1e8).byteLength;'))).toMatch(/more than 64 MB .*memory limit/);
    expect(failure(run('const a = []; for (;;) a.push(new Uint8Array(1e6));', {}, 60_000))).toMatch(/more than 64 MB .*memory limit/);
  });

  it('stops deep recursion at the stack limit', () => {
    expect(failure(run('function f(n) { return f(n + 1) + 1; } return f(0);'))).toMatch(/stack limit/);
  });

  it('lets ordinary recursion five hundred calls deep finish', () => {
    expect(value(run('function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); } return depth(500);'))).toBe(500);
  });

  it('turns recursion inside built-ins (deep JSON, nested map callbacks) into the stack error, not a broken engine', () => {
    const deepJson = run('return JSON.parse("[".repeat(100000) + "]".repeat(100000)).length;');
    expect(failure(deepJson)).toMatch(/stack limit/);
    const viaMap = run('function g(n) { return [n].map((x) => (x > 0 ? g(x - 1) : 0))[0]; } return g(1e6);');
    expect(failure(viaMap)).toMatch(/stack limit/);
    expect(value(run('return 5;'))).toBe(5);
  });

  it('runs nothing after the answer: a pending promise is an error and a scheduled job never runs', () => {
    expect(failure(run('return new Promise(() => {});'))).toMatch(/promise that never settled/);
    const started = Date.now();
    expect(value(run('Promise.resolve().then(() => { for (;;) {} }); return 7;', {}, 5000))).toBe(7);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('gives every call a fresh context: globals set by one call are gone in the next', () => {
    expect(value(run('globalThis.leak = 41; Array.prototype.sum = () => 0; return 1;'))).toBe(1);
    expect(value(run('return [typeof leak, typeof [].sum];'))).toEqual(['undefined', 'undefined']);
  });

  it('keeps its own JSON even when the code replaces the global one', () => {
    expect(value(run('JSON.parse = () => 0; JSON.stringify = () => "1"; return { ok: state.a };', { a: 2 }))).toEqual({ ok: 2 });
  });

  it('keeps working after every kind of failure', () => {
    run('while (true) {}', {}, 50);
    run('return new ArrayBuffer(1e8);');
    run('function f() { return f(); } f();');
    expect(value(run('return 42;'))).toBe(42);
  });
});
