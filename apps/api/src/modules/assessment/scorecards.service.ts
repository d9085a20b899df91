import { Injectable } from '@nestjs/common';
import { inRegion } from '@ecoloop/auth';
import { rankByScore, scorecardFigures, scorecardScore, type ScorecardCounts, type ScorecardFigures } from '@ecoloop/workflow';
import type { RequestUser } from '../../core/auth/request-user.js';
import { monthsBetween } from '../../core/months.js';
import { ScorecardsRepository, type ScorecardLevel } from './scorecards.repository.js';

export interface ScorecardTrend {
  months: string[];
  series: { subjectId: string; subjectName: string; points: { month: string; score: number | null; rank: number | null; figures: ScorecardFigures }[] }[];
}

export interface Scorecard {
  subjectId: string;
  subjectName: string;
  figures: ScorecardFigures;
  score: number | null;
  rank: number | null;
}

const NONE: ScorecardCounts = {
  total: 0, selfFound: 0, signForSettled: 0, signForOnTime: 0, rectifySettled: 0, rectifyOnTime: 0, closed: 0, closedFirstPass: 0,
  reworked: 0, relapsed: 0, overdue: 0, supervised: 0, petitionsFollowedUp: 0, petitionsSatisfied: 0,
};

/**
 * Scorecards and rankings (考核排名, DESIGN §12) per county, town, unit or grid inspector in the
 * caller's jurisdiction — every subject, with or without cases — over the cases reported in a month.
 */
@Injectable()
export class ScorecardsService {
  constructor(private readonly repo: ScorecardsRepository) {}

  /**
   * The scorecards of every month from `first` to `last` (trend charts): per subject, its score,
   * rank and figures month by month, in one pass over the months' cases.
   */
  async trend(user: RequestUser, level: ScorecardLevel, first: string, last: string): Promise<ScorecardTrend> {
    const subjects = (await this.repo.subjects(level)).filter((s) => user.ability.can('read', inRegion('Stats', s.path)));
    const byMonth = await this.repo.countsByMonth(level, subjects, first, last);
    const months = monthsBetween(first, last);
    const points = new Map<string, ScorecardTrend['series'][number]['points']>(subjects.map((s) => [s.id, []]));
    for (const month of months) {
      const counts = byMonth.get(month) ?? new Map();
      const ranked = rankByScore(
        subjects.map((s) => {
          const figures = scorecardFigures(counts.get(s.id) ?? NONE);
          return { subjectId: s.id, figures, score: scorecardScore(figures) };
        }),
      );
      for (const r of ranked) points.get(r.subjectId)!.push({ month, score: r.score, rank: r.rank, figures: r.figures });
    }
    return { months, series: subjects.map((s) => ({ subjectId: s.id, subjectName: s.name, points: points.get(s.id)! })) };
  }

  async scorecards(user: RequestUser, level: ScorecardLevel, month: string): Promise<Scorecard[]> {
    const subjects = (await this.repo.subjects(level)).filter((s) => user.ability.can('read', inRegion('Stats', s.path)));
    const counts = await this.repo.counts(level, subjects, month);
    return rankByScore(
      subjects.map((s) => {
        const figures = scorecardFigures(counts.get(s.id) ?? NONE);
        return { subjectId: s.id, subjectName: s.name, figures, score: scorecardScore(figures) };
      }),
    );
  }
}
