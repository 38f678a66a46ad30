import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { PaymentOption } from '@shared/catalog-types';
import type { ByteReader } from './byte-reader';
import type { CatalogSink } from './catalog-sink';
import { ImportError } from './errors';
import { effectiveHourly } from './mapping';
import { canonicalPrice } from './price-string';
import type { OfferHeader } from './types';

/** The output of `aws ec2 describe-host-reservation-offerings` is small (a few hundred entries a region). */
export const MAX_HOST_RESERVATION_BYTES = 16 * 2 ** 20;

const PAYMENT: Record<string, PaymentOption> = {
  NoUpfront: 'no-upfront',
  PartialUpfront: 'partial-upfront',
  AllUpfront: 'all-upfront',
};
/** DescribeHostReservationOfferings' Duration, in seconds: 1 year = 31,536,000, 3 years = 94,608,000. */
const TERM_YEARS: Record<number, 1 | 3> = { 31536000: 1, 94608000: 3 };

const price = z.string().regex(/^\d{1,9}(\.\d{1,10})?$/, { message: 'must be a price such as 1.499' });
const offeringsSchema = z.object({
  OfferingSet: z.array(
    z.object({
      InstanceFamily: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,31}$/, { message: 'must be an instance family such as m4' }),
      PaymentOption: z.enum(['NoUpfront', 'PartialUpfront', 'AllUpfront']),
      Duration: z.union([z.literal(31536000), z.literal(94608000)]),
      HourlyPrice: price,
      UpfrontPrice: price,
      CurrencyCode: z.literal('USD').optional(),
    }),
  ),
});

export interface HostReservationCounts {
  offerings: number;
  /** The instance families the offerings are of. */
  families: Set<string>;
}

/**
 * Reads the JSON output of `aws ec2 describe-host-reservation-offerings` (AWS's API
 * DescribeHostReservationOfferings: OfferingSet entries of HourlyPrice, UpfrontPrice, InstanceFamily,
 * PaymentOption, Duration) as Dedicated Host Reservation prices of `region`: the output names no
 * region (the CLI's own --region chose it), so the import is told. It names no date either: it is
 * dated `fileModifiedAt` when given (the person's file date of an upload), else by the modification
 * time of the file at `path`. Every entry is checked; one that does not fit refuses the file.
 */
export async function readHostReservations(
  reader: ByteReader,
  path: string,
  region: string,
  sink: CatalogSink,
  counts: HostReservationCounts,
  fileModifiedAt?: string,
): Promise<OfferHeader> {
  if (reader.stats.totalBytes > MAX_HOST_RESERVATION_BYTES) {
    throw new ImportError(
      'too-large',
      'the file is larger than any describe-host-reservation-offerings output',
    );
  }
  const buf = Buffer.alloc(reader.stats.totalBytes);
  let at = 0;
  for (let n = 1; n > 0 && at < buf.length; at += n) n = await reader.read(buf, at, buf.length - at);
  let json: unknown;
  try {
    json = JSON.parse(buf.toString('utf8', 0, at).replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ImportError('malformed', `not JSON (${(err as Error).message})`, { byteOffset: 0 });
  }
  const parsed = offeringsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError('bad-value', issue.message, { field: issue.path.join('.') });
  }
  const modified = (
    fileModifiedAt === undefined ? (await stat(path)).mtime : new Date(fileModifiedAt)
  ).toISOString();
  const header: OfferHeader = {
    offerCode: 'DescribeHostReservationOfferings',
    version: `${region}-${modified.slice(0, 10)}`,
    publicationDate: modified,
  };
  sink.header(header, { field: fileModifiedAt === undefined ? 'file modification time' : 'fileModifiedAt' });
  sink.region(region, undefined);
  parsed.data.OfferingSet.forEach((o, i) => {
    const where = { field: `OfferingSet.${i}` };
    const termYears = TERM_YEARS[o.Duration]!;
    const hourly = canonicalPrice(o.HourlyPrice, { ...where, field: `${where.field}.HourlyPrice` });
    const upfront = canonicalPrice(o.UpfrontPrice, { ...where, field: `${where.field}.UpfrontPrice` });
    counts.offerings++;
    counts.families.add(o.InstanceFamily);
    sink.host({
      region,
      family: o.InstanceFamily,
      model: 'reserved',
      term_years: termYears,
      payment_option: PAYMENT[o.PaymentOption]!,
      upfront_usd: upfront,
      hourly_usd: hourly,
      effective_hourly_usd: effectiveHourly(upfront, hourly, termYears),
      capacity: null,
    });
  });
  return header;
}
