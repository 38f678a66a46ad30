import { open } from 'node:fs/promises';
import { ImportError } from './errors';

export type ImportKind = 'ec2' | 'savings-plans' | 'spot';
export type FileFormat = 'json' | 'csv';

export interface Detected {
  kind: ImportKind | 'region-index';
  format: FileFormat;
}

/** Looks at the first 64 KB to tell an EC2 offer, a Savings Plans offer, spot history or a region index. */
export async function detectFile(path: string): Promise<Detected> {
  const fh = await open(path, 'r');
  let head: string;
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.toString('utf8', 0, bytesRead);
  } finally {
    await fh.close();
  }
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{')) {
    if (/"SpotPriceHistory"\s*:/.test(head)) return { kind: 'spot', format: 'json' };
    if (/"regions"\s*:/.test(head) && !/"products"\s*:/.test(head))
      return { kind: 'region-index', format: 'json' };
    if (/"offerCode"\s*:\s*"AmazonEC2"/.test(head) || /"products"\s*:\s*\{/.test(head)) {
      return { kind: 'ec2', format: 'json' };
    }
    if (/"products"\s*:\s*\[/.test(head) || /SavingsPlan/.test(head))
      return { kind: 'savings-plans', format: 'json' };
    const code = /"offerCode"\s*:\s*("[^"]*")/.exec(head);
    throw new ImportError(
      'wrong-offer',
      `not a price file this app imports (offerCode ${code?.[1] ?? 'missing'})`,
      {
        field: 'offerCode',
      },
    );
  }
  const offer = /^"?OfferCode"?,"?([^"\r\n]*)"?\r?$/m.exec(head);
  if (/^"?FormatVersion"?,/.test(trimmed) && offer) {
    if (offer[1] === 'AmazonEC2') return { kind: 'ec2', format: 'csv' };
    if (/SavingsPlan/.test(offer[1]!)) return { kind: 'savings-plans', format: 'csv' };
    throw new ImportError(
      'wrong-offer',
      `OfferCode is "${offer[1]}", expected AmazonEC2 or a Savings Plans offer`,
      {
        line: 5,
        field: 'OfferCode',
      },
    );
  }
  throw new ImportError('malformed', 'not a JSON or CSV AWS price file', { byteOffset: 0 });
}
