import './support/fake-bridge';
import { ADMIN_RESOLVER_KEYS } from '../../src/contract/admin-api';
import { RESOLVER_KEYS } from '../../src/contract/resolver-api';
import { INVOKED_ADMIN_RESOLVERS } from '../../static/admin-page/src/api';

describe('the admin page invokes only resolvers the contract defines', () => {
  it.each([...INVOKED_ADMIN_RESOLVERS])('%s is in RESOLVER_KEYS', (key) => {
    expect(RESOLVER_KEYS).toContain(key);
  });

  it('uses every admin resolver of the contract', () => {
    expect(
      [...ADMIN_RESOLVER_KEYS].filter((key) => !(INVOKED_ADMIN_RESOLVERS as readonly string[]).includes(key)),
    ).toEqual([]);
  });
});
