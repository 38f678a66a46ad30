/**
 * Bytes a text takes in UTF-8, as TextEncoder would give (a lone surrogate counts as U+FFFD, 3 bytes);
 * written out so that shared/ needs neither the DOM's nor Node's encoder.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
