import { OS_NAMES } from '../catalog-scopes';
import type { PaymentOption } from '../catalog-types';
import { TENANCY_LABELS } from '../catalog-types';
import type { MissingPrice, MissingPriceFamily, MissingScope } from './missing-prices';
import { PAYMENT_LABELS } from './purchase-options';

/**
 * The one place a missing price family is worded: what is not in the catalog, the way to get it, and
 * where in the app (the Data screen). Workloads, Compare, the CLI and every report format say it this
 * way, once per family.
 */

/** The Data screen, where prices are updated and imported. */
export const DATA_SCREEN_HREF = '#data';
export const DATA_SCREEN_LINK_TEXT = 'Open the Data screen';

export interface MissingPriceNotice {
  family: MissingPriceFamily;
  /** "Savings Plans rates are not in this catalog". */
  title: string;
  /** "Update from AWS, or import the Savings Plans file". */
  wayOut: string;
  /** "us-east-1 Linux, eu-west-1 Linux". */
  scopes: string;
  /** The affected lines by name, each once. */
  lines: string[];
  /** The ways of buying (or instance types) asked for that could not be priced, each once. */
  options: string[];
  /** The whole notice in one sentence, for reports and the CLI. */
  text: string;
}

const EC2_FILE = "Update from AWS, or import the region's EC2 offer file (AmazonEC2)";

const reserved = (p: PaymentOption) => ({
  title: `${PAYMENT_LABELS[p]} Reserved Instance prices are not in this catalog`,
  wayOut: EC2_FILE,
});

/** "All upfront Convertible Reserved Instance prices …": the family's title narrowed by its qualifiers. */
function titleOf(m: MissingPrice): string {
  const { title } = WORDS[m.family];
  if (m.qualifiers.length === 0 || !m.family.startsWith('reserved-')) return title;
  return title.replace(' Reserved Instance', ` ${listWords(m.qualifiers)} Reserved Instance`);
}

const WORDS: Record<MissingPriceFamily, { title: string; wayOut: string }> = {
  region: { title: 'Regions are not in this catalog', wayOut: EC2_FILE },
  'instance-type': {
    title: 'Instance types are not in this catalog for their region',
    wayOut: EC2_FILE,
  },
  'on-demand': { title: 'On-Demand prices are not in this catalog', wayOut: EC2_FILE },
  'reserved-no-upfront': reserved('no-upfront'),
  'reserved-partial-upfront': reserved('partial-upfront'),
  'reserved-all-upfront': reserved('all-upfront'),
  'savings-plan': {
    title: 'Savings Plans rates are not in this catalog',
    wayOut: 'Update from AWS, or import the Savings Plans file',
  },
  spot: {
    title: 'Spot prices are not in this catalog',
    wayOut: 'import a Spot price history file (the output of aws ec2 describe-spot-price-history)',
  },
  'spot-advisor': {
    title: 'Spot Advisor interruption bands are not in this catalog',
    wayOut: "Update from AWS, or import AWS's Spot Advisor file (spot-advisor-data.json)",
  },
  ebs: { title: 'EBS volume prices are not in this catalog', wayOut: EC2_FILE },
  'dedicated-host': { title: 'Dedicated Host prices are not in this catalog', wayOut: EC2_FILE },
  'dedicated-fee': {
    title: 'The Dedicated per-Region fee is not in this catalog',
    wayOut: EC2_FILE,
  },
  'ebs-snapshot': {
    title: 'EBS snapshot prices are not in this catalog',
    wayOut:
      "AWS's price files are not read for snapshot prices yet: the catalog has them where AWS's pricing page lists them (aws.amazon.com/ebs/pricing)",
  },
};

/** "Savings Plans rates are not in this catalog", narrowed where the family says how. */
export const missingPriceTitle = (m: MissingPrice): string => titleOf(m);

export const scopeWords = (s: MissingScope): string =>
  (s.os ? `${s.region} ${OS_NAMES[s.os]}` : s.region) + (s.tenancy ? ` on ${TENANCY_LABELS[s.tenancy]}` : '');

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** One family's notice; `lineName` turns a line id into what the line is called. */
export function missingPriceNotice(m: MissingPrice, lineName: (id: string) => string): MissingPriceNotice {
  const { wayOut } = WORDS[m.family];
  const title = titleOf(m);
  const scopes = m.scopes.map(scopeWords).join(', ');
  const lines = m.lines.map(lineName);
  const options = [...m.options];
  const lineText = lines.length ? ` Lines: ${lines.join(', ')}.` : '';
  const optionText = options.length
    ? ` ${m.family === 'instance-type' ? 'Types' : 'Not priced'}: ${options.join('; ')}.`
    : '';
  return {
    family: m.family,
    title,
    wayOut,
    scopes,
    lines,
    options,
    text: `${title} (${scopes}) — ${wayOut}.${lineText}${optionText}`,
  };
}

/** Every family's notice, in MISSING_PRICE_FAMILIES order. */
export const missingPriceNotices = (
  list: readonly MissingPrice[],
  lineName: (id: string) => string,
): MissingPriceNotice[] => list.map((m) => missingPriceNotice(m, lineName));
