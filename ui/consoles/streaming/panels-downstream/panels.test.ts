// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes } from '../../../../sim/core/index.ts';
import ConsumersPanel from './ConsumersPanel.svelte';
import CostMeter from './CostMeter.svelte';
import FirehosePanel from './FirehosePanel.svelte';
import S3Browser from './S3Browser.svelte';
import { flush, mountPanel } from '../../shell/mount-for-test.svelte';
import {
  costFixture,
  deliveryStreamFixture,
  kclFixture,
  lambdaFixture,
  s3Fixture,
  sparkFixture,
} from './panel-fixtures';

const mounted: { destroy(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((m) => m.destroy()));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the components' prop types are checked by svelte-check
function mount(component: any, props: Record<string, unknown>) {
  const m = mountPanel(component, props);
  mounted.push(m);
  return m;
}

const buttonNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
  );

/** Lets the microtask that opens an object and the awaited load settle, then renders. */
async function settle() {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  flush();
}

describe('FirehosePanel', () => {
  it('shows both meters with their values and which hint fires first', () => {
    const { target } = mount(FirehosePanel, { deliveryStreams: [deliveryStreamFixture()] });
    const meters = [...target.querySelectorAll('[role="progressbar"]')];
    expect(meters.map((m) => m.getAttribute('aria-valuenow'))).toEqual(['40', '40']);
    expect(meters[0]?.getAttribute('aria-valuetext')).toBe('2 MiB in 4,194 records (40 %)');
    expect(meters[1]?.getAttribute('aria-valuetext')).toBe('2 min of 5 min, 3 min left');
    expect(target.querySelector('[data-first-trigger]')?.getAttribute('data-first-trigger')).toBe('interval');
    expect(target.textContent).toContain('The interval hint fires first');
  });

  it('lists deliveries with the hint that fired and opens one in the S3 browser', () => {
    const opened: string[] = [];
    const stream = deliveryStreamFixture();
    const { target } = mount(FirehosePanel, {
      deliveryStreams: [stream],
      onOpenObject: (bucket: string, key: string) => opened.push(`${bucket}/${key}`),
    });
    const rows = [...target.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('.trigger')?.textContent)).toEqual(['interval hint', 'size hint']);
    buttonNamed(target, `Open ${stream.deliveries[1]!.key} in the S3 browser`)?.click();
    expect(opened).toEqual([`bdlab-clicks/${stream.deliveries[1]!.key}`]);
  });

  it('says the timer is not running on an empty buffer and shows a delivery failure', () => {
    const { target } = mount(FirehosePanel, {
      deliveryStreams: [
        deliveryStreamFixture({
          buffer: { bytes: 0, records: 0, ageMs: null },
          deliveryError: 'NoSuchBucket: the bucket bdlab-clicks does not exist',
        }),
      ],
    });
    expect(target.querySelectorAll('[role="progressbar"]')[1]?.getAttribute('aria-valuetext')).toBe(
      'not running (buffer empty)',
    );
    expect(target.querySelector('[role="alert"]')?.textContent).toContain('NoSuchBucket');
  });
});

