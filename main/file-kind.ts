import type { Stats } from 'node:fs';

/** What a path is when it is not a regular file, in words a person reads ("it is a FIFO (named pipe)"). */
export function fileKindOf(s: Stats): string {
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a FIFO (named pipe)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}
