/**
 * The app's own fields are listed in three places: manifest.yml (what Forge deploys), the app's code (the module keys
 * it looks up and the names Definition-of-Done items read) and the simulator (the site the tests and playground
 * use). A field renamed or retyped in one of them would leave writes failing and DoD items unmet without an error
 * anyone sees, so they must agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { EVIDENCE_FIELD_SPECS, EVIDENCE_FIELDS } from '../../src/domain/evidence/evidence-event';
import { APP_FIELD_MODULE_KEYS } from '../../src/jira/app-fields';
import { SIM_APP_FIELDS, SIM_EVIDENCE_FIELDS } from '../../src/simulator/app-fields';
import { ROOT } from './forge-tools';

interface ManifestField {
  key: string;
  name: string;
  type: string;
  readOnly?: boolean;
}

const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as {
  modules: { 'jira:customField': ManifestField[] };
};
const deployed = manifest.modules['jira:customField'];
const byKey = (fields: { key: string }[]) => [...fields].sort((a, b) => a.key.localeCompare(b.key));

describe("the app's own fields", () => {
  it('the manifest declares exactly the fields the app writes, each read-only for people', () => {
    const written = [
      ...Object.values(APP_FIELD_MODULE_KEYS),
      ...EVIDENCE_FIELDS.map((f) => EVIDENCE_FIELD_SPECS[f].moduleKey),
    ];
    expect(deployed.map((field) => field.key).sort()).toEqual(written.sort());
    expect(deployed.filter((field) => field.readOnly !== true)).toEqual([]);
  });

  it("the evidence fields' names and types in the manifest are the ones the app reads and writes", () => {
    for (const field of EVIDENCE_FIELDS) {
      const spec = EVIDENCE_FIELD_SPECS[field];
      expect(deployed.find((m) => m.key === spec.moduleKey)).toMatchObject({
        name: spec.name,
        type: spec.type,
      });
    }
  });

  it('the simulator deploys the same fields, with the same names and types', () => {
    const simulated = [...SIM_APP_FIELDS, ...SIM_EVIDENCE_FIELDS].map(({ moduleKey, name, type }) => ({
      key: moduleKey,
      name,
      type,
    }));
    expect(byKey(simulated)).toEqual(byKey(deployed.map(({ key, name, type }) => ({ key, name, type }))));
  });
});
