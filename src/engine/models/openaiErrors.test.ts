import { describe, expect, it } from 'vitest';
import { displayUrl, redactSecrets } from './openaiErrors';

describe('redactSecrets', () => {
  it('removes the key, key-shaped strings and URL credentials', () => {
    expect(redactSecrets('bad key my-key-123 given', 'my-key-123')).toBe('bad key [redacted] given');
    expect(redactSecrets('Incorrect API key provided: sk-ab***yz')).toBe('Incorrect API key provided: sk-[redacted]');
    expect(redactSecrets('see http://u:p@host/x')).toBe('see http://[redacted]@host/x');
  });

  it('shows a URL without its credentials or key-like query values', () => {
    expect(displayUrl('https://bob:pw@host/v1?api-key=zzz')).toBe('https://[redacted]@host/v1?api-key=[redacted]');
    expect(displayUrl('http://127.0.0.1:8787/v1')).toBe('http://127.0.0.1:8787/v1');
  });
});
