import { basename } from 'node:path';
import { looksLikeHostReservationOfferings, type ImportFileKind } from '@shared/import/kinds';
import { excerpt, ImportError } from './errors';
import { openRegularFile } from './input-file';
import { looksLikeSpotAdvisor } from './spot-advisor-parse';

export type ImportKind = ImportFileKind;
export type FileFormat = 'json' | 'csv';

export interface Detected {
  kind: ImportKind | 'region-index';
  format: FileFormat;
}

/**
 * Looks at the first 64 KB to tell an EC2 offer, a Savings Plans offer, spot history, AWS's Spot Advisor
 * file, Dedicated Host Reservation offerings (`aws ec2 describe-host-reservation-offerings`) or a
 * region index.
 */
export async function detectFile(path: string, name: string = basename(path)): Promise<Detected> {
  const fh = await openRegularFile(path, name);
  let head: string;
  let raw: Buffer;
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    raw = buf.subarray(0, bytesRead);
    head = buf.toString('utf8', 0, bytesRead);
  } finally {
    await fh.close();
  }
  if (isUtf16(raw)) {
    throw new ImportError('malformed', 'the file is UTF-16 text; AWS price files are UTF-8', {
      byteOffset: 0,
    });
  }
  // trimStart also drops a UTF-8 byte order mark (U+FEFF), which the readers skip.
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) {
    if (looksLikeSpotAdvisor(trimmed)) return { kind: 'spot-advisor', format: 'json' };
    if (/"SpotPriceHistory"\s*:/.test(head)) return { kind: 'spot', format: 'json' };
    if (looksLikeHostReservationOfferings(head)) return { kind: 'host-reservations', format: 'json' };
    if (/"regions"\s*:/.test(head) && !/"products"\s*:/.test(head))
      return { kind: 'region-index', format: 'json' };
    if (/"offerCode"\s*:\s*"AmazonEC2"/.test(head) || /"products"\s*:\s*\{/.test(head)) {
      return { kind: 'ec2', format: 'json' };
    }
    if (/"products"\s*:\s*\[/.test(head) || /SavingsPlan/.test(head))
      return { kind: 'savings-plans', format: 'json' };
    const code = /"offerCode"\s*:\s*"([^"]*)"/.exec(head);
    throw new ImportError(
      'wrong-offer',
      `not a price file this app imports (offerCode ${code ? excerpt(code[1]) : 'missing'})`,
      { byteOffset: code ? Buffer.byteLength(head.slice(0, code.index)) : 0, field: 'offerCode' },
    );
  }
  const offer = /^"?OfferCode"?,"?([^"\r\n]*)"?\r?$/m.exec(head);
  if (/^"?FormatVersion"?,/.test(trimmed) && offer) {
    if (offer[1] === 'AmazonEC2') return { kind: 'ec2', format: 'csv' };
    if (/SavingsPlan/.test(offer[1]!)) return { kind: 'savings-plans', format: 'csv' };
    throw new ImportError(
      'wrong-offer',
      `OfferCode is ${excerpt(offer[1])}, expected AmazonEC2 or a Savings Plans offer`,
      {
        line: 5,
        field: 'OfferCode',
      },
    );
  }
  throw new ImportError('malformed', 'not a JSON or CSV AWS price file', { byteOffset: 0 });
}

/** A UTF-16 byte order mark, or the NUL bytes UTF-16 puts beside every ASCII character. */
function isUtf16(b: Buffer): boolean {
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return true;
  const n = Math.min(b.length, 64);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros++;
  return n >= 4 && zeros >= n / 4;
}
