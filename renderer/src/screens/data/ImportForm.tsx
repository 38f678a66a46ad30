import { useState } from 'react';
import type { ImportKindOption } from '@shared/import/types';

export interface ImportRequest {
  file: File | null;
  path: string;
  kind: ImportKindOption;
  force: boolean;
}

/** Choose an AWS price file (or type a path on this machine), its kind, and whether older files may replace newer prices. */
export function ImportForm({ busy, onImport }: { busy: boolean; onImport: (r: ImportRequest) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<ImportKindOption>('auto');
  const [force, setForce] = useState(false);
  const ready = !busy && (file !== null || path.trim() !== '');
  return (
    <form
      className="import-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onImport({ file, path: path.trim(), kind, force });
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
          <option value="auto">Detect</option>
          <option value="ec2">EC2 offer file</option>
          <option value="savings-plans">Savings Plans offer file</option>
          <option value="spot">Spot price history</option>
          <option value="spot-advisor">Spot Advisor (interruption bands)</option>
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
      <button type="submit" className="button-primary" disabled={!ready} data-testid="import-submit">
        Import price file
      </button>
    </form>
  );
}
