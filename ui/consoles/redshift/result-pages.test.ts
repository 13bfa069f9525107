import { describe, expect, it } from 'vitest';
import { pageCaption, pageWindow, rowsFromWindow } from './result-pages.ts';

describe('pageWindow', () => {
  it('cuts a result into pages, the last one short', () => {
    expect(pageWindow(120, 2, 50)).toEqual({ page: 2, pages: 3, offset: 100, length: 20 });
  });

  it('clamps a page past the end to the last page', () => {
    expect(pageWindow(120, 9, 50).page).toBe(2);
    expect(pageWindow(120, -1, 50).page).toBe(0);
  });

  it('gives an empty result one empty page', () => {
    expect(pageWindow(0, 0, 50)).toEqual({ page: 0, pages: 1, offset: 0, length: 0 });
  });
});

describe('rowsFromWindow', () => {
  const rows = Array.from({ length: 60 }, (_, i) => [i]);

  it('serves a page the loaded rows hold', () => {
    expect(rowsFromWindow(rows, pageWindow(60, 1, 50))).toEqual(rows.slice(50));
  });

  it('asks for a page past the loaded rows', () => {
    expect(rowsFromWindow(rows, pageWindow(500, 1, 50))).toBeUndefined();
  });
});

describe('pageCaption', () => {
  it('says which rows show', () => {
    expect(pageCaption(1234, pageWindow(1234, 1, 50))).toBe('Rows 51–100 of 1,234');
    expect(pageCaption(0, pageWindow(0, 0))).toBe('No rows');
  });
});
