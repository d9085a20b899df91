import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseAction, Effect } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import type { CaseRow } from './case-row.js';
import type { CaseDetailRow } from './cases.repository.js';
import type { CaseActionDto, CaseDto } from './dto/case.dto.js';

/** A case transition about to be committed, as extensions see it (inside its transaction). */
export interface TransitionContext {
  row: CaseRow;
  action: CaseAction;
  payload: Omit<CaseActionDto, 'expectedVersion'>;
  at: Date;
}

/** A record that lives beside some cases (the petition, DESIGN §9) and takes part in their life. */
export interface CaseExtension {
  /** Actions of its own, taken on POST /cases/:id/actions/:action. */
  handles(action: string): boolean;
  act(user: RequestUser, row: CaseDetailRow, action: string, body: CaseActionDto, at: Date): Promise<void>;
  /** Adds its part to the case detail (and its actions to `allowedActions`). */
  decorate(user: RequestUser, row: CaseRow, dto: CaseDto, now: Date): Promise<void>;
  /** Effects of its own on the case's deadlines, recorded with the transition (e.g. a merged petition's clocks stop). */
  effects(t: TransitionContext): Promise<Effect[]>;
  /** Whether it has writes of its own for this case transition (then the write runs in a transaction). */
  takesPart(t: TransitionContext): boolean;
  /** Runs inside the transaction of a case transition, after its write; throw to refuse it. */
  onTransition(m: EntityManager, t: TransitionContext): Promise<void>;
}

/**
 * The extensions of the case module. Modules that build on cases register here on init, so that the
 * cases module never imports them (no cycle) and every case write still runs their part in its
 * one transaction.
 */
@Injectable()
export class CaseExtensions {
  private readonly extensions: CaseExtension[] = [];

  register(extension: CaseExtension): void {
    this.extensions.push(extension);
  }

  handling(action: string): CaseExtension | undefined {
    return this.extensions.find((e) => e.handles(action));
  }

  async decorate(user: RequestUser, row: CaseRow, dto: CaseDto, now = new Date()): Promise<void> {
    for (const e of this.extensions) await e.decorate(user, row, dto, now);
  }

  async effects(t: TransitionContext): Promise<Effect[]> {
    const all: Effect[] = [];
    for (const e of this.extensions) all.push(...(await e.effects(t)));
    return all;
  }

  takePart(t: TransitionContext): boolean {
    return this.extensions.some((e) => e.takesPart(t));
  }

  async onTransition(m: EntityManager, t: TransitionContext): Promise<void> {
    for (const e of this.extensions) if (e.takesPart(t)) await e.onTransition(m, t);
  }
}
