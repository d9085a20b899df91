import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795459364956 } from './1795459364956-InitialSchema.js';
import { Ledgers1795460400123 } from './1795460400123-Ledgers.js';
import { EnterprisesAndRiskWarnings1795461204667 } from './1795461204667-EnterprisesAndRiskWarnings.js';
import { CaseListIndexes1795462901510 } from './1795462901510-CaseListIndexes.js';

/** Every migration, in order. Never edit one that has landed; add a new one. */
export const migrations: (new () => MigrationInterface)[] = [InitialSchema1795459364956, Ledgers1795460400123, EnterprisesAndRiskWarnings1795461204667, CaseListIndexes1795462901510];
