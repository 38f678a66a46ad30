import { useId, type ReactNode } from 'react';

export interface ChartFigureProps {
  title: string;
  /** What the chart shows, in words: read by screen readers and shown under the title. */
  description: string;
  testId: string;
  children: ReactNode;
  /** Extra content under the chart (a legend). */
  footer?: ReactNode;
}

/** A chart with its title and a description in words, tied to it for assistive technology. */
export function ChartFigure({ title, description, testId, children, footer }: ChartFigureProps) {
  const id = useId();
  return (
    <figure
      className="plan-chart"
      data-testid={testId}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <figcaption>
        <h4 className="plan-chart-title" id={`${id}-title`}>
          {title}
        </h4>
        <p className="muted small plan-chart-desc" id={`${id}-desc`}>
          {description}
        </p>
      </figcaption>
      {children}
      {footer}
    </figure>
  );
}
