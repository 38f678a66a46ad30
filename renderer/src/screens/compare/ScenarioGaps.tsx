import { ErrorBanner } from '../../components/ErrorBanner';

/**
 * What a screen that works on the chosen scenario (Compare, Plan) shows when there is none to work
 * on: no scenario chosen, or the chosen one deleted. `purpose` ends the sentence "…then come back to".
 */
export function NoScenario(props: {
  missing: boolean;
  shellErrors: string[];
  purpose: string;
  className: string;
  testId: string;
}) {
  return (
    <main className={props.className}>
      <ErrorBanner messages={props.shellErrors} />
      <div className="compare-empty" data-testid={props.testId}>
        <p>{props.missing ? 'The chosen scenario no longer exists.' : 'No scenario chosen yet.'}</p>
        <p>
          <a href="#workloads">Build or choose a workload mix on the Workloads screen</a>, then come back to{' '}
          {props.purpose}.
        </p>
      </div>
    </main>
  );
}

/** A chosen scenario without lines: nothing to price or plan yet. */
export function NoLines() {
  return (
    <div className="compare-empty">
      <p>
        This scenario has no lines yet. <a href="#workloads">Add some on the Workloads screen.</a>
      </p>
    </div>
  );
}
