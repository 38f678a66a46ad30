import { readFile } from 'node:fs/promises';
import { ImportError } from './errors';
import { isObject, parseSlice, str } from './parse-slice';

export interface RegionIndexEntry {
  regionCode: string;
  url: string;
}

export interface RegionIndex {
  publicationDate: string | null;
  regions: RegionIndexEntry[];
}

/**
 * Parses a `region_index.json`: the EC2 one keys `regions` by region code
 * ({regionCode, currentVersionUrl}); the Savings Plans one makes it an array ({regionCode, versionUrl}).
 * Used to choose which offer files to fetch; it holds no prices.
 */
export async function readRegionIndex(path: string): Promise<RegionIndex> {
  const doc = parseSlice(await readFile(path, 'utf8'), 0, 'regions');
  if (!isObject(doc)) throw new ImportError('malformed', 'not a JSON object', { byteOffset: 0 });
  const raw = doc.regions;
  const list: unknown[] = Array.isArray(raw) ? raw : isObject(raw) ? Object.values(raw) : [];
  if (list.length === 0)
    throw new ImportError('bad-value', 'no regions', { byteOffset: 0, field: 'regions' });
  const regions = list.map((r, i): RegionIndexEntry => {
    const code = isObject(r) ? str(r.regionCode) : undefined;
    const url = isObject(r) ? (str(r.currentVersionUrl) ?? str(r.versionUrl)) : undefined;
    if (!code || !url) {
      throw new ImportError('bad-value', 'region entry needs regionCode and a version URL', {
        field: `regions[${i}]`,
      });
    }
    return { regionCode: code, url };
  });
  return { publicationDate: str(doc.publicationDate) ?? null, regions };
}
