/**
 * Size limits. They protect storage (chrome.storage.local holds 10 MB without the unlimitedStorage
 * permission, which ClaimLens does not ask for) and keep an import of a hostile file from freezing the tab.
 */

/** Longest record id (urn:uuid ids are 45 characters; imported ids may be IRIs). */
export const MAX_ID_LENGTH = 256;
/** Longest note, reliability note or excerpt. */
export const MAX_NOTE_LENGTH = 20_000;
/** Longest quoted claim (TextQuoteSelector.exact); prefix/suffix are ~32 characters by design. */
export const MAX_QUOTE_LENGTH = 10_000;
export const MAX_CONTEXT_LENGTH = 1_000;
/** Longest title, publisher, date, speaker, tag. */
export const MAX_SHORT_TEXT_LENGTH = 1_000;
export const MAX_URL_LENGTH = 4_096;
export const MAX_TAGS = 50;
export const MAX_SOURCES_PER_ANNOTATION = 100;
export const MAX_SELECTORS = 10;

/**
 * An import file longer than this is refused before JSON.parse ever sees it. A full storage.local
 * (10 MB quota) exports to roughly 15 MB of pretty-printed JSON, so 32 Mi characters accepts every
 * export ClaimLens can produce with room to spare, and refuses the absurd (a 50 MB file) before it
 * costs a second of parsing. The UI should check File.size against MAX_IMPORT_FILE_BYTES before
 * even reading the file (a file of N bytes decodes to at most N characters).
 */
export const MAX_IMPORT_CHARS = 32 * 1024 * 1024;
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_CHARS;

/**
 * An import with more records (annotations + source notes) than this is refused after parsing and
 * before validating anything. A typical annotation is ~600 bytes stored, so 10 MB of storage holds
 * roughly 16,000 of them: 20,000 is above anything a Chrome export contains, and small enough that
 * validating and writing the batch takes about a second.
 */
export const MAX_IMPORT_RECORDS = 20_000;

/** How long a deleted annotation stays in the trash, so "Undo" works (and a mistaken delete can be recovered). */
export const TRASH_RETENTION_MS = 24 * 60 * 60 * 1000;
