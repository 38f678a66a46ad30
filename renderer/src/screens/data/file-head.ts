import { looksLikeHostReservationOfferings } from '@shared/import/kinds';

/** How much of a file the importer's detection reads (main/import/detect.ts); the screen reads as much. */
const HEAD_BYTES = 64 * 1024;

/**
 * Whether a chosen file is `aws ec2 describe-host-reservation-offerings` output, read from its head
 * in the browser: such a file names no region, so the screen asks for it before the import starts.
 * A file that cannot be read is not one (the import then says what is wrong with it).
 */
export async function isHostReservationOfferings(file: File): Promise<boolean> {
  try {
    const head = await file.slice(0, HEAD_BYTES).text();
    return head.trimStart().startsWith('{') && looksLikeHostReservationOfferings(head);
  } catch {
    return false;
  }
}
