import type { GotDocument } from '../../engine/index';
import type { RunProblem } from '../run/runProblems';
import { codeConsentNeeded, type ConsentRequest } from './codeConsent';
import { documentOrigin } from './documentOrigin';
import { sha256Hex } from './sha256';

const STORAGE_KEY = 'got-studio.codeConsent';
const REMEMBERED = 500;

/** The consent question on screen, if any, and how to answer it. */
export interface PendingConsent {
  request: ConsentRequest;
  answer: (run: boolean) => void;
}

let pending: PendingConsent | null = null;
const listeners = new Set<() => void>();
const inMemory = new Set<string>();

const notify = (): void => listeners.forEach((l) => l());

/** For the dialog: subscribe to the pending question. */
export function subscribeConsent(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const pendingConsent = (): PendingConsent | null => pending;

function approvedHashes(): Set<string> {
  try {
    const list = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return new Set([...inMemory, ...(Array.isArray(list) ? list.filter((h): h is string => typeof h === 'string') : [])]);
  } catch {
    return new Set(inMemory);
  }
}

function approve(hash: string): void {
  inMemory.add(hash);
  try {
    const kept = [hash, ...[...approvedHashes()].filter((h) => h !== hash)].slice(0, REMEMBERED);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage blocked or full: the answer holds for this page only.
  }
}

/**
 * Asks before the first run of a graph whose code came from outside (share link, file, gallery);
 * resolves true when it may run. The answer "run" is remembered for that document only.
 */
export function confirmDocumentCode(doc: GotDocument): Promise<boolean> {
  const origin = documentOrigin();
  if (origin.kind === 'own') return Promise.resolve(true);
  const request = codeConsentNeeded(doc, origin, approvedHashes());
  if (!request) return Promise.resolve(true);
  pending?.answer(false);
  return new Promise<boolean>((resolve) => {
    const asked: PendingConsent = {
      request,
      answer: (run) => {
        if (pending !== asked) return;
        pending = null;
        if (run) approve(origin.hash);
        notify();
        resolve(run);
      },
    };
    pending = asked;
    notify();
  });
}

/** Whether `code` is a function of the open document from outside that the user has not accepted (Compare and the inspector's test run it too). */
export function isUnacceptedCode(code: string): boolean {
  const origin = documentOrigin();
  return origin.kind === 'outside' && origin.code.includes(sha256Hex(code)) && !approvedHashes().has(origin.hash);
}

/** What the run view says when the user chose not to run a graph's code. */
export const CODE_DECLINED: RunProblem = {
  severity: 'info',
  title: 'Not run: this graph’s JavaScript was not accepted',
  detail: 'The graph came from outside and contains JavaScript functions; you chose not to run them.',
  hint: 'Press Run again to review the code, or replace the JavaScript functions with built-ins or expressions.',
};
