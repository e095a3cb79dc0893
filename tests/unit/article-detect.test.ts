import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectArticle, findArticle } from '../../core/article/detect-article';
import { measurePage } from '../../core/article/page-stats';
import { articleText, indexArticle } from '../../core/article/article-text';
import { buildTextIndex, rangeFromOffsets, textPiecesInRange } from '../../core/text/text-index';
import { highlightSpans } from '../../core/highlight/highlight';

const PAGES = resolve('tests/fixtures/pages');

function loadPage(name: string): Document {
  return new DOMParser().parseFromString(readFileSync(resolve(PAGES, name), 'utf8'), 'text/html');
}

function textOf(name: string): string {
  const article = detectArticle(loadPage(name));
  expect(article, `${name} should have an article`).not.toBeNull();
  return articleText(article!);
}

describe('detectArticle on seed-news.html (paragraphs split by <br>, no <article>)', () => {
  const doc = loadPage('seed-news.html');
  const article = detectArticle(doc)!;
  const text = articleText(article);

  it('finds the headline', () => {
    expect(article.headline?.textContent).toContain('Presence Of US Forces In Syria');
    expect(text.startsWith('Presence Of US Forces In Syria Worsening Criminal Situation')).toBe(true);
  });

  it('keeps all six seed paragraphs', () => {
    const paragraphs = [
      'MOSCOW (UrduPoint News / Sputnik - 18th September, 2019) The presence of US forces',
      'the illegal presence of the United States and its allies in Syria is only worsening the crime rate',
      'During the summit of Syrian ceasefire guarantor states',
      'The exit plans were mentioned by Trump in December 2018',
      'The United States and its allies have been present in Syria since 2014',
      'The Rukban camp houses some 25,000 people',
    ];
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
  });

  it('leaves out ticker, nav, sidebar, related, comments and footer', () => {
    const decoys = [
      'KSE-100', 'Oil prices jump 15%', 'We will respond', 'Gold at $1,500', 'Business', 'Most Read',
      'Prices rose 12 percent', '500 tanks', 'Unemployment fell', 'Save 50%', '3,000 fighters',
      '6.2 million', 'catastrophic', 'more than 40,000', 'nobody has visited', 'Great article',
      'Over 2 million readers', 'Share on Facebook', 'Tags:',
    ];
    for (const decoy of decoys) expect(text).not.toContain(decoy);
  });

  it('maps index offsets back to the page text', () => {
    const index = indexArticle(article);
    const start = index.text.indexOf('The exit plans');
    const end = start + 'The exit plans were mentioned by Trump'.length;
    // (happy-dom's Range.toString() is empty on DOMParser documents, so read the pieces instead.)
    const pieces = textPiecesInRange(index, start, end);
    expect(pieces.map(({ node, from, to }) => node.data.slice(from, to)).join('')).toBe('The exit plans were mentioned by Trump');
    const range = rangeFromOffsets(index, start, end)!;
    expect(range.startContainer).toBe(pieces[0]!.node);
    expect(range.endContainer).toBe(pieces[pieces.length - 1]!.node);
  });
});

const ARTICLE_PAGES: Array<{ file: string; layout: string; keep: string[]; drop: string[] }> = [
  {
    file: 'article-aside.html',
    layout: '<article> with <p>s, an aside of related links, figure, share bar and cookie banner',
    keep: ['City council approves new bus lanes', 'ending a debate that has divided residents', 'biggest change to how people move', '£18 million'],
    drop: ['Skip to content', 'We use cookies', 'Share on Facebook', 'Traders warn of 20% drop', 'A bus on Harbour Road, where', 'Topics:', 'Ferry fares', 'Sign up for our free newsletter', '300,000 people'],
  },
  {
    file: 'div-layout.html',
    layout: 'divs only, no <article>, comments and widgets',
    keep: ['Drought pushes olive oil prices', 'record of €9.20 a litre', 'Trees that survived the 2022 heat', 'Prices are unlikely to fall'],
    drop: ['Markets | ', 'Filed under', 'Prices at my local shop doubled', 'rapeseed oil', 'Wheat futures', 'December 2023', 'Made with care'],
  },
  {
    file: 'live-blog.html',
    layout: 'live blog in hashed-class divs of a single-page app',
    keep: ['Storm Ciara live', 'amber wind warning until 21:00', '200 services have been cancelled', 'About 20,000 homes', 'One airline said 40 of its flights'],
    drop: ['143 partners', 'Accept all', 'streaming for £1', 'Load more updates', 'Minister resigns', '7.6 million', 'Example News Group'],
  },
  {
    file: 'split-by-ads.html',
    layout: 'article split by ads, a video embed, a social embed and captions',
    keep: ['first global map of coral bleaching', '54% of the reefs', 'Until now we relied on divers', 'absorbs more red light', 'satellites can confuse bleaching', 'update the map every month'],
    drop: ['Advertisement', 'Bleached coral off the coast', 'Video: how satellites', 'Read more', 'Incredible to finally see', 'weekly science newsletter', 'Why octopuses dream', 'Registered in England'],
  },
  {
    file: 'wire-story.html',
    layout: 'wire story in a table layout with a related-links box inside the body',
    keep: ['Volcano erupts near fishing town', 'about 4,000 residents', 'level 4 of 5', 'It was like night at seven', 'last erupted in 2015'],
    drop: ['Nikkei', 'Related coverage', 'Japan lifts warning', '111 active volcanoes', 'Man wins lottery', '50% off', 'Press Street', 'may not be published'],
  },
  {
    file: 'misleading-classes.html',
    layout: 'layout classes that sound like furniture ("sidebar", "paywall", "hidden") on the article, and comments longer than it',
    keep: ['Library opens 24 hours a day', 'around the clock from next Monday', 'more than 3,000 students', 'after 10pm'],
    drop: ['12 comments', 'corridor', 'buy a coffee', 'bookable rooms', 'book them online', 'run by students', 'Sport'],
  },
  {
    file: 'short-story.html',
    layout: 'a two-sentence breaking story, and a longer "about us" text further down the page',
    keep: ['Bridge closed after lorry strikes railing', 'closed to all traffic on Thursday morning', 'until at least Friday evening'],
    drop: ['BREAKING NEWS', 'Breaking item number', 'published every week since 1921', 'code of practice', 'under 300 words'],
  },
];

