import { describe, expect, it } from 'vitest';
import { createDefaultDocument } from '../../../sim/persist';
import { endOfDayProblem, formatMinutes, planDay, toggleLab } from './day-plan';

const asAgenda = createDefaultDocument().settings.dayPlan;
const session = (plan: typeof asAgenda, number: number) => planDay(plan).find((s) => s.session === number)!;

describe('planDay', () => {
  it('starts from each session’s core path, which fits its slot', () => {
    for (const planned of planDay(asAgenda)) expect(planned.spareMinutes).toBeGreaterThanOrEqual(0);
    const streaming = session(asAgenda, 2);
    expect(streaming.labs.filter((lab) => lab.chosen).map((lab) => lab.id)).toEqual([
      'partition-keys',
      'hot-shard',
      'streams-vs-firehose',
    ]);
    expect([streaming.startsAt, streaming.endsAt, streaming.slotMinutes]).toEqual(['14:00', '15:00', 60]);
  });

  it('gives each chosen lab its duration and the running total, and none to a lab not chosen', () => {
    const streaming = session(asAgenda, 2);
    const rows = streaming.labs.map((lab) => [lab.id, lab.minutes, lab.runningMinutes]);
    expect(rows.slice(0, 3)).toEqual([
      ['partition-keys', 15, 15],
      ['provision-shards', 20, null],
      ['hot-shard', 20, 35],
    ]);
    expect(streaming.plannedMinutes).toBe(50);
    expect(streaming.spareMinutes).toBe(10);
  });

  it('says how far a plan runs over its slot when the instructor adds labs', () => {
    let plan = asAgenda;
    for (const id of ['provision-shards', 'kpl-aggregation']) plan = toggleLab(plan, id, true);
    expect(session(plan, 2).plannedMinutes).toBe(85);
    expect(session(plan, 2).spareMinutes).toBe(-25);
    expect(plan.labIds).toEqual([
      'data-bus',
      'right-tool',
      'lambda-architecture',
      'big-data-small-cost',
      'partition-keys',
      'provision-shards',
      'hot-shard',
      'kpl-aggregation',
      'streams-vs-firehose',
      'redshift-sizing',
      'redshift-load',
      'redshift-queries',
    ]);
  });

  it('removes a lab from the day, and ignores ids this version does not know', () => {
    const plan = toggleLab({ labIds: ['data-bus', 'no-such-lab'], endsAt: null }, 'data-bus', false);
    expect(plan.labIds).toEqual([]);
    expect(planDay({ labIds: ['no-such-lab'], endsAt: null }).every((s) => s.plannedMinutes === 0)).toBe(
      true,
    );
  });

  it('ends the last session at the instructor’s end of day', () => {
    expect(session(asAgenda, 4).endsAt).toBe('17:15');
    expect(session({ labIds: null, endsAt: '17:45' }, 4).slotMinutes).toBe(90);
  });
});

describe('endOfDayProblem', () => {
  it('accepts a time after the last session starts and refuses others with the reason', () => {
    expect(endOfDayProblem('17:30')).toBeUndefined();
    expect(endOfDayProblem('16:00')).toBe('The day cannot end at 16:00: the last session starts at 16:15.');
    expect(endOfDayProblem('5:30 pm')).toContain('is not a time');
  });
});

describe('formatMinutes', () => {
  it('writes minutes and hours', () => {
    expect([formatMinutes(45), formatMinutes(60), formatMinutes(90), formatMinutes(-25)]).toEqual([
      '45 min',
      '1 h',
      '1 h 30 min',
      '25 min',
    ]);
  });
});
