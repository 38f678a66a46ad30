import type { Scenario } from './schema';

export interface ScenarioSummary {
  id: string;
  name: string;
  lineCount: number;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface SavedScenario extends ScenarioSummary {
  document: Scenario;
}

export interface ExportedScenario {
  fileName: string;
  text: string;
}
