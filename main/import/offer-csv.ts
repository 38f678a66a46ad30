import type { ByteReader } from './byte-reader';
import { columnIndex, csvMetadata, dateLine, readCsvLines, splitCsv } from './csv-lines';
import { excerpt, ImportError } from './errors';
import type { OfferMapper } from './offer-mapper';
import type { Attributes, Dimension, OfferHeader } from './types';

/** CSV header → the JSON attribute name the mapping reads (same data, AWS's CSV column titles). */
export const ATTRIBUTE_COLUMNS: Record<string, string> = {
  Location: 'location',
  'Location Type': 'locationType',
  'Instance Type': 'instanceType',
  'Current Generation': 'currentGeneration',
  'Instance Family': 'instanceFamily',
  vCPU: 'vcpu',
  'Physical Processor': 'physicalProcessor',
  'Clock Speed': 'clockSpeed',
  Memory: 'memory',
  Storage: 'storage',
  'Network Performance': 'networkPerformance',
  'Processor Architecture': 'processorArchitecture',
  Tenancy: 'tenancy',
  'Operating System': 'operatingSystem',
  'License Model': 'licenseModel',
  usageType: 'usagetype',
  operation: 'operation',
  CapacityStatus: 'capacitystatus',
  GPU: 'gpu',
  'Normalization Size Factor': 'normalizationSizeFactor',
  'Pre Installed S/W': 'preInstalledSw',
  'Region Code': 'regionCode',
  'Volume API Name': 'volumeApiName',
  Group: 'group',
  'Physical Cores': 'physicalCores',
};

/**
 * What one Dedicated Host holds, a column per size: "Instance Capacity - 2xlarge" is the JSON's
 * instanceCapacity2xlarge ("- xlarge": instanceCapacityXlarge).
 */
function capacityColumns(col: Map<string, number>): [number, string][] {
  const out: [number, string][] = [];
  for (const [name, i] of col) {
    const size = /^Instance Capacity - ([a-z0-9]+)$/.exec(name)?.[1];
    if (size) out.push([i, `instanceCapacity${size[0]!.toUpperCase()}${size.slice(1)}`]);
  }
  return out;
}

const REQUIRED = [
  'SKU',
  'OfferTermCode',
  'TermType',
  'PriceDescription',
  'Unit',
  'PricePerUnit',
  'Currency',
  'LeaseContractLength',
  'PurchaseOption',
  'OfferingClass',
  'Product Family',
  'Instance Type',
  'Region Code',
  'Tenancy',
  'Operating System',
  'License Model',
  'Pre Installed S/W',
  'operation',
  'CapacityStatus',
] as const;

interface PendingTerm {
  attrs: { lease: string; purchase: string; offeringClass: string };
  dims: Dimension[];
  line: number;
}

/**
 * Reads the CSV variant of an AmazonEC2 offer: five metadata lines, the header on line 6, then one
 * row per price dimension with the product's attributes repeated. Rows of a SKU are adjacent, so a
 * SKU already rejected skips the split of its other rows; a Reserved term's hourly and "Upfront Fee"
 * rows are joined by (SKU, OfferTermCode).
 */
