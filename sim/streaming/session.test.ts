import { describe, expect, it } from 'vitest';
import { scenarioComponents, validateScenario } from '../run/index.ts';
import { arrivalsComponent } from '../scenario/index.ts';
import { openStreamingSession } from './session.ts';

describe('a streaming session', () => {
  const validated = validateScenario({ seed: 1, durationSeconds: 1 });
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));

  it('opens on the whole streaming format, with every streaming service typed', () => {
    const session = openStreamingSession(validated.value, scenarioComponents);
    expect(session.state.services.level.used).toBe('record');
    expect(session.state.services.consumers.consumers).toEqual([]);
  });

  it('refuses a component list without the streaming services, saying where the list comes from', () => {
    expect(() => openStreamingSession(validated.value, [arrivalsComponent])).toThrow(
      'A streaming session needs every streaming component in its list (see sim/run).',
    );
  });
});
