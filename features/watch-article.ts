/**
 * Notices when the page puts its article on the page late (single-page apps, lazy loading) or
 * re-renders it and so drops ClaimLens's marks, without polling: a MutationObserver whose records
 * are filtered (only text-bearing changes, or removed marks, count) and debounced.
 *
 * ClaimLens's own DOM changes go through `quietly`, which makes them unobserved; the UI
 * hosts live outside <body> in closed shadow roots, and are ignored too. Without both the watcher
 * would answer its own highlighting and loop.
 */
import { isMark, MARK_TAG } from '../core/highlight/highlight';
import { isClaimLensUi } from '../core/text/text-index';

export interface ArticleWatcher {
  start(): void;
  stop(): void;
  /** Runs ClaimLens's own DOM changes without waking the watcher. */
  quietly(change: () => void): void;
}

export interface WatchOptions {
  /** Wait this long after the last relevant change (ms). */
  debounceMs?: number;
  /** ...but never longer than this after the first one, so a page that never settles is still seen. */
  maxWaitMs?: number;
  /** And never two checks closer than this: a page that mutates all the time costs one check a second. */
  minIntervalMs?: number;
}

/** Added or removed text shorter than this is a clock, a counter or a ticker, not an article. */
const MIN_TEXT = 80;

export function createArticleWatcher(
  doc: Document,
  onChange: () => void,
  options: WatchOptions = {},
): ArticleWatcher {
  const debounceMs = options.debounceMs ?? 400;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  const minIntervalMs = options.minIntervalMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  let lastFired = -Infinity;
  let watching = false;
  let quietDepth = 0;

  const fire = (): void => {
    timer = undefined;
    firstPending = 0;
    lastFired = Date.now();
    onChange();
  };

  const schedule = (): void => {
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    const wait = Math.max(
      Math.min(debounceMs, Math.max(0, firstPending + maxWaitMs - now)),
      lastFired + minIntervalMs - now,
    );
    timer = setTimeout(fire, wait);
  };

  const observer = new MutationObserver((records) => {
    if (records.some(isRelevant)) schedule();
  });

  const observe = (): void => observer.observe(doc.documentElement, { childList: true, subtree: true });

  return {
    start() {
      if (watching) return;
      watching = true;
      observe();
    },
    stop() {
      watching = false;
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
    quietly(change) {
      // Inside another quiet change: already unobserved, and the outer one reconnects.
      if (quietDepth > 0) {
        change();
        return;
      }
      // Records the page produced before this change still count. The change itself is made with the
      // observer disconnected, so the browser makes no records of it at all: each mark inserted or
      // removed made several, turned into objects only to be dropped.
      const pending = watching ? observer.takeRecords() : [];
      if (watching) observer.disconnect();
      quietDepth++;
      try {
        change();
      } finally {
        quietDepth--;
        if (watching) observe();
        if (pending.some(isRelevant)) schedule();
      }
    },
  };
}

export function isRelevant(record: MutationRecord): boolean {
  if (record.type !== 'childList' || insideClaimLensUi(record.target)) return false;
  for (const node of Array.from(record.removedNodes)) {
    if (holdsMark(node)) return true; // the page took our marks away with its old DOM
    if (carriesText(node)) return true;
  }
  for (const node of Array.from(record.addedNodes)) if (carriesText(node)) return true;
  return false;
}

function insideClaimLensUi(node: Node): boolean {
  for (let current: Node | null = node; current; current = current.parentNode) {
    if (current.nodeType === 1 && isClaimLensUi(current as Element)) return true;
  }
  return false;
}

function holdsMark(node: Node): boolean {
  return isMark(node) || (node.nodeType === 1 && !!(node as Element).querySelector(MARK_TAG));
}

function carriesText(node: Node): boolean {
  if (node.nodeType === 3) return (node as Text).data.trim().length >= MIN_TEXT;
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  if (isClaimLensUi(element) || /^(SCRIPT|STYLE|LINK|META|NOSCRIPT|TEMPLATE)$/i.test(element.tagName)) return false;
  return (element.textContent ?? '').trim().length >= MIN_TEXT;
}
