import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { InputError, NotFoundError } from '@shared/errors';
import { scenarioSchema, type Scenario } from '@shared/scenario/schema';
import type { ExportedScenario, SavedScenario, ScenarioSummary } from '@shared/scenario/types';
import { validate } from '@shared/validation';

interface Row {
  id: string;
  name: string;
  document: string;
  revision: number;
  created_at: string;
  updated_at: string;
}

export const SCENARIO_SCHEMA_ID = 'https://ec2-ebs-planner.invalid/schema/scenario-v1.json';

/**
 * Validates a scenario document; the InputError names the first offending field by its path in the
 * document and by its label ("Line 2 (Web tier) › Volume 1 › IOPS"), after `file` when the document
 * came from one ("web.json › Line 2 …"); its message is in plain words.
 */
export function parseScenario(raw: unknown, file?: string): Scenario {
  const r = validate(scenarioSchema, raw);
  if (r.ok) return r.value;
  const { field, message, label } = r.problems[0];
  const where = [file, label].filter((part) => part !== undefined).join(' › ');
  throw new InputError(field ?? 'document', message, where || undefined);
}

const toSummary = (r: Row): ScenarioSummary => ({
  id: r.id,
  name: r.name,
  lineCount: (JSON.parse(r.document) as Scenario).lines.length,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Saved scenarios in the user database. Every write is one statement or one transaction. */
export function createScenarioService(db: Database.Database, now: () => Date = () => new Date()) {
  const listStmt = db.prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, name');
  const getStmt = db.prepare('SELECT * FROM scenarios WHERE id = ?');
  const namesStmt = db.prepare('SELECT name FROM scenarios').pluck();
  const insertStmt = db.prepare(
    'INSERT INTO scenarios (id, name, document, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)',
  );
  const updateStmt = db.prepare(
    'UPDATE scenarios SET name = ?, document = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?',
  );
  const deleteStmt = db.prepare('DELETE FROM scenarios WHERE id = ?');

  const row = (id: string): Row => {
    const r = getStmt.get(id) as Row | undefined;
    if (!r) throw new NotFoundError(`no saved scenario has the id ${id}`, 'id');
    return r;
  };
  const saved = (r: Row): SavedScenario => ({
    ...toSummary(r),
    document: parseScenario(JSON.parse(r.document)),
  });
  const uniqueName = (wanted: string): string => {
    const names = new Set(namesStmt.all() as string[]);
    if (!names.has(wanted)) return wanted;
    for (let i = 2; ; i++) {
      const candidate = `${wanted} (${i})`;
      if (!names.has(candidate)) return candidate;
    }
  };
  const insert = (doc: Scenario): SavedScenario => {
    const id = randomUUID();
    const ts = now().toISOString();
    const name = uniqueName(doc.name);
    insertStmt.run(id, name, JSON.stringify({ ...doc, name }), ts, ts);
    return saved(row(id));
  };
  const update = (id: string, doc: Scenario, baseRevision?: number): SavedScenario => {
    const current = row(id);
    const expected = baseRevision ?? current.revision;
    const info = updateStmt.run(doc.name, JSON.stringify(doc), now().toISOString(), id, expected);
    if (info.changes === 0) {
      throw new InputError(
        'baseRevision',
        `scenario ${id} changed elsewhere (revision ${current.revision}, you edited ${expected}); reload it`,
      );
    }
    return saved(row(id));
  };

  return {
    list: (): ScenarioSummary[] => (listStmt.all() as Row[]).map(toSummary),
    get: (id: string): SavedScenario => saved(row(id)),
    create: (document: Scenario): SavedScenario => insert(document),
    /** Autosave: replaces the document; with baseRevision, refuses to overwrite a newer edit. */
    save: (id: string, document: Scenario, baseRevision?: number): SavedScenario =>
      update(id, document, baseRevision),
    rename(id: string, name: string): SavedScenario {
      const doc = saved(row(id)).document;
      return update(id, { ...doc, name: name.trim() });
    },
    duplicate(id: string, name?: string): SavedScenario {
      const doc = saved(row(id)).document;
      return insert({ ...doc, name: name?.trim() || `${doc.name} (copy)` });
    },
    delete(id: string): { deleted: boolean } {
      row(id);
      return { deleted: deleteStmt.run(id).changes === 1 };
    },
    /** Imports a scenario file's text; nothing is stored unless the whole document is valid. */
    importText(text: string, fileName = 'scenario.json'): SavedScenario {
      let raw: unknown;
      try {
        // Editors on Windows often save UTF-8 with a byte order mark; JSON.parse refuses it.
        raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch (err) {
        throw new InputError('text', `${fileName} is not valid JSON: ${(err as Error).message}`);
      }
      return insert(parseScenario(raw, fileName));
    },
    exportFile(id: string): ExportedScenario {
      const s = saved(row(id));
      const slug =
        s.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'scenario';
      return {
        fileName: `${slug}.json`,
        text: JSON.stringify({ $schema: SCENARIO_SCHEMA_ID, ...s.document }, null, 2) + '\n',
      };
    },
  };
}

export type ScenarioService = ReturnType<typeof createScenarioService>;
