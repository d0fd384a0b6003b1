// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { preconnect } from './preconnect';

const hints = () => [...document.head.querySelectorAll('link[rel="preconnect"]')].map((l) => [l.getAttribute('href'), l.getAttribute('crossorigin')]);

it('hints one anonymous preconnect per model endpoint origin, none for the page’s own origin or a bad URL', () => {
  preconnect('https://api.example.test/v1');
  preconnect('https://api.example.test/v1/chat/completions');
  preconnect('/api/llm');
  preconnect('http://[bad');
  expect(hints()).toEqual([['https://api.example.test', 'anonymous']]);
});
