import { useState } from 'react';
import type { SizingOptionDto } from '@shared/ebs/transport';
import { EbsCostCurveChart } from '../charts/EbsCostCurveChart';
import { EbsFitChart } from '../charts/EbsFitChart';
import { ErrorBanner } from '../components/ErrorBanner';
import { formatMoney } from '../format';
import { useApiCall } from '../hooks/useApiCall';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { usePersistentState } from '../hooks/usePersistentState';
import { CarryingInstances } from './ebs/CarryingInstances';
import { formatCount } from './ebs/ebs-format';
import { HeadroomSummary } from './ebs/HeadroomSummary';
import { InfeasibleList } from './ebs/InfeasibleList';
import { OptionsTable } from './ebs/OptionsTable';
import type { CallInput } from '@shared/contract';
import {
  CURVE_DIMENSIONS,
  DEFAULT_FORM,
  DEFAULT_REGION,
  parseSnapshotForm,
  restoreEbsState,
  toFitInput,
  type CurveDimension,
  type FitInput,
  type SizingForm as FormState,
  type SnapshotForm,
} from './ebs/sizing-state';
import { SizingForm } from './ebs/SizingForm';
import { SnapshotPanel } from './ebs/SnapshotPanel';
import { UseLayoutDialog } from './ebs/UseLayoutDialog';
import { useInstanceLookup } from './ebs/useInstanceLookup';
import './ebs/ebs.css';

const STORAGE_KEY = 'planner.ebs.v1';
const DEBOUNCE_MS = 200;
const EMPTY_INPUT = {};
const DIMENSION_LABELS: Record<CurveDimension, string> = { iops: 'By IOPS', throughput: 'By throughput' };

