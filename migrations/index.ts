import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795459364956 } from './1795459364956-InitialSchema.js';

/** Every migration, in order. Never edit one that has landed; add a new one. */
export const migrations: (new () => MigrationInterface)[] = [InitialSchema1795459364956];
