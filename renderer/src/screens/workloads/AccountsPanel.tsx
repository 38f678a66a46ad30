import { MAX_ACCOUNTS, type Account, type Scenario, type ScenarioLine } from '@shared/scenario/schema';
import { omit } from './field-errors';

/** An account's id changed (old → new), or removed (new = null). */
export type AccountChange = [string, string | null];

/**
 * The organization's accounts the lines belong to (consolidated billing), each with its Reserved
 * Instance and Savings Plans discount sharing (on by default, as AWS sets it). None = one account.
 */
export function AccountsPanel({
  accounts,
  errors,
  onChange,
}: {
  accounts: Account[] | undefined;
  /** Messages keyed by path under accounts ("0.id"). */
  errors: Record<string, string>;
  /** The accounts as edited, and the id renamed or removed, for the lines that name it. */
  onChange: (accounts: Account[] | undefined, renamed?: AccountChange) => void;
}) {
  const list = accounts ?? [];
  const set = (i: number, next: Account, renamed?: AccountChange) =>
    onChange(
      list.map((a, j) => (j === i ? next : a)),
      renamed,
    );
  const add = () => {
    let n = list.length + 1;
    while (list.some((a) => a.id === `account-${n}`)) n++;
    onChange([...list, { id: `account-${n}`, sharing: true }]);
  };
  return (
    <details
      className="accounts-panel line-section"
      data-testid="accounts-panel"
      open={list.length > 0 || undefined}
    >
      <summary className="line-section-title">
        Accounts{' '}
        <span className="muted small">
          ({list.length === 0 ? 'none: one account' : `${list.length} in the organization`})
        </span>
      </summary>
      <p className="muted small">
        Lines may belong to accounts of one organization (consolidated billing). With sharing on (AWS's
        default), Reserved Instances and Savings Plans cover any sharing account's usage, their own account's
        first; with it off, an account's commitments cover only its own lines and it gets none from the
        others. A line without an account belongs to the first.
      </p>
      {list.map((a, i) => (
        <div className="field-row" key={i} data-testid="account-row">
          <label className="field">
            <span className="field-label">Account id</span>
            <input
              className="text-input mono short"
              data-testid="account-id"
              value={a.id}
              maxLength={64}
              aria-invalid={errors[`${i}.id`] !== undefined}
              onChange={(e) => set(i, { ...a, id: e.target.value }, [a.id, e.target.value])}
            />
            {errors[`${i}.id`] && <span className="field-error">{errors[`${i}.id`]}</span>}
          </label>
          <label className="field field-grow">
            <span className="field-label">Name</span>
            <input
              className="text-input"
              data-testid="account-name"
              value={a.name ?? ''}
              maxLength={200}
              placeholder="e.g. Production"
              onChange={(e) => {
                set(i, e.target.value === '' ? omit(a, 'name') : { ...a, name: e.target.value });
              }}
            />
          </label>
          <label className="field checkbox-field">
            <input
              type="checkbox"
              data-testid="account-sharing"
              checked={a.sharing}
              onChange={(e) => set(i, { ...a, sharing: e.target.checked })}
            />
            <span>RI and Savings Plans sharing</span>
          </label>
          <button
            type="button"
            className="button-secondary small-button"
            data-testid="account-remove"
            onClick={() =>
              onChange(list.length > 1 ? list.filter((_, j) => j !== i) : undefined, [a.id, null])
            }
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button-secondary small-button"
        data-testid="account-add"
        disabled={list.length >= MAX_ACCOUNTS}
        onClick={add}
      >
        Add account
      </button>
    </details>
  );
}

/**
 * The document with these accounts (without the field when none is left); lines that named a renamed
 * account follow it, and lines of a removed one go back to the first account.
 */
export function withAccounts(
  doc: Scenario,
  accounts: Account[] | undefined,
  renamed?: AccountChange,
): Scenario {
  const next = { ...doc };
  if (accounts) next.accounts = accounts;
  else delete next.accounts;
  const follow = (l: ScenarioLine): ScenarioLine => {
    if (!accounts || (renamed && l.account === renamed[0] && renamed[1] === null)) return omit(l, 'account');
    return renamed && renamed[1] !== null && l.account === renamed[0] ? { ...l, account: renamed[1] } : l;
  };
  if (!accounts || renamed) next.lines = doc.lines.map(follow);
  return next;
}