/** EBS sizing: the cheapest volume layout for a capacity and performance need, and how close it runs to the limits. */
export function EbsSizingScreen({ shellErrors }: { shellErrors: string[] }) {
  const [state, setState] = usePersistentState(STORAGE_KEY, restoreEbsState);
  const [using, setUsing] = useState<SizingOptionDto | null>(null);

  const regions = useApiCall('catalog.regions', EMPTY_INPUT);
  // A stored region this catalog doesn't have falls back rather than failing every call.
  const region =
    !regions.data || regions.data.some((r) => r.code === state.form.region)
      ? state.form.region
      : (regions.data.find((r) => r.code === DEFAULT_REGION)?.code ??
        regions.data[0]?.code ??
        state.form.region);
  const form: FormState = { ...state.form, region };

  const instance = useInstanceLookup(region, form.instanceType);
  const { input, errors } = toFitInput(form, state.curveDimension, {
    text: form.instanceType,
    known: instance.known,
  });
  const debounced = useDebouncedValue(input === null ? null : JSON.stringify(input), DEBOUNCE_MS);
  const fit = useApiCall('ebs.fit', debounced === null ? null : (JSON.parse(debounced) as FitInput));
  const settling = input !== null && JSON.stringify(input) !== debounced;
  const computing = fit.loading || settling;
  // After a failed call the previous layouts no longer answer the inputs on screen: show none.
  const data = fit.error ? undefined : fit.data;
  const sizing = data?.sizing;
  const top = sizing?.options[0] ?? null;
  const snapshotPolicy = parseSnapshotForm(state.snapshot).policy;

  const setForm = (patch: Partial<FormState>) => setState((s) => ({ ...s, form: { ...s.form, ...patch } }));
  const setSnapshot = (patch: Partial<SnapshotForm>) =>
    setState((s) => ({ ...s, snapshot: { ...s.snapshot, ...patch } }));

  const errorMessages = [...shellErrors, regions.error, instance.error, fit.error].filter(
    (m): m is string => m !== null,
  );
  const stale = input === null && data !== undefined;

  return (
    <main className="ebs-screen">
      <ErrorBanner messages={errorMessages} />
      <SizingForm
        form={form}
        errors={errors}
        regions={regions.data}
        instance={instance}
        onChange={setForm}
        onReset={() => setState((s) => ({ ...s, form: { ...DEFAULT_FORM, region } }))}
      />

      <section className="ebs-panel" aria-labelledby="ebs-options-heading">
        <div className="ebs-panel-head">
          <h2 className="ebs-panel-title" id="ebs-options-heading">
            Layouts, cheapest first
          </h2>
          {computing && (
            <span className="loading-indicator" role="status" data-testid="ebs-loading">
              Calculating…
            </span>
          )}
          {stale && <span className="muted small">Showing the last valid inputs' answer.</span>}
          <div className="toolbar-spacer" />
          {sizing && (
            <span className="ebs-as-of" data-testid="ebs-prices-as-of">
              EBS prices as of <time dateTime={sizing.pricesAsOf}>{sizing.pricesAsOf}</time> · {sizing.region}
            </span>
          )}
        </div>
        {data && (
          <div className="ebs-summary">
            <span>
              {top ? (
                <>
                  Cheapest:{' '}
                  <strong>
                    {top.volumes} × {formatCount(top.sizeGiBPerVolume)} GiB {top.volumeType}
                  </strong>{' '}
                  at <strong>{formatMoney(top.monthlyUsd)}</strong> a month.
                </>
              ) : (
                <strong>No volume type meets this requirement.</strong>
              )}{' '}
              <span className="muted">
                Needs {formatCount(data.requirement.iops)} IOPS and{' '}
                {data.requirement.throughputMiBps.toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB/s
                at the peak.
              </span>
            </span>
            <HeadroomSummary requirement={data.requirement} instance={sizing?.instance ?? null} />
          </div>
        )}
        <OptionsTable
          options={sizing?.options ?? []}
          loading={computing || stale}
          emptyMessage={
            fit.error
              ? 'Nothing to show: the sizing could not be computed (see the message above).'
              : !data
                ? input === null && !computing
                  ? 'Fix the highlighted inputs to size a layout.'
                  : 'Calculating…'
                : 'No volume type meets this requirement: see the reasons below.'
          }
          onUse={setUsing}
          explainInput={explainInputOf(debounced)}
        />
        {sizing && <InfeasibleList rows={sizing.infeasible} />}
        {sizing?.instance && instance.match && data && (
          <CarryingInstances
            region={region}
            chosen={instance.match}
            limits={sizing.instance}
            need={data.requirement}
            noLayout={sizing.options.length === 0}
            onUse={(instanceType) => setForm({ instanceType })}
          />
        )}
      </section>

      <div className="ebs-charts">
        <section className="ebs-panel" aria-labelledby="ebs-fit-heading">
          <div className="ebs-panel-head">
            <h2 className="ebs-panel-title" id="ebs-fit-heading">
              Where each type fits
            </h2>
            <span className="muted small">{data ? "each type's layout from the table, log-log" : ''}</span>
          </div>
          {data ? (
            <EbsFitChart
              envelopes={data.envelopes}
              requirement={data.requirement}
              instance={sizing?.instance ?? null}
            />
          ) : (
            <p className="muted ebs-chart-empty">The chart appears once the sizing is computed.</p>
          )}
        </section>
        <section className="ebs-panel" aria-labelledby="ebs-cost-heading">
          <div className="ebs-panel-head">
            <h2 className="ebs-panel-title" id="ebs-cost-heading">
              Monthly cost as the need rises
            </h2>
            <div className="toolbar-spacer" />
            <div className="ebs-segmented" role="group" aria-label="Sweep">
              {CURVE_DIMENSIONS.map((d) => (
                <button
                  key={d}
                  type="button"
                  data-testid={`ebs-curve-${d}`}
                  aria-pressed={state.curveDimension === d}
                  className={state.curveDimension === d ? 'is-active' : undefined}
                  onClick={() => setState((s) => ({ ...s, curveDimension: d }))}
                >
                  {DIMENSION_LABELS[d]}
                </button>
              ))}
            </div>
          </div>
          {data ? (
            <EbsCostCurveChart
              dimension={data.curve.dimension}
              points={data.curve.points}
              at={data.curve.dimension === 'iops' ? data.requirement.iops : data.requirement.throughputMiBps}
            />
          ) : (
            <p className="muted ebs-chart-empty">The chart appears once the sizing is computed.</p>
          )}
        </section>
      </div>

      <SnapshotPanel region={region} option={top} form={state.snapshot} onChange={setSnapshot} />

      {using && (
        <UseLayoutDialog
          option={using}
          instanceType={instance.match?.instanceType ?? null}
          snapshotPolicy={snapshotPolicy}
          onClose={() => setUsing(null)}
        />
      )}
    </main>
  );
}

/** The sizing behind the layouts shown (the fit input without its curve), for their explanations. */
function explainInputOf(debounced: string | null): Omit<CallInput<'ebs.size'>, 'explain'> | null {
  if (debounced === null) return null;
  const { curve, ...sizing } = JSON.parse(debounced) as FitInput;
  void curve; // the fit chart's, not the sizing's
  return sizing;
}
