import { defaultConfig } from '../../src/config/defaults';
import {
  CV_FIELDS,
  CV_SPRINTS,
  cvWorkspace,
  loadWorkspace,
  parseWorkspace,
  recommendationsWorkspace,
  REC_SPRINTS,
  syntheticWorkspace,
  type ResolvedWorkspace,
  type WorkspaceIssue,
} from '../../src/simulator';

/** The bundled workspaces: valid, and shaped the way the demo needs. */

/** A minimal stand-in for the app's classifier, driven by the default configuration's rules. */
function laneOf(issue: WorkspaceIssue, ws: ResolvedWorkspace): string | null {
  const subject =
    issue.subtask && issue.parentKey ? (ws.issues.find((i) => i.key === issue.parentKey) ?? issue) : issue;
  const words = (texts: string[]) => new Set(texts.flatMap((t) => t.toLowerCase().split(/[^a-z0-9:]+/)));
  for (const rule of defaultConfig().rules) {
    if (rule.kind === 'lane-label') {
      const label = subject.labels.find((l) => l.startsWith(rule.prefix));
      if (label) return label.slice(rule.prefix.length);
    } else if (rule.kind === 'keywords') {
      const texts = [
        ...(rule.in.includes('labels') ? subject.labels : []),
        ...(rule.in.includes('components') ? subject.components : []),
        ...(rule.in.includes('summary') ? [subject.summary] : []),
      ];
      const found = words(texts);
      if (rule.keywords.some((k) => found.has(k))) return rule.lane;
    }
  }
  return null;
}

describe('demo site', () => {
  const ws = loadWorkspace('demo');
  const issue = (key: string) => {
    const found = ws.issues.find((i) => i.key === key);
    if (!found) throw new Error(`no ${key}`);
    return found;
  };
  const blocks = (up: string, down: string) =>
    ws.links.some((l) => l.type === 'Blocks' && l.outward === up && l.inward === down);
  const inSprint = (sprintId: number) =>
    ws.issues.filter((i) =>
      (i.subtask ? issue(i.parentKey ?? '').sprintIds : i.sprintIds).includes(sprintId),
    );

  test('three boards on one site: CV (scrum), RecSys (scrum), Edge cases (kanban)', () => {
    expect(ws.boards.map((b) => [b.id, b.name, b.type, b.projectKey])).toEqual([
      [1, 'CV board', 'scrum', 'CV'],
      [2, 'RecSys board', 'scrum', 'REC'],
      [3, 'Edge cases', 'kanban', 'EDGE'],
    ]);
    expect(ws.sprints.filter((s) => s.boardId === 3)).toEqual([]);
  });

  test('the CV sprints: 13 closed, 14 active with goal and dates, 15 future', () => {
    const active = ws.sprints.find((s) => s.id === CV_SPRINTS.active);
    expect(active).toMatchObject({ name: 'CV Sprint 14 — classifier v1.1', state: 'active', boardId: 1 });
    expect(active?.goal).toBeTruthy();
    expect(active?.startDate?.startsWith('2026-11-23')).toBe(true);
    expect(active?.endDate?.startsWith('2026-12-04')).toBe(true);
    expect(ws.sprints.find((s) => s.id === CV_SPRINTS.next)).toMatchObject({
      name: 'CV Sprint 15',
      state: 'future',
    });
    const visible = inSprint(CV_SPRINTS.active).filter((i) => i.visibleToUser);
    expect(visible.length).toBeGreaterThanOrEqual(20);
    expect(visible.length).toBeLessThanOrEqual(30);
  });

  test('the handoff chain and the upstream work outside the sprint', () => {
    expect(issue('CV-101').summary).toMatch(/^Label 1,000 images/);
    expect(blocks('CV-101', 'CV-105')).toBe(true);
    expect(blocks('CV-105', 'CV-106')).toBe(true);
    expect(blocks('CV-104', 'CV-101')).toBe(true); // the labeling-tool bug
    expect(issue('CV-131').sprintIds).toEqual([CV_SPRINTS.next]);
    expect(blocks('CV-131', 'CV-109')).toBe(true);
    expect(issue('CV-132').sprintIds).toEqual([]);
    expect(blocks('CV-132', 'CV-105')).toBe(true);
    // One upstream already done, so that handoff is not blocked.
    expect(issue('CV-112').status).toBe('Done');
    expect(blocks('CV-112', 'CV-115')).toBe(true);
  });

  test('the default rules put the key issues in the intended lanes', () => {
    const expected: Record<string, string | null> = {
      'CV-101': 'data',
      'CV-102': 'data',
      'CV-104': 'code',
      'CV-105': 'model',
      'CV-106': 'test',
      'CV-107': 'model',
      'CV-108': 'deploy',
      'CV-110': null,
      'CV-111': 'data',
      'CV-113': 'code',
      'CV-116': 'model',
      'CV-131': 'data',
      'CV-132': 'deploy',
      'REC-12': 'model',
      'REC-16': 'test',
      'REC-17': 'deploy',
      'REC-24': null,
    };
    for (const [key, lane] of Object.entries(expected))
      expect([key, laneOf(issue(key), ws)]).toEqual([key, lane]);
  });

  test('sub-tasks, hidden and vanished issues, DoD values and the DoD property', () => {
    const subtasks = ws.issues.filter((i) => i.parentKey === 'CV-101');
    expect(subtasks.length).toBeGreaterThanOrEqual(2);
    subtasks.forEach((s) => expect(s).toMatchObject({ subtask: true, labels: [], components: [] }));
    expect(ws.links.some((l) => l.outward === 'CV-140' && !issue('CV-140').visibleToUser)).toBe(true);
    expect(ws.links.some((l) => l.outward === 'CV-141' && issue('CV-141').vanished)).toBe(true);
    const iaa = ws.issues
      .map((i) => i.fields[CV_FIELDS.interAnnotatorAgreement])
      .filter((v) => v !== undefined);
    expect(iaa).toEqual(expect.arrayContaining([0.97, 98]));
    expect(issue('CV-104').properties['ml-lanes-dod']).toEqual({ checked: { reviewed: true } });
    expect(issue('CV-111').summary).toContain('<script>');
    const names = ws.fields.map((f) => f.name);
    for (const name of [
      'Inter-annotator agreement',
      'Labeling accuracy',
      'Dataset version',
      'Model accuracy',
      'Experiment URL',
    ]) {
      expect(names.filter((n) => n === name)).toHaveLength(1);
    }
  });

  test('RecSys has its own active sprint with about a dozen issues', () => {
    const rec = inSprint(REC_SPRINTS.active);
    expect(rec.length).toBeGreaterThanOrEqual(10);
    expect(rec.length).toBeLessThanOrEqual(16);
  });
});

