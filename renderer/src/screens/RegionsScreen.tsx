import { useEffect } from 'react';
import { z } from 'zod';
import { OPERATING_SYSTEMS } from '@shared/catalog-types';
import { ErrorBanner } from '../components/ErrorBanner';
import { useCurrentScenario } from '../hooks/useCurrentScenario';
import { useHashParams } from '../hooks/useHashParams';
import { usePersistentState } from '../hooks/usePersistentState';
import { ScenarioRegionsPanel } from './regions/ScenarioRegionsPanel';
import { TypeRegionsPanel } from './regions/TypeRegionsPanel';
import { useScenarioList } from './workloads/useScenarioList';
import './regions/regions.css';

const STORAGE_KEY = 'planner.regions.v1';
const stateSchema = z.object({
  typesText: z.string().max(400).catch('m5.large'),
  os: z.enum(OPERATING_SYSTEMS).catch('linux'),
  scenarioId: z.uuid().nullable().catch(null),
});
type RegionsState = z.infer<typeof stateSchema>;
const restore = (stored: unknown): RegionsState =>
  stateSchema.parse(stored ?? { typesText: 'm5.large', os: 'linux', scenarioId: null });

/**
 * Regions side by side: instance types in every region (from the catalog's "Compare regions"), and a
 * saved scenario priced in every region (from Workloads' "Price in every region"). A link's hash
 * (#regions?types=…&os=… or #regions?scenario=…) fills the screen in.
 */
export function RegionsScreen({ shellErrors }: { shellErrors: string[] }) {
  const [state, setState] = usePersistentState(STORAGE_KEY, restore);
  const [currentId] = useCurrentScenario();
  const list = useScenarioList();
  const params = useHashParams();

  const linkTypes = params.get('types');
  const linkOs = params.get('os');
  const linkScenario = params.get('scenario');
  useEffect(() => {
    setState((s) => {
      const os = OPERATING_SYSTEMS.find((o) => o === linkOs);
      const scenario = z.uuid().safeParse(linkScenario);
      return {
        typesText: linkTypes ?? s.typesText,
        os: os ?? s.os,
        scenarioId: scenario.success ? scenario.data : s.scenarioId,
      };
    });
  }, [linkTypes, linkOs, linkScenario, setState]);

  // A remembered scenario that is gone, or none yet: the one Workloads has open, else the newest.
  const known = (id: string | null) => id !== null && (list.scenarios?.some((s) => s.id === id) ?? true);
  const scenarioId = known(state.scenarioId)
    ? state.scenarioId
    : known(currentId)
      ? currentId
      : (list.scenarios?.[0]?.id ?? null);

  const errors = [...shellErrors, list.error].filter((m): m is string => m !== null);
  return (
    <main className="regions-screen">
      <ErrorBanner messages={errors} />
      <TypeRegionsPanel
        typesText={state.typesText}
        os={state.os}
        onChange={(patch) => setState((s) => ({ ...s, ...patch }))}
      />
      <ScenarioRegionsPanel
        scenarioId={scenarioId}
        scenarios={list.scenarios}
        onChoose={(id) => setState((s) => ({ ...s, scenarioId: id }))}
        onCopied={list.refresh}
      />
    </main>
  );
}
