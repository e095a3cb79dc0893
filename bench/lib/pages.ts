/** Which pages the bench measures: the seed page and the largest pages of a corpus folder. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface BenchPage {
  /** Short label for the table. */
  name: string;
  /** Folder served under `mount`. */
  folder: string;
  file: string;
  mount: string;
  bytes: number;
  /** One of the corpus's largest pages (the seed page is not). */
  corpus: boolean;
}

export const SEED_FOLDER = path.resolve('tests/fixtures/pages');
export const SEED_FILE = 'seed-news.html';
/** Where corpus pages are served (the seed page is under /pages/). */
const CORPUS_MOUNT = '/corpus/';
export const DEFAULT_CORPUS = path.resolve('../shared/corpus/article-extraction');

export function seedPage(): BenchPage {
  return {
    name: 'seed-news',
    folder: SEED_FOLDER,
    file: SEED_FILE,
    mount: '/pages/',
    bytes: statSync(path.join(SEED_FOLDER, SEED_FILE)).size,
    corpus: false,
  };
}

/** The `count` largest .html files of `folder` by size (ties by name, so the choice is stable). */
export function largestPages(folder: string, count: number): BenchPage[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.toLowerCase().endsWith('.html'))
    .map((file) => ({ file, bytes: statSync(path.join(folder, file)).size }))
    .sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file))
    .slice(0, count)
    .map(({ file, bytes }) => ({
      name: file.replace(/\.html$/i, '').slice(0, 12),
      folder,
      file,
      mount: CORPUS_MOUNT,
      bytes,
      corpus: true,
    }));
}
