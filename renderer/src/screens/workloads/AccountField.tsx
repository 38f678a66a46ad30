import type { Account, ScenarioLine } from '@shared/scenario/schema';

/** The account's label: its name and id, or the id alone. */
export const accountLabel = (a: Pick<Account, 'id'> & { name?: string | null | undefined }): string =>
  a.name ? `${a.name} (${a.id})` : a.id;

/** A line's account, among the scenario's (nothing when it names none); absent = the first account. */
export function AccountField({
  line,
  accounts,
  error,
  onChange,
}: {
  line: ScenarioLine;
  accounts: readonly Account[] | undefined;
  error: string | undefined;
  onChange: (line: ScenarioLine) => void;
}) {
  const first = accounts?.[0];
  if (!first) return null;
  const known = line.account === undefined || accounts.some((a) => a.id === line.account);
  return (
    <label className="field">
      <span className="field-label">Account</span>
      <select
        data-testid="line-account"
        value={line.account ?? first.id}
        aria-invalid={error !== undefined}
        onChange={(e) => onChange({ ...line, account: e.target.value })}
      >
        {!known && <option value={line.account}>{line.account} (not an account)</option>}
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountLabel(a)}
          </option>
        ))}
      </select>
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}