describe('detectArticle on news layouts', () => {
  for (const page of ARTICLE_PAGES) {
    it(`finds the article, without the furniture: ${page.layout}`, () => {
      const text = textOf(page.file);
      for (const phrase of page.keep) expect(text).toContain(phrase);
      for (const phrase of page.drop) expect(text).not.toContain(phrase);
    });
  }
});

describe('detectArticle on pages without an article', () => {
  for (const file of ['home-page.html', 'search-results.html', 'web-app.html', 'login.html']) {
    it(`answers null on ${file}`, () => {
      expect(detectArticle(loadPage(file))).toBeNull();
    });
  }

  it('answers null on an empty page', () => {
    expect(detectArticle(new DOMParser().parseFromString('<html><body></body></html>', 'text/html'))).toBeNull();
  });
});

describe('detectArticle never reads layout', () => {
  it('ignores hidden text and keeps the page unchanged', () => {
    const doc = loadPage('article-aside.html');
    const story = doc.querySelector('article')!;
    const hidden = doc.createElement('p');
    hidden.setAttribute('style', 'display: none');
    hidden.textContent = 'Hidden promotional paragraph that nobody can see on the page at all.';
    story.append(hidden);
    const before = doc.documentElement.outerHTML;
    const article = detectArticle(doc)!;
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(articleText(article)).not.toContain('Hidden promotional paragraph');
  });
});

describe('detectArticle on a sign-in page with long explanations', () => {
  it('answers null because the main content asks for a password', () => {
    const doc = loadPage('login.html');
    const main = doc.querySelector('main')!;
    for (const sentence of [
      'Your subscription includes unlimited access to every story on our website and apps, the daily newsletter, the digital edition of the newspaper and invitations to subscriber events.',
      'If you subscribed by phone or at a newsagent, you can create an online account with the email address you gave us, and we will link your subscription to it within one working day.',
    ]) {
      const paragraph = doc.createElement('p');
      paragraph.textContent = sentence;
      main.append(paragraph);
    }
    expect(detectArticle(doc)).toBeNull();
    doc.querySelector('input[type="password"]')!.remove();
    expect(detectArticle(doc), 'the same page without its password field reads as text').not.toBeNull();
  });
});

describe('detectArticle on a page ClaimLens has already marked', () => {
  it('finds the same article: marks (role=button) are article text, not widgets', () => {
    const html = readFileSync(resolve(PAGES, 'seed-news.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const before = indexArticle(detectArticle(doc)!).text;
    const index = buildTextIndex(doc.body);
    // Mark every sentence-sized run of the article, as a highlighted page has it.
    const spans = [...index.text.matchAll(/[^\n.]{40,}\./g)].map((m, i) => ({
      id: `s${i}`, start: m.index!, end: m.index! + m[0].length, kinds: ['statistic'],
    }));
    highlightSpans(index, spans);
    expect(doc.body.querySelectorAll('claimlens-mark[role="button"]').length).toBeGreaterThan(5);
    expect(indexArticle(detectArticle(doc)!).text).toBe(before);
  });
});

describe('findArticle with a text limit', () => {
  it('finds the same article under the limit and counts visible text only', () => {
    const doc = loadPage('seed-news.html');
    const script = doc.createElement('script');
    script.textContent = 'var data = "' + 'x'.repeat(50_000) + '";';
    doc.body.append(script);
    const search = findArticle(doc, 20_000);
    expect(search.tooLarge).toBe(false);
    expect(search.article?.root).toBe(detectArticle(doc)!.root);
    // Script text is not page text; spaces are not counted either.
    expect(search.pageText).toBeLessThan(doc.body.textContent!.length - 50_000);
    expect(search.pageText).toBeGreaterThan(1000);
  });

  it('stops measuring past the limit and answers no article', () => {
    const search = findArticle(loadPage('seed-news.html'), 500);
    expect(search.tooLarge).toBe(true);
    expect(search.article).toBeNull();
    expect(search.pageText).toBeGreaterThan(500);
  });

  it('measures no element met after the text passed the limit', () => {
    const body = loadPage('seed-news.html').body;
    const page = measurePage(body, 500);
    expect(page.tooLarge).toBe(true);
    expect(page.elements.length).toBeLessThan(measurePage(body).elements.length);
    for (const element of page.elements) expect(page.stats.get(element)!.textBefore).toBeLessThanOrEqual(500);
  });
});
