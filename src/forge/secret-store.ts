import { kvs } from '@forge/kvs';
import type { SecretStore } from '../storage/webhook-secrets';

/** Forge's secret storage (`kvs.getSecret/setSecret/deleteSecret`, encrypted, never listed by queries). */
export const forgeSecretStore: SecretStore = {
  getSecret: (key) => kvs.getSecret(key),
  setSecret: (key, value) => kvs.setSecret(key, value),
  deleteSecret: (key) => kvs.deleteSecret(key),
};
