/** One event of a Chromium performance trace (`browser.startTracing`), the fields the benches read. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string; data?: { message?: string } };
}
