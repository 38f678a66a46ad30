import type { EstimateWarning, EstimateWarningCode } from '@shared/pricing/estimate-types';
import { warningsBesideNotices } from '@shared/pricing/missing-prices';

const CODE_LABELS: Record<EstimateWarningCode, string> = {
  'missing-price': 'Missing price',
  'unknown-instance': 'Unknown instance type',
  'unknown-region': 'Unknown region',
  'spot-not-tolerant': 'Spot not allowed',
  'spot-caveat': 'Spot price',
  'no-ebs-prices': 'No EBS prices',
  'unused-commitment': 'Unused commitment',
  'sp-rate-missing-for-eligible-usage': 'Savings Plan rate missing',
  'timeline-approximation': 'Approximation',
  'strategy-unavailable': 'Not available',
  'under-provisioned': 'Under-provisioned',
  'demand-not-sized': 'Demand not sized',
  'tenancy-purchase': 'Dedicated Host purchase',
};

/**
 * Every warning of an estimate, each with what it concerns; repeated messages are listed once. Missing
 * prices are not listed here: MissingPriceNotices says each family once.
 */
export function WarningList({ warnings, testId }: { warnings: EstimateWarning[]; testId?: string }) {
  const seen = new Set<string>();
  const unique = warningsBesideNotices(warnings).filter((w) => {
    const key = `${w.code}|${w.lineId ?? ''}|${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) {
    return (
      <p className="muted small" data-testid={testId}>
        No warnings.
      </p>
    );
  }
  return (
    <ul className="warning-list" data-testid={testId}>
      {unique.map((w) => (
        <li
          key={`${w.code}|${w.lineId ?? ''}|${w.message}`}
          className={`warning warning-${w.code}`}
          data-code={w.code}
        >
          <span className="warning-code">{CODE_LABELS[w.code]}</span>
          {w.lineId && <span className="warning-line mono">{w.lineId}</span>}
          <span className="warning-message">{w.message}</span>
        </li>
      ))}
    </ul>
  );
}
