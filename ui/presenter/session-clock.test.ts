import { describe, expect, it } from 'vitest';
import { blockTitle, dayPosition, formatClock, minutesOf } from './session-clock';

const at = (time: string) => minutesOf(time);

describe('dayPosition', () => {
  it('counts down to the first session before the day starts', () => {
    const position = dayPosition(at('12:00'));
    expect(position).toMatchObject({ kind: 'before', startsInMinutes: 30 });
  });

  it('names the session on, the minutes left in its slot and the block that comes next', () => {
    const position = dayPosition(at('14:20'));
    expect(position.kind).toBe('during');
    if (position.kind !== 'during') return;
    expect(blockTitle(position.item)).toBe('Session 2 · Real-time streaming');
    expect(position.remainingMinutes).toBe(40);
    expect(position.endsAt).toBe('15:00');
    expect(position.next && blockTitle(position.next)).toBe('Break');
  });

  it('treats the break as a block of its own and switches exactly at a start time', () => {
    const position = dayPosition(at('15:00'));
    expect(position.kind === 'during' && blockTitle(position.item)).toBe('Break');
    expect(position.kind === 'during' && position.remainingMinutes).toBe(15);
  });

  it('counts the last session down to the day’s end, with nothing after it', () => {
    const position = dayPosition(at('16:45'));
    expect(position).toMatchObject({ kind: 'during', elapsedMinutes: 30, remainingMinutes: 30, next: null });
    expect(position.kind === 'during' && position.endsAt).toBe('17:15');
  });

  it('follows the instructor’s end of day', () => {
    expect(dayPosition(at('16:45'), '17:45')).toMatchObject({ kind: 'during', remainingMinutes: 60 });
    expect(dayPosition(at('17:30'), '17:45').kind).toBe('during');
  });

  it('says the day is over once the last session’s slot has ended', () => {
    expect(dayPosition(at('17:15'))).toEqual({ kind: 'after', endedAt: '17:15' });
    expect(dayPosition(at('23:59'), '17:45')).toEqual({ kind: 'after', endedAt: '17:45' });
  });
});

describe('formatClock', () => {
  it('writes minutes and seconds, with hours when needed', () => {
    expect(formatClock(12.5)).toBe('12:30');
    expect(formatClock(65.25)).toBe('1:05:15');
    expect(formatClock(-3)).toBe('0:00');
  });
});
