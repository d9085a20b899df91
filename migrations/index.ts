import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795459364956 } from './1795459364956-InitialSchema.js';
import { Ledgers1795460400123 } from './1795460400123-Ledgers.js';
import { EnterprisesAndRiskWarnings1795461204667 } from './1795461204667-EnterprisesAndRiskWarnings.js';
import { CaseListIndexes1795462901510 } from './1795462901510-CaseListIndexes.js';
import { CaseWriter1795470000000 } from './1795470000000-CaseWriter.js';
import { UserSessions1795470000001 } from './1795470000001-UserSessions.js';
import { CaseRollup1795470000002 } from './1795470000002-CaseRollup.js';
import { ScaleIndexes1795470000003 } from './1795470000003-ScaleIndexes.js';
import { Petitions1795480000000 } from './1795480000000-Petitions.js';
import { RealRegionCodes1795490000000 } from './1795490000000-RealRegionCodes.js';
import { UnitKinds1795490000001 } from './1795490000001-UnitKinds.js';
import { WarningsAndLeaders1795490000017 } from './1795490000017-WarningsAndLeaders.js';
import { Enterprises1795500000002 } from './1795500000002-Enterprises.js';
import { LedgerRows1795490000020 } from './1795490000020-LedgerRows.js';
import { MachineAlerts1795500000000 } from './1795500000000-MachineAlerts.js';
import { Open311Reports1795500000001 } from './1795500000001-Open311Reports.js';
import { TownChainIndex1795509000000 } from './1795509000000-TownChainIndex.js';
import { LedgerTaskTables1795510000000 } from './1795510000000-LedgerTaskTables.js';
import { StaticCaseRollup1795520000000 } from './1795520000000-StaticCaseRollup.js';

/** Every migration, in order. Never edit one that has landed; add a new one. */
export const migrations: (new () => MigrationInterface)[] = [InitialSchema1795459364956, Ledgers1795460400123, EnterprisesAndRiskWarnings1795461204667, CaseListIndexes1795462901510, CaseWriter1795470000000, UserSessions1795470000001, CaseRollup1795470000002, ScaleIndexes1795470000003, Petitions1795480000000, RealRegionCodes1795490000000, UnitKinds1795490000001, WarningsAndLeaders1795490000017, LedgerRows1795490000020, MachineAlerts1795500000000, Open311Reports1795500000001, Enterprises1795500000002, TownChainIndex1795509000000, LedgerTaskTables1795510000000, StaticCaseRollup1795520000000];
