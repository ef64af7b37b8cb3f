import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOD_FIELD_MODULE_KEY,
  findAppFields,
  HANDOFF_FIELD_MODULE_KEY,
  LANE_FIELD_MODULE_KEY,
} from '../../src/jira/app-fields';
import { fieldListSchema, type JiraField } from '../../src/jira/schemas';

/** A real Cloud site's fields (test/fixtures/jira-real/ferry_GET_field_cloud.json), without ML Lanes. */
const SITE_FIELDS: JiraField[] = fieldListSchema.parse(
  JSON.parse(
    readFileSync(join(__dirname, '..', 'fixtures', 'jira-real', 'ferry_GET_field_cloud.json'), 'utf8'),
  ),
);

const APP = '5d3c7f0e-8a41-4b9c-9e2d-6f1a0b7c4e21';
const ENV = 'b2e9a4c6-1f3d-47a8-8c5e-0d9f6a2b7e13';

function forgeField(id: string, moduleKey: string, app = APP, env = ENV): JiraField {
  return {
    id,
    name: moduleKey,
    custom: true,
    schema: { type: 'string', custom: `ari:cloud:ecosystem::extension/${app}/${env}/static/${moduleKey}` },
  };
}

describe("finding ML Lanes's own fields on a site", () => {
  it('returns the customfield id of each of the three fields by its module key', () => {
    const lookup = findAppFields([
      ...SITE_FIELDS,
      forgeField('customfield_10950', LANE_FIELD_MODULE_KEY),
      forgeField('customfield_10951', HANDOFF_FIELD_MODULE_KEY),
      forgeField('customfield_10952', DOD_FIELD_MODULE_KEY),
    ]);
    expect(lookup).toEqual({
      ids: { lane: 'customfield_10950', handoff: 'customfield_10951', dod: 'customfield_10952' },
      missing: [],
      ambiguous: [],
      problems: [],
    });
  });

  it('says which fields are missing on a site the app is not deployed to (or whose field was removed)', () => {
    const lookup = findAppFields([...SITE_FIELDS, forgeField('customfield_10950', LANE_FIELD_MODULE_KEY)]);
    expect(lookup.ids).toEqual({ lane: 'customfield_10950' });
    expect(lookup.missing).toEqual(['handoff', 'dod']);
    expect(lookup.problems).toEqual([
      'The handoff field (module ml-lanes-handoff) is not on this site: deploy ML Lanes here, or restore the field if it was removed.',
      'The dod field (module ml-lanes-dod-progress) is not on this site: deploy ML Lanes here, or restore the field if it was removed.',
    ]);
  });

  it('matches the whole module key, not a longer one that ends the same way', () => {
    const lookup = findAppFields([forgeField('customfield_1', `other-${LANE_FIELD_MODULE_KEY}`)]);
    expect(lookup.missing).toContain('lane');
  });

  it('chooses none when two installations share the site, unless told which app and environment', () => {
    const fields = [
      forgeField('customfield_10950', LANE_FIELD_MODULE_KEY),
      forgeField('customfield_11950', LANE_FIELD_MODULE_KEY, APP, 'another-env'),
    ];
    const unsure = findAppFields(fields);
    expect(unsure.ids.lane).toBeUndefined();
    expect(unsure.ambiguous).toEqual([
      { role: 'lane', fieldIds: ['customfield_10950', 'customfield_11950'] },
    ]);
    expect(unsure.problems[0]).toMatch(/exists 2 times \(customfield_10950, customfield_11950\)/);
    expect(findAppFields(fields, { environmentId: 'another-env' }).ids.lane).toBe('customfield_11950');
  });
});
