import { describe, expect, it } from 'vitest';
import { defaultLine, defaultScenarioId } from '../../../renderer/src/screens/ebs/scenario-volume';

/** Where "Use this layout…" starts: the scenario open in Workloads, a line running the sized instance. */
describe('Use this layout: the scenario and line it starts on', () => {
  // scenarios.list puts the most recently edited first.
  const list = [{ id: 'recently-edited' }, { id: 'open-in-workloads' }];
  const lines = [
    { id: 'web', instanceType: 'm5.large' },
    { id: 'db', instanceType: 'r6i.2xlarge' },
  ];

  it('starts on the scenario open in Workloads, not the most recently edited', () => {
    expect(defaultScenarioId(list, '', 'open-in-workloads')).toBe('open-in-workloads');
    // A scenario picked in the dialog wins; one no longer listed falls back to the first.
    expect(defaultScenarioId(list, 'recently-edited', 'open-in-workloads')).toBe('recently-edited');
    expect(defaultScenarioId(list, '', 'deleted-since')).toBe('recently-edited');
    expect(defaultScenarioId([], '', null)).toBe('');
  });

  it('starts on a line that runs the sized instance type, else the first line', () => {
    expect(defaultLine(lines, '', 'r6i.2xlarge')?.id).toBe('db');
    expect(defaultLine(lines, '', 'c5.xlarge')?.id).toBe('web');
    expect(defaultLine(lines, '', null)?.id).toBe('web');
    expect(defaultLine(lines, 'web', 'r6i.2xlarge')?.id).toBe('web');
    expect(defaultLine([], '', 'r6i.2xlarge')).toBeUndefined();
  });
});
