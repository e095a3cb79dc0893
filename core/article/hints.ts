/**
 * What an element's markup says about its role, independent of any particular site: tags and ARIA
 * roles of page furniture, and the words authors use in class names and ids for it.
 */

/** Tags that hold page furniture or controls, never article prose. */
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'BUTTON', 'SELECT', 'DIALOG', 'MENU', 'FIGCAPTION', 'LABEL']);

const FURNITURE_ROLES = new Set([
  'navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alertdialog', 'menu',
  'menubar', 'toolbar', 'tablist', 'alert', 'marquee', 'button',
  // Widgets of web applications (message lists, file trees): their text is data, not prose.
  'application', 'grid', 'treegrid', 'row', 'listbox', 'option', 'tree', 'tab',
]);

/** Names of comment threads. */
const COMMENTS = /comment|disqus|replies/i;

/**
 * Names of page furniture. Authors also use these words for layout and state ("has-sidebar",
 * "field-label-hidden", "paywall"), even on the article's own container, so a name alone is only a
 * hint: the detector overrules it when the element holds most of the page's prose.
 */
const FURNITURE_NAME =
  /related|recirc|outbrain|taboola|newsletter|subscri|cookie|consent|gdpr|share|sharing|social|sidebar|breadcrumb|paywall|promo|sponsor|popular|trending|most-?read|signup|sign-up|login|skip-?link|tooltip|popover|hovercard|rollover|copyright|disclaimer|(^|[-_ ])(ads?|advert\w*|banner|byline|caption|credits?|foot|footer|header|masthead|menu|meta|nav\w*|pagination|pager|print|rss|tags?|tools?|toolbar|ticker|widget|author|bio|popup|modal|overlay|hidden|hide|more|next|prev|read-?more|also|extra|supplement\w*|cta|embed)([-_ ]|$)/i;

/** Class names and id, with camelCase words split ("newsCaption" → "news-Caption") so word rules see them. */
function namesOf(element: Element): string {
  const id = element.getAttribute('id') ?? '';
  const classes = element.getAttribute('class') ?? '';
  return `${id} ${classes}`.replace(/([a-z])([A-Z])/g, '$1-$2');
}

function hasName(element: Element, pattern: RegExp): boolean {
  const names = namesOf(element);
  return names.length > 1 && pattern.test(names);
}

/** Furniture by tag, ARIA role or a comment-thread name: reliable whatever the element holds. */
export function isFurnitureElement(element: Element): boolean {
  if (FURNITURE_TAGS.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  return hasName(element, COMMENTS);
}

/** Furniture by class name or id: a hint, see FURNITURE_NAME. */
export function hasFurnitureName(element: Element): boolean {
  return hasName(element, FURNITURE_NAME);
}

/** Schema.org microdata that names the article's body. */
export function isMarkedArticleBody(element: Element): boolean {
  const prop = element.getAttribute('itemprop');
  return prop !== null && /articleBody/i.test(prop);
}

/** Hidden from every reader: `hidden`, aria-hidden, or an inline style that hides it. */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
