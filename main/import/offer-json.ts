import type { ByteReader } from './byte-reader';
import { excerpt, ImportError, type ImportErrorWhere } from './errors';
import type { OfferMapper } from './offer-mapper';
import { isObject, parseSlice, str } from './parse-slice';
import { scanJson } from './scanner';
import type { Attributes, Dimension, OfferHeader } from './types';

const USED = Buffer.from('"Used"');
const VOLUME = Buffer.from('"volumeApiName"');
const HOST = Buffer.from('"Dedicated Host"');
const FEE = Buffer.from('"EC2-Dedicated Usage"');

/**
 * Reads an AmazonEC2 JSON offer file (a region file or the all-regions file): header strings,
 * then products.<sku>, then terms.OnDemand.<sku> and terms.Reserved.<sku>.
 */
export async function readEc2OfferJson(reader: ByteReader, mapper: OfferMapper): Promise<OfferHeader> {
  const header: Partial<OfferHeader> = {};
  let dateAt = 0;
  let started = false;
  await scanJson(reader, {
    topString(key, value, byteOffset) {
      if (key === 'offerCode' || key === 'version' || key === 'publicationDate') header[key] = value;
      if (key === 'publicationDate') dateAt = byteOffset;
      if (key === 'offerCode' && value !== 'AmazonEC2') {
        throw new ImportError('wrong-offer', `offerCode is ${excerpt(value)}, expected "AmazonEC2"`, {
          byteOffset,
          field: 'offerCode',
        });
      }
    },
    wants(depth, keys, parentIsArray, byteOffset) {
      if (depth === 3 && keys[1] === 'products' && !parentIsArray) {
        if (!header.offerCode) {
          throw new ImportError('wrong-offer', 'no offerCode before products: not an AWS offer file', {
            byteOffset,
            field: 'offerCode',
          });
        }
        if (!started) {
          started = true;
          mapper.header(complete(header, { byteOffset }), { byteOffset: dateAt, field: 'publicationDate' });
        }
        return true;
      }
      if (depth === 4 && keys[1] === 'terms' && (keys[2] === 'OnDemand' || keys[2] === 'Reserved')) {
        return mapper.wants(keys[3]!);
      }
      return false;
    },
    value(buf, start, end, depth, keys, byteOffset) {
      if (depth === 3) {
        // Most products are reservation placeholders or other services' fees: a kept compute product
        // contains "Used", a kept EBS one "volumeApiName", a Dedicated Host "Dedicated Host", the
        // per-Region Dedicated fee "EC2-Dedicated Usage"; the rest are not worth a JSON.parse.
        const slice = buf.subarray(start, end);
        const maybe =
          slice.indexOf(USED) >= 0 ||
          slice.indexOf(VOLUME) >= 0 ||
          slice.indexOf(HOST) >= 0 ||
          slice.indexOf(FEE) >= 0;
        if (!maybe) return mapper.skipUnparsed();
        return product(mapper, keys[2]!, buf.toString('utf8', start, end), byteOffset);
      }
      terms(mapper, keys[2] === 'Reserved', keys[3]!, buf.toString('utf8', start, end), byteOffset);
    },
  });
  return complete(header, { byteOffset: reader.stats.bytesRead });
}

/**
 * AWS writes offerCode, version and publicationDate before products; all three are required.
 * `where`: the byte where products start (or the file ends).
 */
export function complete(header: Partial<OfferHeader>, where: ImportErrorWhere): OfferHeader {
  for (const key of ['offerCode', 'version', 'publicationDate'] as const) {
    if (!header[key])
      throw new ImportError('malformed', `the file has no ${key} before its products`, {
        ...where,
        field: key,
      });
  }
  return header as OfferHeader;
}

function product(mapper: OfferMapper, sku: string, json: string, byteOffset: number): void {
  const field = `products.${sku}`;
  const p = parseSlice(json, byteOffset, field);
  if (!isObject(p) || !isObject(p.attributes)) {
    throw new ImportError('bad-value', 'product has no attributes object', { byteOffset, field });
  }
  // AWS writes every attribute as a string; anything else would reach the catalog's TEXT columns.
  for (const [name, v] of Object.entries(p.attributes)) {
    if (typeof v !== 'string') {
      throw new ImportError('bad-value', `attribute is ${excerpt(v)}, expected a string`, {
        byteOffset,
        field: `${field}.attributes.${name}`,
      });
    }
  }
  mapper.product(sku, str(p.productFamily), p.attributes as Attributes);
}

function terms(mapper: OfferMapper, reserved: boolean, sku: string, json: string, byteOffset: number): void {
  const base = `terms.${reserved ? 'Reserved' : 'OnDemand'}.${sku}`;
  const offers = parseSlice(json, byteOffset, base);
  if (!isObject(offers))
    throw new ImportError('bad-value', 'terms are not an object', { byteOffset, field: base });
  for (const [code, term] of Object.entries(offers)) {
    const field = `${base}.${code}`;
    if (!isObject(term) || !isObject(term.priceDimensions)) {
      throw new ImportError('bad-value', 'term has no priceDimensions', { byteOffset, field });
    }
    const dims: Dimension[] = [];
    for (const [rate, d] of Object.entries(term.priceDimensions)) {
      if (!isObject(d)) continue;
      const ppu = isObject(d.pricePerUnit) ? d.pricePerUnit : {};
      dims.push({
        unit: str(d.unit) ?? '',
        price: ppu.USD,
        description: str(d.description) ?? '',
        field: `${field}.priceDimensions.${rate}.pricePerUnit.USD`,
      });
    }
    if (!reserved) {
      mapper.onDemand(sku, dims, { byteOffset });
      continue;
    }
    const ta = isObject(term.termAttributes) ? term.termAttributes : {};
    mapper.reserved(
      sku,
      {
        lease: str(ta.LeaseContractLength),
        purchase: str(ta.PurchaseOption),
        offeringClass: str(ta.OfferingClass),
      },
      dims,
      { byteOffset, field },
    );
  }
}
