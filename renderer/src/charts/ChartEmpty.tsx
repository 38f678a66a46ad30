import type { ReactNode } from 'react';

/** What a chart shows instead when it has nothing to draw (under the chart's own test id). */
export function ChartEmpty({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <p className="muted" data-testid={testId}>
      {children}
    </p>
  );
}
