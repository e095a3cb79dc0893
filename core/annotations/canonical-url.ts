/**
 * The URL annotations of a page are stored under. The same article reached through a newsletter
 * link, a social share or an in-page anchor must map to one key, so:
 *  1. the page's <link rel="canonical">, resolved against the document's base URL, when it is http(s)
 *     and on the same site as the page (a hostile page must not be able to borrow another site's
 *     article key: the verdicts stored for that article would then be shown on its page);
 *  2. otherwise the page URL itself;
 * and in both cases the fragment and known tracking parameters are removed. Other query parameters
 * (which can select the article, e.g. ?id=123) are kept byte-for-byte and in their original order.
 */

/** Parameter names (lower-cased) that only track the visit and never select content. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid',
  'li_fat_id', 'igshid', 'mc_cid', 'mc_eid', '_ga', '_gl', 'mkt_tok', '_hsenc', '_hsmi', '__hstc',
  '__hssc', '__hsfp', 'hsctatracking', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'vero_conv',
  'rb_clickid', 's_kwcid', 'ncid', 'cmpid', 'ref_src', 'ref_url', 'spm', 'at_medium', 'at_campaign',
]);
/** Parameter-name prefixes that only track: utm_source, utm_medium, …, and Piwik/Matomo's pk_/mtm_. */
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_'];

function isTrackingParam(rawName: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return false; // malformed escape: not one of ours, keep it untouched
  }
  return TRACKING_PARAMS.has(name) || TRACKING_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/**
 * Drops the fragment and tracking parameters of an http(s) URL and returns it in the URL parser's
 * normal form (lower-case host, default port removed). Anything that is not an absolute http(s)
 * URL is returned with only its fragment removed.
 */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    const hash = url.indexOf('#');
    return hash === -1 ? url : url.slice(0, hash);
  }
  parsed.hash = '';
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return parsed.href;
  // Work on the raw query string: URLSearchParams would re-encode the parameters we keep.
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(pair.split('=', 1)[0] ?? ''));
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * Whether two hosts belong to one site: equal, or sharing their registrable part, approximated as the
 * last two labels, or three under a two-letter country code with a short second level (bbc.co.uk,
 * abc.net.au). AMP and mobile hosts (amp.example.com, m.example.com) count as the same site.
 */
export function sameSite(hostA: string, hostB: string): boolean {
  if (hostA === hostB) return true;
  const site = (host: string): string => {
    const labels = host.split('.');
    const last = labels[labels.length - 1] ?? '';
    const second = labels[labels.length - 2] ?? '';
    const keep = last.length === 2 && second.length <= 3 && labels.length > 2 ? 3 : 2;
    return labels.slice(-keep).join('.');
  };
  if (/^[\d.]+$|:/.test(hostA) || /^[\d.]+$|:/.test(hostB)) return false; // IP addresses: exact only
  return site(hostA) === site(hostB);
}

/** The canonical URL of a loaded page (see the module comment). */
export function canonicalUrlOf(doc: Document): string {
  const pageUrl = doc.URL;
  const base = doc.baseURI || pageUrl;
  for (const link of Array.from(doc.querySelectorAll('link[rel][href]'))) {
    const rels = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rels.includes('canonical')) continue;
    const href = (link.getAttribute('href') ?? '').trim();
    if (href === '') continue;
    try {
      const resolved = new URL(href, base);
      if (isHttpUrl(resolved) && sameSite(resolved.hostname, new URL(pageUrl).hostname)) {
        return canonicalizeUrl(resolved.href);
      }
    } catch {
      // An unparsable canonical link is ignored like a missing one.
    }
  }
  return canonicalizeUrl(pageUrl);
}
