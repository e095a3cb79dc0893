/**
 * What an element's markup says about its role, independent of any particular site: tags and ARIA
 * roles of page furniture, and the words authors use in class names and ids for it.
 */
import { CLAIMLENS_UI_ATTRIBUTE } from '../text/text-index';

/** Tags that hold page furniture or controls, never article prose. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'BUTTON', 'SELECT', 'DIALOG', 'MENU', 'FIGCAPTION', 'LABEL']);

/** core/highlight's MARK_TAG as tagName spells it (not imported: detection must not pull in highlighting). */
const MARK_TAG_UPPER = 'CLAIMLENS-MARK';

const FURNITURE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu',
  'menubar', 'toolbar', 'tablist', 'alert', 'marquee', 'button',
  // Widgets of web applications (message lists, file trees): their text is data, not prose.
  'application', 'grid', 'treegrid', 'row', 'listbox', 'option', 'tree', 'tab',
]);

/** Names of comment threads. */
const COMMENTS = /comment|disqus|replies/;

/**
 * Names of page furniture. Authors also use these words for layout and state ("has-sidebar",
 * "field-label-hidden", "paywall"), even on the article's own container, so a name alone is only a
 * hint: the detector overrules it when the element holds most of the page's prose. Some are found
 * anywhere in a name ("relatedlinks", "post-share-bar"), the short ones only as whole words,
 * camelCase words included ("ad-slot", "adSlot", "topNav"; not "load", "bad", "metadata").
 */
const FURNITURE_PART =
  /related|recirc|outbrain|taboola|newsletter|subscri|cookie|consent|gdpr|share|sharing|social|sidebar|breadcrumb|paywall|promo|sponsor|popular|trending|mostread|most-read|signup|sign-up|login|skiplink|skip-link|tooltip|popover|hovercard|rollover|copyright|disclaimer|recommend|discussion|responses|respond|skyscraper|shoutbox|agegate|donat|membership|feedback/;

const FURNITURE_WORDS = [
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'banner', 'byline', 'caption',
  'credit', 'credits', 'foot', 'footer', 'header', 'masthead', 'menu', 'meta', 'nav', 'navbar',
  'navigation', 'pagination', 'pager', 'print', 'rss', 'tag', 'tags', 'tool', 'tools', 'toolbar',
  'ticker', 'widget', 'author', 'bio', 'popup', 'modal', 'overlay', 'hidden', 'hide', 'more', 'next',
  'prev', 'readmore', 'also', 'extra', 'supplement', 'supplemental', 'cta', 'embed',
];

/**
 * FURNITURE_WORDS by first letter and length (index (letter - 'a') * 16 + length), so that a word of
 * a name is looked up where it stands, without cutting it out: class names are mostly words that
 * are no furniture word (hashes, "wrapper", "container"), and cutting each out cost more than the rest
 * of the name rules together.
 */
const WORDS_BY_START: Array<string[] | undefined> = [];
for (const word of FURNITURE_WORDS) (WORDS_BY_START[(word.charCodeAt(0) - 97) * 16 + word.length] ??= []).push(word);

/** Whether lowerCase[start, end) is a furniture word. */
function isFurnitureWord(lowerCase: string, start: number, end: number): boolean {
  const letter = lowerCase.charCodeAt(start) - 97;
  const length = end - start;
  if (letter < 0 || letter >= 26 || length >= 16) return false;
  const candidates = WORDS_BY_START[letter * 16 + length];
  if (!candidates) return false;
  for (const word of candidates) if (lowerCase.startsWith(word, start)) return true;
  return false;
}

/**
 * Whether one of the words of `names` (also given lower-cased) is a furniture word. Words end at anything but a letter or
 * digit, and where camelCase starts a new one ("newsCaption" → news, caption). A hand-written scan:
 * a replace-then-split was most of the detector's time on pages with many distinct class names.
 */
