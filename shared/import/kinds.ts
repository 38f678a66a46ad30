/**
 * The kinds of file an import reads and their labels, in one place: the contract's `import.start`
 * kind list, the CLI's --kind, the Data screen's Kind choice and its import summaries.
 */
export const IMPORT_FILE_KINDS = [
  'ec2',
  'savings-plans',
  'spot',
  'spot-advisor',
  'host-reservations',
] as const;
export type ImportFileKind = (typeof IMPORT_FILE_KINDS)[number];

/** What an import may be asked to read: one kind, or `auto` (the file's head tells: main/import/detect.ts). */
export const IMPORT_KIND_OPTIONS = [...IMPORT_FILE_KINDS, 'auto'] as const;
export type ImportKindOption = (typeof IMPORT_KIND_OPTIONS)[number];

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKindOption, string>> = {
  auto: 'Detect',
  ec2: 'EC2 offer file',
  'savings-plans': 'Savings Plans offer file',
  spot: 'Spot price history',
  'spot-advisor': 'Spot Advisor (interruption bands)',
  'host-reservations': 'Dedicated Host Reservation offerings',
};

/**
 * The kind whose file names no region (`aws ec2 describe-host-reservation-offerings` output: the
 * AWS CLI's own --region chose it), so an import of it is told the region; every other kind's file
 * names its own regions.
 */
export const REGIONLESS_KIND = 'host-reservations' satisfies ImportFileKind;

/**
 * Whether a file's head (its first 64 KB as text) is `describe-host-reservation-offerings` output: the
 * importer's detection (main/import/detect.ts) and the Data screen, which asks for the region before
 * it starts, both test this.
 */
export const looksLikeHostReservationOfferings = (head: string): boolean => /"OfferingSet"\s*:/.test(head);
