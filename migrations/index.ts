import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795459364956 } from './1795459364956-InitialSchema.js';
import { Ledgers1795460400123 } from './1795460400123-Ledgers.js';
import { EnterprisesAndRiskWarnings1795461204667 } from './1795461204667-EnterprisesAndRiskWarnings.js';

/** Every migration, in order. Never edit one that has landed; add a new one. */
export const migrations: (new () => MigrationInterface)[] = [InitialSchema1795459364956, Ledgers1795460400123, EnterprisesAndRiskWarnings1795461204667];
