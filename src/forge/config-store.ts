import { defaultConfig } from '../config/defaults';
import type { MlLanesConfig } from '../config/schema';

/** The configuration the panels use. Until the admin page can save one, the defaults. */
export async function loadSavedConfig(): Promise<MlLanesConfig> {
  return defaultConfig();
}
