/** Forge entry point: only wires handlers. Logic lives in src/resolvers and the core below it. */
import { createForgeHandler } from './forge/handler';
import { forgeKvsStore } from './forge/kvs-store';
import { ConfigRepository } from './storage/config-repository';

export const handler = createForgeHandler(new ConfigRepository(forgeKvsStore));