export async function readEc2OfferCsv(reader: ByteReader, mapper: OfferMapper): Promise<OfferHeader> {
  const metaLines: string[][] = [];
  let col: Map<string, number> | null = null;
  let columns = 0;
  const f: string[] = [];
  let lastSku = '';
  let lastKept = false;
  const pending = new Map<string, PendingTerm>();
  let ix = {
    sku: 0,
    term: 0,
    code: 0,
    desc: 0,
    unit: 0,
    price: 0,
    currency: 0,
    lease: 0,
    purchase: 0,
    cls: 0,
    family: 0,
  };
  let attrCols: [number, string][] = [];

  await readCsvLines(reader, (line, lineNo) => {
    if (lineNo <= 5) {
      if (!splitCsv(line, f)) return false;
      metaLines.push([...f]);
      if (lineNo === 5) mapper.header(checkMeta(csvMetadata(metaLines)), dateLine(metaLines));
      return true;
    }
    if (col === null) {
      if (!splitCsv(line, f)) return false;
      col = columnIndex(f, REQUIRED, lineNo);
      columns = f.length;
      const c = col;
      const at = (name: string) => c.get(name)!;
      ix = {
        sku: at('SKU'),
        term: at('TermType'),
        code: at('OfferTermCode'),
        desc: at('PriceDescription'),
        unit: at('Unit'),
        price: at('PricePerUnit'),
        currency: at('Currency'),
        lease: at('LeaseContractLength'),
        purchase: at('PurchaseOption'),
        cls: at('OfferingClass'),
        family: at('Product Family'),
      };
      attrCols = Object.entries(ATTRIBUTE_COLUMNS)
        .filter(([name]) => c.has(name))
        .map(([name, attr]): [number, string] => [c.get(name)!, attr])
        .concat(capacityColumns(c));
      return true;
    }
    if (line.length === 0) return true;
    // Rows of a SKU already rejected need no split (the SKU is the first field).
    if (!lastKept && lastSku && line.startsWith(lastSku, line.charCodeAt(0) === 0x22 ? 1 : 0)) {
      const end = line.charCodeAt(0) === 0x22 ? lastSku.length + 1 : lastSku.length;
      if (line.charCodeAt(end) === 0x22 || line.charCodeAt(end) === 0x2c) return true;
    }
    if (!splitCsv(line, f)) return false;
    if (f.length < columns) {
      throw new ImportError('missing-column', `row has ${f.length} fields, the header has ${columns}`, {
        line: lineNo,
        field: 'row',
      });
    }
    const sku = f[ix.sku]!;
    if (sku !== lastSku) {
      lastSku = sku;
      const attrs: Attributes = {};
      for (const [i, name] of attrCols) {
        const v = f[i]!;
        if (v !== '') attrs[name] = v;
      }
      mapper.product(sku, f[ix.family], attrs);
      lastKept = mapper.wants(sku);
      if (!lastKept) return true;
    }
    const dim: Dimension = {
      unit: f[ix.unit]!,
      price: f[ix.price]!,
      description: f[ix.desc]!,
      field: 'PricePerUnit',
    };
    if (f[ix.currency] !== 'USD') {
      throw new ImportError('bad-value', `currency ${excerpt(f[ix.currency])}, expected USD`, {
        line: lineNo,
        field: 'Currency',
      });
    }
    const termType = f[ix.term];
    if (termType === 'OnDemand') {
      mapper.onDemand(sku, [dim], { line: lineNo });
    } else if (termType === 'Reserved') {
      const key = sku + '.' + f[ix.code]!;
      let t = pending.get(key);
      if (!t) {
        t = {
          attrs: { lease: f[ix.lease]!, purchase: f[ix.purchase]!, offeringClass: f[ix.cls]! },
          dims: [],
          line: lineNo,
        };
        pending.set(key, t);
      }
      t.dims.push(dim);
      const expected = t.attrs.purchase === 'No Upfront' ? 1 : 2;
      if (t.dims.length >= expected) {
        pending.delete(key);
        mapper.reserved(sku, t.attrs, t.dims, { line: t.line });
      }
    }
    return true;
  });

  if (col === null) throw new ImportError('truncated', 'the file ends before its header row', { line: 6 });
  const left = pending.values().next();
  if (!left.done)
    throw new ImportError('bad-value', 'reserved term is missing a price row', { line: left.value.line });
  return checkMeta(csvMetadata(metaLines));
}

function checkMeta(meta: Record<string, string>): OfferHeader {
  if (meta.OfferCode !== 'AmazonEC2') {
    throw new ImportError(
      'wrong-offer',
      `OfferCode is ${excerpt(meta.OfferCode ?? null)}, expected "AmazonEC2"`,
      {
        line: 5,
        field: 'OfferCode',
      },
    );
  }
  for (const key of ['Version', 'Publication Date']) {
    if (!meta[key]) throw new ImportError('malformed', `metadata has no ${key}`, { line: 1, field: key });
  }
  return { offerCode: meta.OfferCode, version: meta.Version!, publicationDate: meta['Publication Date']! };
}
