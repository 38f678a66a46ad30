import { useEffect, useState } from 'react';
import type { Region } from '@shared/catalog-types';
import {
  IMPORT_FILE_KINDS,
  IMPORT_KIND_LABELS,
  REGIONLESS_KIND,
  type ImportKindOption,
} from '@shared/import/kinds';
import { isHostReservationOfferings } from './file-head';
import { HostRegionQuestion } from './HostRegionQuestion';

export interface ImportRequest {
  file: File | null;
  path: string;
  kind: ImportKindOption;
  force: boolean;
  /** The region a file that names none (Dedicated Host Reservation offerings) was read in; else undefined. */
  region: string | undefined;
}

const KIND_CHOICES: readonly ImportKindOption[] = ['auto', ...IMPORT_FILE_KINDS];

/**
 * Choose an AWS price file (or type a path on this machine), its kind, and whether older files may
 * replace newer prices. A file that names no region (Dedicated Host Reservation offerings, chosen as
 * that kind or recognised from its head) also needs the region it was read in before it can start.
 */
export function ImportForm({
  busy,
  regions,
  onImport,
}: {
  busy: boolean;
  regions: Region[];
  onImport: (r: ImportRequest) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  // What the chosen file's head says; for another file (or none yet) it is not known.
  const [head, setHead] = useState<{ file: File; hostOfferings: boolean } | null>(null);
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<ImportKindOption>('auto');
  const [force, setForce] = useState(false);
  const [region, setRegion] = useState('');
  useEffect(() => {
    if (!file) return;
    let current = true;
    void isHostReservationOfferings(file).then((hostOfferings) => {
      if (current) setHead({ file, hostOfferings });
    });
    return () => {
      current = false;
    };
  }, [file]);
  const known = file === null || head?.file === file;
  const hostOfferings = file !== null && head?.file === file && head.hostOfferings;
  const needsRegion = kind === REGIONLESS_KIND || (kind === 'auto' && hostOfferings);
  const ready = !busy && (file !== null || path.trim() !== '') && known && (!needsRegion || region !== '');
  return (
    <form
      className="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready)
          onImport({ file, path: path.trim(), kind, force, region: needsRegion ? region : undefined });
      }}
    >
      <label className="filter-field">
        <span className="filter-label">AWS price file (.json or .csv)</span>
        <input
          type="file"
          accept=".json,.csv,application/json,text/csv"
          data-testid="import-file"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <label className="filter-field filter-field-wide">
        <span className="filter-label">or a path on this machine</span>
        <input
          type="text"
          placeholder="/media/usb/AmazonEC2-us-east-1.json"
          value={path}
          data-testid="import-path"
          onChange={(e) => setPath(e.target.value)}
        />
      </label>
      <label className="filter-field">
        <span className="filter-label">Kind</span>
        <select
          value={kind}
          data-testid="import-kind"
          onChange={(e) => setKind(e.target.value as ImportKindOption)}
        >
          {KIND_CHOICES.map((k) => (
            <option key={k} value={k}>
              {IMPORT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter-check">
        <input
          type="checkbox"
          checked={force}
          data-testid="import-force"
          onChange={(e) => setForce(e.target.checked)}
        />
        Replace prices newer than the file
      </label>
      {needsRegion && <HostRegionQuestion regions={regions} region={region} onChange={setRegion} />}
      <button type="submit" className="button-primary" disabled={!ready} data-testid="import-submit">
        Import price file
      </button>
    </form>
  );
}
