/** The right-tool lab's workspace (a pick per card), its reducer, and the check for one card. */
import { ok, type Result } from '../../sim/core/index.ts';
import { invalidAction } from '../engine/run.ts';
import { reduceWith } from '../kit/reduce.ts';
import type { LabTask } from '../engine/types.ts';
import { allCards, type CardId, type ScenarioCard } from './cards.ts';
import { isServiceId, service, services, type ServiceId } from './services.ts';

/** The learner's pick for each card; unpicked cards are absent. */
export interface RightToolWorkspace {
  readonly picks: Partial<Record<CardId, ServiceId>>;
}

/** What the learner can do. */
export type RightToolAction =
  | { readonly type: 'pick'; readonly card: CardId; readonly service: ServiceId }
  | { readonly type: 'clear'; readonly card: CardId };

const isCardId = (id: unknown): id is CardId => allCards.some((card) => card.id === id);

const unknownCard = (card: unknown): Result<never> =>
  invalidAction(
    `"${String(card)}" is not a card; use one of ${allCards.map((c) => c.id).join(', ')}.`,
    'card',
  );

/** Applies one action; refuses unknown cards and services. */
export const reduceRightTool = reduceWith<RightToolWorkspace, RightToolAction>({
  pick: (workspace, action) => {
    if (!isCardId(action.card)) return unknownCard(action.card);
    if (!isServiceId(action.service)) {
      return invalidAction(
        `"${String(action.service)}" is not a service; use one of ${services.map((s) => s.id).join(', ')}.`,
        'service',
      );
    }
    return ok({ picks: { ...workspace.picks, [action.card]: action.service } });
  },
  clear: (workspace, action) => {
    if (!isCardId(action.card)) return unknownCard(action.card);
    const picks = { ...workspace.picks };
    delete picks[action.card];
    return ok({ picks });
  },
});

/** The checklist task for one card: passes when the pick fits; otherwise explains the trade-off. */
export function cardTask(card: ScenarioCard): LabTask<RightToolWorkspace> {
  return {
    id: card.id,
    title: card.title,
    check(workspace) {
      const pick = workspace.picks[card.id];
      if (pick === undefined)
        return { passed: false, feedback: `No service picked for “${card.title}” yet.` };
      if (card.accepted.includes(pick)) return { passed: true, feedback: card.why };
      const tradeOff =
        card.tradeOffs[pick] ??
        `${service(pick).name} is built for ${service(pick).builtFor}. This workload needs ${card.latency}, ${card.throughput}, and: ${card.accessPattern}.`;
      return { passed: false, feedback: `${service(pick).name} for “${card.title}”: ${tradeOff}` };
    },
  };
}