describe('standalone workspaces', () => {
  test('cv and recommendations share no custom field id', () => {
    const cv = new Set(cvWorkspace().fields.map((f) => f.id));
    expect(recommendationsWorkspace().fields.filter((f) => cv.has(f.id))).toEqual([]);
  });

  test('loadWorkspace knows cv, recommendations, synthetic-N, history-N; refuses others', () => {
    expect(loadWorkspace('cv').boards).toHaveLength(1);
    expect(loadWorkspace('recommendations').boards).toHaveLength(2);
    expect(loadWorkspace('synthetic-50').issues.length).toBeGreaterThanOrEqual(50);
    expect(loadWorkspace('history-50').issues.filter((i) => i.sprintIds.some((id) => id < 11))).toHaveLength(
      50,
    );
    expect(() => loadWorkspace('nope')).toThrow(/Unknown workspace/);
  });

  test('invalid workspaces are refused with every problem listed', () => {
    const ws = cvWorkspace();
    ws.issues.push({ ...ws.issues[1]!, status: 'Blocked' });
    ws.links = [...(ws.links ?? []), { type: 'Blocks', outward: 'CV-1', inward: 'CV-101' }];
    expect(() => parseWorkspace(ws)).toThrow(
      /duplicate issue key "CV-101"[\s\S]*no status "Blocked"|no status "Blocked"[\s\S]*duplicate/,
    );
    expect(() => parseWorkspace(ws)).toThrow(/no issue "CV-1"/);
  });
});

describe('synthetic workspace', () => {
  test('20,000 issues build and validate, all in the active sprint', () => {
    const ws = parseWorkspace(syntheticWorkspace({ issues: 20000, seed: 7 }));
    expect(ws.issues.filter((i) => i.sprintIds.includes(11))).toHaveLength(20000);
  });

  test('deterministic per seed, with mostly forward links and ~10% from outside the sprint', () => {
    const a = syntheticWorkspace({ issues: 2000, seed: 5 });
    expect(syntheticWorkspace({ issues: 2000, seed: 5 })).toEqual(a);
    expect(syntheticWorkspace({ issues: 2000, seed: 6 })).not.toEqual(a);
    const links = a.links ?? [];
    expect(links.length / 2000).toBeGreaterThan(1.2);
    expect(links.length / 2000).toBeLessThan(1.8);
    const num = (key: string) => Number(key.split('-')[1]);
    const outside = links.filter((l) => num(l.outward) > 2000 || num(l.inward) > 2000);
    expect(outside.length / links.length).toBeGreaterThan(0.05);
    expect(outside.length / links.length).toBeLessThan(0.15);
    const inside = links.filter(
      (l) => l.type === 'Blocks' && num(l.outward) <= 2000 && num(l.inward) <= 2000,
    );
    expect(inside.filter((l) => num(l.outward) < num(l.inward)).length / inside.length).toBeGreaterThan(0.95);
  });
});
