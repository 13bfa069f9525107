import { describe, expect, it } from 'vitest';
import { HOW_TO_OVERRIDE, PRICE_BOOKS } from '../../sim/pricing';
import { groupRows, missingNotes, readDraft, rowsOf } from './price-overrides-editor.svelte';

describe('readDraft', () => {
  it('reads an empty field as "no override"', () => {
    expect(readDraft('kinesis.shardHour', '  ')).toEqual({ ok: true, value: undefined });
  });

  it('accepts a dollar sign and thousands separators', () => {
    expect(readDraft('redshift.dc1.large.nodeHour', '$1,000.5')).toEqual({ ok: true, value: 1000.5 });
  });

  it('names the key, the value and what is allowed for text that is not a number', () => {
    expect(readDraft('kinesis.shardHour', 'cheap')).toEqual({
      ok: false,
      error: 'kinesis.shardHour: “cheap” is not a number; allowed: a price in US dollars from 0 to 100,000.',
    });
  });

  it('refuses negative prices with the allowed range', () => {
    const reading = readDraft('kinesis.shardHour', '-1');
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toContain('-1 is not allowed for kinesis.shardHour');
    expect(!reading.ok && reading.error).toContain('from 0 to 100,000');
  });
});

describe('rowsOf and groupRows', () => {
  it('lists a book’s prices and the prices it lacks, the latter with the reason', () => {
    const rows = rowsOf(PRICE_BOOKS['2016']);
    expect(rows.find((row) => row.id === 'kinesis.shardHour')?.bookValue).toBe(0.015);
    const onDemand = rows.find((row) => row.id === 'kinesis.onDemandStreamHour');
    expect(onDemand?.bookValue).toBeUndefined();
    expect(onDemand?.missingReason).toBeTruthy();
  });

  it('groups rows by service in id order', () => {
    const groups = groupRows(rowsOf(PRICE_BOOKS['2016']));
    const services = groups.map((group) => group.service);
    expect(services).toContain('Kinesis Streams');
    expect(new Set(services).size).toBe(services.length);
    expect(
      groups
        .find((group) => group.service === 'Kinesis Streams')
        ?.rows.every((row) => row.id.startsWith('kinesis.')),
    ).toBe(true);
  });
});

describe('missingNotes', () => {
  it('says each reason a price is missing once, and numbers every missing row with its reason', () => {
    const rows = rowsOf(PRICE_BOOKS.current);
    const missing = rows.filter((row) => row.bookValue === undefined);
    const { notes, noteOf } = missingNotes(rows);
    expect(new Set(notes).size).toBe(notes.length);
    expect(notes.length).toBeLessThan(missing.length);
    for (const row of missing)
      expect(notes[noteOf[row.id]! - 1]).toBe(row.missingReason?.replace(HOW_TO_OVERRIDE, '').trim());
    // The 22 instance-type rows of today's book share one sentence.
    const instanceNote = noteOf['ec2.m3.xlarge.onDemandHour'];
    expect(noteOf['emr.c4.xlarge.feeHour']).toBe(instanceNote);
    expect(notes.every((note) => !note.includes('--prices'))).toBe(true);
    expect(noteOf['kinesis.shardHour']).toBeUndefined();
  });
});
