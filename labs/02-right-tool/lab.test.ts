import { describe, expect, it } from 'vitest';
import { allCards } from './cards.ts';
import { services } from './services.ts';
import { rightToolLab } from './lab.ts';
import { cardTask, type RightToolWorkspace } from './workspace.ts';

const check = (workspace: RightToolWorkspace, cardId: string) => {
  const card = allCards.find((c) => c.id === cardId)!;
  return cardTask(card).check(workspace, { derived: undefined });
};

describe('lab 2: the right tool for the job', () => {
  it('explains the trade-off of a tempting wrong pick', () => {
    const result = check({ picks: { 'log-archive': 'glacier' } }, 'log-archive');
    expect(result.passed).toBe(false);
    expect(result.feedback).toMatch(
      /^Amazon Glacier for “Raw web logs, the source of truth”: Glacier costs a fraction per TB/,
    );
  });

  it('falls back to what the picked service is built for', () => {
    const result = check({ picks: { 'product-search': 'kinesis-firehose' } }, 'product-search');
    expect(result.feedback).toBe(
      'Amazon Kinesis Firehose for “Search the catalogue”: Amazon Kinesis Firehose is built for delivering a stream into S3, Redshift or Elasticsearch with no code to run, batched, compressed and at least 60 seconds behind. This workload needs tens of milliseconds per query, hundreds of queries per second, and: find products by words in their description, best matches first.',
    );
  });

  it('says why the right pick fits', () => {
    expect(check({ picks: { 'hot-top-ten': 'elasticache' } }, 'hot-top-ten')).toMatchObject({ passed: true });
  });

  it('does not pass a step with one wrong pick', () => {
    const step = rightToolLab.steps[0]!;
    let workspace: RightToolWorkspace = rightToolLab.initialWorkspace;
    for (const action of step.solution) {
      const next = rightToolLab.reduce(workspace, action);
      if (next.ok) workspace = next.value;
    }
    const wrong = rightToolLab.reduce(workspace, {
      type: 'pick',
      card: 'user-profiles',
      service: 'elasticache',
    });
    if (!wrong.ok) throw new Error(wrong.error.message);
    const failing = step.tasks
      .map((t) => t.check(wrong.value, { derived: undefined }))
      .filter((r) => !r.passed);
    expect(failing.map((r) => r.feedback)).toEqual([
      'Amazon ElastiCache for “User profiles on every page view”: ElastiCache is faster still, but it is a cache in memory: the durable record of every user must live somewhere that survives failures.',
    ]);
  });

  it('refuses an unknown service with the allowed ones', () => {
    const result = rightToolLab.reduce(
      { picks: {} },
      { type: 'pick', card: 'orders', service: 'mongodb' as never },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidAction', path: 'service' } });
  });

  it('gives every card a trade-off for at least two tempting wrong picks', () => {
    for (const card of allCards) expect(Object.keys(card.tradeOffs).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses every wrong pick on every card, saying why, without naming the service that fits', () => {
    const shortName = (name: string) => name.replace(/^(Amazon|AWS) /, '');
    let refused = 0;
    for (const card of allCards) {
      for (const pick of services.filter((s) => !card.accepted.includes(s.id))) {
        const result = check({ picks: { [card.id]: pick.id } }, card.id);
        expect(result.passed, `${pick.id} for ${card.id}`).toBe(false);
        const prefix = `${pick.name} for “${card.title}”: `;
        expect(result.feedback.startsWith(prefix)).toBe(true);
        const why = result.feedback.slice(prefix.length);
        const tradeOff = card.tradeOffs[pick.id];
        if (tradeOff) expect(why).toBe(tradeOff);
        else expect(why).toMatch(new RegExp(`^${pick.name} is built for .+ This workload needs `));
        for (const fits of card.accepted) {
          const name = shortName(services.find((s) => s.id === fits)!.name);
          expect(why, `${pick.id} for ${card.id} names ${name}`).not.toContain(name);
        }
        refused += 1;
      }
    }
    expect(refused).toBe(
      allCards.length * services.length - allCards.reduce((n, c) => n + c.accepted.length, 0),
    );
  });

  it('says a card is not answered until it is, and changes its verdict with every pick', () => {
    expect(check({ picks: {} }, 'orders')).toEqual({
      passed: false,
      feedback: 'No service picked for “Orders and payments” yet.',
    });
    expect(check({ picks: { orders: 'dynamodb' } }, 'orders').feedback).toMatch(/DynamoDB has no joins/);
    expect(check({ picks: { orders: 'redshift' } }, 'orders').feedback).toMatch(/warehouse for analytic/);
    expect(check({ picks: { orders: 'rds' } }, 'orders').passed).toBe(true);
  });
});
