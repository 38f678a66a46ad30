/**
 * What the catalog's search looks in and how it matches: the one rule both the SQL path
 * (catalog.instances, main/catalog/instance-query.ts) and the in-memory path of the catalog screen
 * (renderer/src/screens/catalog/filter-sort.ts) follow, so that a search gives the same rows in both
 * (tests/integration/catalog-search.test.ts runs the same searches through each).
 */
import type { InstanceSpec } from './catalog-types';

/**
 * Processor names people search for that the catalog does not hold: the shipped catalog names only
 * the maker of AWS's own arm64 processors ("AWS"), which are its Graviton line. A processor the
 * catalog names otherwise (an imported offer file's "AWS Graviton2 Processor", Apple's arm64 Macs)
 * is searched as it is.
 */
export const PROCESSOR_SEARCH_ALIASES: readonly {
  processor: string;
  arch: InstanceSpec['arch'];
  searchedAs: string;
}[] = [{ processor: 'AWS', arch: 'arm64', searchedAs: 'AWS Graviton' }];

/** The processor's name as a search looks in it: its alias when it has one, otherwise as the catalog has it. */
export function processorSearchName(spec: Pick<InstanceSpec, 'processor' | 'arch'>): string | null {
  const alias = PROCESSOR_SEARCH_ALIASES.find((a) => a.processor === spec.processor && a.arch === spec.arch);
  return alias ? alias.searchedAs : spec.processor;
}

/** The fields a search looks in, each on its own (a search never spans two fields). */
export const SEARCHED_FIELDS = [
  'instanceType',
  'family',
  'processor',
  'gpuModel',
  'acceleratorInfo',
] as const;
export type SearchedField = (typeof SEARCHED_FIELDS)[number];

/** A type's searched texts, lower case, missing ones left out; the processor by processorSearchName. */
export function searchTexts(spec: Pick<InstanceSpec, SearchedField | 'arch'>): string[] {
  const texts: string[] = [];
  for (const field of SEARCHED_FIELDS) {
    const text = field === 'processor' ? processorSearchName(spec) : spec[field];
    if (text !== null) texts.push(text.toLowerCase());
  }
  return texts;
}

/**
 * The text searched for: trimmed and in lower case; '' (matches everything) when blank or absent.
 * It is matched as plain text (no wildcards) anywhere in a searched text, in any case.
 */
export function searchNeedle(search: string | undefined): string {
  return search?.trim().toLowerCase() ?? '';
}
