import { describe, expect, it } from 'vitest';
import { Rng } from '../core/index.ts';
import {
  accessLogLine,
  accessLogLineOfSize,
  accessLogTime,
  drawRequest,
  parseAccessLogTime,
  SHORTEST_LINE_BYTES,
} from './access-log.ts';
import { webLogTraffic } from './traffic.ts';

const AT = Date.parse('2016-06-14T14:00:05Z');
const COMBINED =
  /^\S+ - - \[14\/Jun\/2016:14:00:05 \+0000\] "(GET|POST) \S+ HTTP\/1\.1" \d{3} (\d+|-) "[^"]*" "[^"]*"\n$/;

describe('access-log lines', () => {
  it('writes the time as Apache does, in UTC, and reads it back', () => {
    expect(accessLogTime(AT)).toBe('14/Jun/2016:14:00:05 +0000');
    const line = accessLogLine(drawRequest(Rng.fromSeed(1)), AT + 999);
    expect(parseAccessLogTime(line)).toBe(AT);
  });

  it('makes a whole line of exactly the size asked, from the shortest line up to a megabyte', () => {
    const rng = Rng.fromSeed(2);
    const sizes = [SHORTEST_LINE_BYTES, 75, 76, 77, 80, 120, 200, 237, 300, 512, 800, 5_000, 1_048_576];
    for (const size of sizes) {
      for (let i = 0; i < (size > 10_000 ? 2 : 50); i++) {
        const line = accessLogLineOfSize(drawRequest(rng), AT, size, i);
        expect(line.length).toBe(size);
        expect(line).toMatch(COMBINED);
        expect(line.indexOf('\n')).toBe(size - 1);
      }
    }
  });

  it('below the shortest line, gives a stand-in that still ends in a newline (no log line is that short)', () => {
    expect(SHORTEST_LINE_BYTES).toBe(74);
    const request = drawRequest(Rng.fromSeed(3));
    expect(accessLogLineOfSize(request, AT, 1)).toBe('\n');
    expect(accessLogLineOfSize(request, AT, 10)).toBe('---------\n');
    expect(accessLogLineOfSize(request, AT, 0)).toBe('');
  });

  it('stamps the labs’ traffic from the start time it is given, second by second', () => {
    const traffic = webLogTraffic(5, 3, 20, AT);
    const decoder = new TextDecoder();
    traffic.perSecond.forEach((lines, second) => {
      for (const line of lines) expect(parseAccessLogTime(decoder.decode(line))).toBe(AT + second * 1000);
    });
  });
});