function hasFurnitureWord(names: string, lowerCase: string): boolean {
  let start = 0;
  let prev = 32;
  for (let i = 0; i <= names.length; i++) {
    const code = i < names.length ? names.charCodeAt(i) : 32;
    const upper = code >= 65 && code <= 90;
    const alnum = upper || (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    const camel = upper && prev >= 97 && prev <= 122;
    if (!alnum || camel) {
      if (i > start && isFurnitureWord(lowerCase, start, i)) return true;
      start = alnum ? i : i + 1;
    }
    prev = code;
  }
  return false;
}

/**
 * The attributes detection reads of an element. In Chromium, every getAttribute(name) with a name
 * from script costs as much as a dozen steps through the tree (the name is looked up in the
 * engine's string table), and most names asked for are absent: so the names present are read in
 * one call, and only their values are fetched.
 */
export interface Markup {
  id: string | null;
  classes: string | null;
  role: string | null;
  /** An input's type. */
  type: string | null;
  /** Hidden from every reader: `hidden`, aria-hidden="true", or an inline style that hides it. */
  hidden: boolean;
  /** One of ClaimLens's own UI hosts (the card, the annotate button): never the page's text. */
  claimLensUi: boolean;
  /** Schema.org microdata that names the article's body: the page's own statement of where it is. */
  articleBody: boolean;
}

function emptyMarkup(): Markup {
  return { id: null, classes: null, role: null, type: null, hidden: false, claimLensUi: false, articleBody: false };
}

/** The markup of an element without attributes. */
export const NO_MARKUP: Readonly<Markup> = Object.freeze(emptyMarkup());

const HIDING_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;

export function readMarkup(element: Element): Markup {
  const markup = emptyMarkup();
  const names = element.getAttributeNames();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    switch (name) {
      case 'id': markup.id = element.getAttribute(name); break;
      case 'class': markup.classes = element.getAttribute(name); break;
      case 'role': markup.role = element.getAttribute(name); break;
      case 'type': markup.type = element.getAttribute(name); break;
      case 'hidden': markup.hidden = true; break;
      case 'aria-hidden': if (element.getAttribute(name) === 'true') markup.hidden = true; break;
      case 'style': if (HIDING_STYLE.test(element.getAttribute(name) ?? '')) markup.hidden = true; break;
      case CLAIMLENS_UI_ATTRIBUTE: markup.claimLensUi = true; break;
      case 'itemprop': markup.articleBody = /articleBody/i.test(element.getAttribute(name) ?? ''); break;
    }
  }
  return markup;
}

/** What the markup says an element is: reliable furniture (tag, role, comment thread), a furniture-like name, or nothing. */
export const enum FurnitureHint {
  None = 0,
  /** A class name or id that usually means furniture: only a hint, see FURNITURE_PART. */
  Named = 1,
  /** Furniture by tag, ARIA role or comment-thread name, whatever the element holds. */
  Certain = 2,
}

/**
 * The hint for an element, given its upper-case tag name and its markup (the caller has both
 * already). `names` caches verdicts on class/id strings: pages repeat the same few hundred names
 * over thousands of elements, and the name rules are the costly part.
 */
export function furnitureHint(tag: string, markup: Readonly<Markup>, names: Map<string, FurnitureHint>): FurnitureHint {
  if (FURNITURE_TAGS.has(tag)) return FurnitureHint.Certain;
  // ClaimLens's own marks carry role=button for keyboard users; they are article text, not widgets.
  if (tag === MARK_TAG_UPPER) return FurnitureHint.None;
  const { id, classes, role } = markup;
  if (role && FURNITURE_ROLES.has(role)) return FurnitureHint.Certain;
  if (!id && !classes) return FurnitureHint.None;
  const key = id && classes ? `${id} ${classes}` : id || classes || '';
  let hint = names.get(key);
  if (hint === undefined) {
    hint = nameHint(key);
    names.set(key, hint);
  }
  return hint;
}

function nameHint(key: string): FurnitureHint {
  // One lower-casing, then case-sensitive patterns (faster than case-insensitive ones).
  const names = key.toLowerCase();
  if (COMMENTS.test(names)) return FurnitureHint.Certain;
  return FURNITURE_PART.test(names) || hasFurnitureWord(key, names) ? FurnitureHint.Named : FurnitureHint.None;
}