describe('S3Browser', () => {
  function browser(load?: (bucket: string, key: string) => Promise<Uint8Array>) {
    const { view, bodies } = s3Fixture();
    const loads: string[] = [];
    const loadObject =
      load ??
      (async (bucket: string, key: string) => {
        loads.push(key);
        const body = bodies.get(`${bucket}/${key}`);
        if (!body) throw new Error('NoSuchKey');
        return body;
      });
    return { ...mount(S3Browser, { s3: view, loadObject, selected: null }), loads, view };
  }

  /** Clicks down the folders of `prefix` one level at a time, as a learner would. */
  function openFolders(target: HTMLElement, prefix: string) {
    for (let end = prefix.indexOf('/'); end !== -1; end = prefix.indexOf('/', end + 1)) {
      target.querySelector<HTMLButtonElement>(`[data-folder="${prefix.slice(0, end + 1)}"] button`)?.click();
      flush();
    }
  }

  const folderNames = (target: HTMLElement) =>
    [...target.querySelectorAll('[data-folder] code')].map((el) => el.textContent);

  it('walks down the YYYY/MM/DD/HH/ folders and back up with the breadcrumbs', () => {
    const { target } = browser();
    expect(folderNames(target)).toEqual(['plain/', 'raw/', 'zipped/']);
    openFolders(target, 'raw/2016/05/24/');
    expect(folderNames(target)).toEqual(['14/', '15/']);
    expect(target.textContent).toContain('aws s3 ls s3://bdlab-clicks/raw/2016/05/24/');
    buttonNamed(target, 'raw/')?.click();
    flush();
    expect(folderNames(target)).toEqual(['2016/']);
  });

  it('opens a GZIP object and shows its decompressed records and both sizes', async () => {
    const { target, loads, view } = browser();
    const key = view.objects[0]!.key;
    openFolders(target, 'raw/2016/05/24/14/');
    buttonNamed(target, `Open ${key.split('/').at(-1)}`)?.click();
    flush();
    await settle();
    expect(loads).toEqual([key]);
    const viewer = target.querySelector(`[data-object-key="${key}"]`);
    expect(viewer?.querySelector('pre')?.textContent?.split('\n')[0]).toBe(
      '{"ts":1464098400000,"page":"/p/0","user":"u-0"}',
    );
    expect(viewer?.querySelector('[data-size="stored"]')?.textContent).toBe(
      formatBytes(view.objects[0]!.size),
    );
    expect(viewer?.querySelector('[data-size="raw"]')?.textContent).toBe(formatBytes(19_564)); // the fixture's 400 JSON lines
    expect(viewer?.textContent).toContain('400 lines shown');
    expect(viewer?.textContent).toContain(`aws s3 cp s3://bdlab-clicks/${key} - | gunzip`);
  });

  it('opens the object another panel selects, ZIP included, in its folder', async () => {
    const { target, view } = browser();
    const zipped = view.objects.find((o) => o.key.startsWith('zipped/'))!;
    const m = mounted.at(-1) as ReturnType<typeof mountPanel>;
    m.update({ selected: { bucket: 'bdlab-clicks', key: zipped.key } });
    await settle();
    expect(target.querySelector('nav [aria-current="page"]')?.textContent).toBe('14/');
    const viewer = target.querySelector(`[data-object-key="${zipped.key}"]`);
    expect(viewer?.textContent).toContain('ZIP (entry clicks-zip-1-2016-05-24-14-01-00-1b2c3d4e)');
    expect(viewer?.querySelector('pre')?.textContent).toContain('"page":"/p/1"');
  });

  it('says which object could not be opened, and keeps the listing', async () => {
    const { target } = browser(async () => {
      throw new Error('NoSuchKey: the object is gone');
    });
    const m = mounted.at(-1) as ReturnType<typeof mountPanel>;
    m.update({ selected: { bucket: 'bdlab-clicks', key: 'raw/missing' } });
    await settle();
    expect(target.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not open s3://bdlab-clicks/raw/missing: NoSuchKey: the object is gone',
    );
    expect(target.querySelector('table')).not.toBeNull();
  });
});

describe('ConsumersPanel', () => {
  it('charts every consumer and summarises Lambda and an overloaded Spark application', () => {
    const { target } = mount(ConsumersPanel, { consumers: [kclFixture(), lambdaFixture(), sparkFixture()] });
    expect(
      [...target.querySelectorAll('.legend [data-consumer]')].map((el) => el.getAttribute('data-consumer')),
    ).toEqual(['clicks-app', 'clicks-to-dynamo', 'clicks-windows']);
    const lambda = target.querySelector('[data-kind="lambda"]');
    expect(lambda?.textContent).toContain('Invocations');
    expect(lambda?.textContent).toContain('94.2');
    const spark = target.querySelector('[data-kind="spark"]');
    expect(spark?.querySelector('.verdict.warning')?.textContent).toContain('scheduling delay is growing');
  });

  it('says so when the scenario has no consumer', () => {
    const { target } = mount(ConsumersPanel, { consumers: [] });
    expect(target.textContent).toContain('This scenario has no consumer applications');
    expect(target.querySelector('svg')).toBeNull();
  });
});

describe('CostMeter', () => {
  it('lists each line with its source, the total, approximations and unpriced usage', () => {
    const cost = costFixture();
    const { target } = mount(CostMeter, { cost });
    const rows = [...target.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-cost-line'))).toEqual(cost.lines.map((l) => l.label));
    expect(rows[2]?.textContent).toContain('Source: firehose.ingestPerGb $0.035 per GB (S, SLIDES)');
    expect(rows[3]?.textContent).toContain('(approximate)');
    expect(target.querySelector('[data-total]')?.textContent).toBe('$0.008481');
    expect(target.textContent).toContain('Kinesis extended retention: the 2016 rate is unconfirmed');
  });
});
