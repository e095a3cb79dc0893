import { describe, expect, it } from 'vitest';
import { canonicalUrlOf, canonicalizeUrl } from '../../core/annotations/canonical-url';

function page(url: string, head = ''): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  // happy-dom lets a test document take a URL through its window location; fall back to a <base>.
  Object.defineProperty(doc, 'URL', { value: url, configurable: true });
  Object.defineProperty(doc, 'baseURI', { value: doc.querySelector('base')?.getAttribute('href') ?? url, configurable: true });
  return doc;
}

describe('canonicalizeUrl', () => {
  it.each([
    ['drops the fragment', 'https://news.example.com/a/b#comments', 'https://news.example.com/a/b'],
    ['drops utm_* (any case)', 'https://x.example/p?utm_source=tw&UTM_Medium=social&utm_campaign=c', 'https://x.example/p'],
    ['drops click ids', 'https://x.example/p?fbclid=abc&gclid=def&msclkid=g&mc_cid=1&mc_eid=2', 'https://x.example/p'],
    ['keeps other params in order, byte for byte', 'https://x.example/p?id=7&utm_source=a&page=2&q=a%20b+c&fbclid=z', 'https://x.example/p?id=7&page=2&q=a%20b+c'],
    ['keeps a repeated non-tracking param', 'https://x.example/p?tag=a&tag=b', 'https://x.example/p?tag=a&tag=b'],
    ['keeps valueless params', 'https://x.example/p?amp&utm_source=x', 'https://x.example/p?amp'],
    ['removes an empty query', 'https://x.example/p?', 'https://x.example/p'],
    ['removes empty pairs', 'https://x.example/p?a=1&&b=2', 'https://x.example/p?a=1&b=2'],
    ['normalises host case and default port', 'HTTPS://News.Example.COM:443/Path', 'https://news.example.com/Path'],
    ['leaves a clean URL alone', 'http://x.example/p?id=1', 'http://x.example/p?id=1'],
    ['encoded tracking name is still tracking', 'https://x.example/p?utm%5Fsource=a&k=v', 'https://x.example/p?k=v'],
    ['does not treat lookalikes as tracking', 'https://x.example/p?utmost=1&gclidx=2', 'https://x.example/p?utmost=1&gclidx=2'],
    ['survives malformed escapes', 'https://x.example/p?%E0%A4%A=1&utm_source=x', 'https://x.example/p?%E0%A4%A=1'],
  ])('%s', (_label, input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('returns non-http URLs with only the fragment removed', () => {
    expect(canonicalizeUrl('file:///home/me/article.html#x')).toBe('file:///home/me/article.html');
    expect(canonicalizeUrl('not a url#frag')).toBe('not a url');
  });

  it('is idempotent', () => {
    const once = canonicalizeUrl('https://x.example/p?id=1&utm_source=2#f');
    expect(canonicalizeUrl(once)).toBe(once);
  });
});

describe('canonicalUrlOf', () => {
  it('uses <link rel="canonical"> resolved against the page URL', () => {
    const doc = page('https://m.news.example.com/story/42?utm_source=x', '<link rel="canonical" href="/world/story-42">');
    expect(canonicalUrlOf(doc)).toBe('https://m.news.example.com/world/story-42');
  });

  it('accepts an absolute canonical on another host of the same site and cleans it too', () => {
    const doc = page('https://amp.example.com/s/42', '<link rel="canonical" href="https://news.example.com/42?utm_medium=amp#top">');
    expect(canonicalUrlOf(doc)).toBe('https://news.example.com/42');
  });

  it.each([
    ['another site', 'https://attacker.example.net/copy', '<link rel="canonical" href="https://news.example.com/42">'],
    ['another country site', 'https://news.example.co.uk/a', '<link rel="canonical" href="https://other.co.uk/a">'],
    ['another IP address', 'http://127.0.0.2/a', '<link rel="canonical" href="http://127.0.0.1/a">'],
  ])('ignores a canonical link on %s: a page must not borrow another site\'s annotations', (_label, url, head) => {
    expect(canonicalUrlOf(page(url, head))).toBe(url);
  });

  it('finds canonical among several rel tokens, case-insensitively', () => {
    const doc = page('https://x.example/a', '<link rel="icon" href="/favicon.ico"><link rel="Canonical alternate" href="https://x.example/b">');
    expect(canonicalUrlOf(doc)).toBe('https://x.example/b');
  });

  it.each([
    ['javascript:', '<link rel="canonical" href="javascript:alert(1)">'],
    ['data:', '<link rel="canonical" href="data:text/html,hi">'],
    ['empty', '<link rel="canonical" href="">'],
    ['whitespace', '<link rel="canonical" href="   ">'],
    ['no canonical', '<link rel="alternate" href="https://x.example/feed">'],
  ])('falls back to the page URL when the canonical link is %s', (_label, head) => {
    const doc = page('https://x.example/story?id=9&fbclid=abc#para-3', head);
    expect(canonicalUrlOf(doc)).toBe('https://x.example/story?id=9');
  });

  it('resolves a relative canonical against <base href> like the browser does', () => {
    const doc = page('https://x.example/a/b/page', '<base href="https://www.x.example/root/"><link rel="canonical" href="story">');
    expect(canonicalUrlOf(doc)).toBe('https://www.x.example/root/story');
  });

  it('works on the document happy-dom gives the test', () => {
    // The test environment's own document has an about:blank-like URL and no canonical link.
    expect(typeof canonicalUrlOf(document)).toBe('string');
  });
});
