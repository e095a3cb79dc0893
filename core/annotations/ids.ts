/**
 * Record ids: `urn:uuid:<v4 uuid>`, as the W3C model recommends for annotations without a public IRI.
 *
 * crypto.randomUUID() exists only in secure contexts, and a content script on an http: page is not
 * one, so the uuid is built from crypto.getRandomValues(), which is available everywhere.
 */
export function newUrnUuid(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
