import ELK from 'elkjs/lib/elk-api';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

let instance: InstanceType<typeof ELK> | null = null;

/** One ELK instance whose layout runs in a Web Worker, so a large GRS never blocks the canvas. */
export function workerElk(): InstanceType<typeof ELK> {
  instance ??= new ELK({ workerUrl: elkWorkerUrl });
  return instance;
}
