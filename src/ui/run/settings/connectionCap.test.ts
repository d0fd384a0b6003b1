import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS, type ModelSettings } from './modelSettings';
import { connectionCapNote } from './connectionCap';

const settings = (patch: Partial<ModelSettings>): ModelSettings => ({ ...DEFAULT_MODEL_SETTINGS, ...patch });
const openai = (baseUrl: string, concurrency = 8) => settings({ provider: 'openai', openai: { baseUrl, model: 'm' }, concurrency });

describe('connectionCapNote', () => {
  it('says how many calls wait when a plain-http server gets more at once than a browser opens connections', () => {
    const note = connectionCapNote(openai('http://localhost:11434/v1'), 'http://localhost:5173/');
    expect(note).toContain('at most 6 connections to one http:// server (localhost:11434)');
    expect(note).toContain('of 8 calls at once 2 wait for a free one');
    expect(note).toContain('from the CLI (got-studio run), all 8 go at once');
  });

  it('says nothing over https, for the simulator, or at six calls or fewer', () => {
    expect(connectionCapNote(openai('https://api.openai.com/v1'), 'http://localhost:5173/')).toBeNull();
    expect(connectionCapNote(settings({ provider: 'simulator', concurrency: 32 }), 'http://localhost:5173/')).toBeNull();
    expect(connectionCapNote(openai('http://localhost:8000/v1', 6), 'http://localhost:5173/')).toBeNull();
  });

  it('takes the proxy as the page’s own server, and resolves a relative base URL against the page', () => {
    expect(connectionCapNote(settings({ provider: 'proxy', concurrency: 12 }), 'http://localhost:4173/')).toContain('of 12 calls at once 6 wait');
    expect(connectionCapNote(settings({ provider: 'proxy', concurrency: 12 }), 'https://studio.example/')).toBeNull();
    expect(connectionCapNote(openai('/sim/v1'), 'http://127.0.0.1:4173/')).toContain('(127.0.0.1:4173)');
  });

  it('says nothing for a base URL that does not parse (the dialog flags it elsewhere)', () => {
    expect(connectionCapNote(openai('http://'), 'not a page url')).toBeNull();
  });
});
