// @vitest-environment jsdom
import { getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { KclWorkerAction } from './lease-board';
import LeasesBoard from './LeasesBoard.svelte';
import { kclFixture } from './panel-fixtures';
import { flush, mountPanel, type Mounted } from '../../shell/mount-for-test.svelte';

describe('LeasesBoard', () => {
  let mounted: Mounted<Record<string, unknown>> | undefined;
  afterEach(() => mounted?.destroy());

  function board(actions: KclWorkerAction[] = [], disabled = false) {
    const props = {
      consumer: kclFixture(),
      nowMs: 40_000,
      onAction: (a: KclWorkerAction) => actions.push(a),
      disabled,
    };
    mounted = mountPanel(LeasesBoard as never, props) as Mounted<Record<string, unknown>>;
    return mounted;
  }

  it('puts each lease in its owner’s column with its processor state', () => {
    const { target } = board();
    const worker1 = getByRole(target, 'region', { name: 'worker-1' });
    const leases = [...worker1.querySelectorAll('[data-lease]')].map((el) => [
      el.getAttribute('data-lease'),
      el.getAttribute('data-state'),
    ]);
    expect(leases).toEqual([
      ['shardId-000000000000', 'processing'],
      ['shardId-000000000003', 'waiting-for-parent'],
    ]);
    const worker3 = getByRole(target, 'region', { name: 'worker-3' });
    const closed = worker3.querySelector('[data-lease="shardId-000000000002"]');
    expect(closed?.getAttribute('data-state')).toBe('shard-end');
    expect(closed?.querySelector('.state')?.textContent).toBe('SHARD_END');
  });

  it('marks a crashed worker and the leases it can no longer renew', () => {
    const { target } = board();
    const worker2 = getByRole(target, 'region', { name: 'worker-2' });
    expect(within(worker2).getByText('crashed')).toBeTruthy();
    expect(queryByRole(worker2, 'button', { name: /crash/i })).toBeNull();
    const orphaned = worker2.querySelector('[data-lease]')!;
    expect(orphaned.classList.contains('orphaned')).toBe(true);
    // Not "processing": nobody reads a crashed worker's shard until another worker takes the lease.
    expect(orphaned.getAttribute('data-state')).toBe('owner-down');
    expect(orphaned.querySelector('.state')?.textContent).toBe('owner crashed');
    expect(orphaned.textContent).toContain('Held by a crashed worker');
  });

  it('says why the worker buttons are disabled once the run has ended', () => {
    const { target } = board([], true);
    const reason = 'The run has ended: restart the run (in the clock bar) to add or crash workers.';
    for (const name of ['Add worker', 'Crash worker worker-3']) {
      const button = getByRole(target, 'button', { name });
      expect(button).toHaveProperty('disabled', true);
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent?.trim()).toBe(
        reason,
      );
    }
  });

  it('asks the console to add or crash a worker', () => {
    const actions: KclWorkerAction[] = [];
    const { target } = board(actions);
    getByRole(target, 'button', { name: 'Add worker' }).click();
    getByRole(target, 'button', { name: 'Crash worker worker-3' }).click();
    expect(actions).toEqual([
      { action: 'addWorker', consumer: 'clicks-app' },
      { action: 'crashWorker', consumer: 'clicks-app', workerId: 'worker-3' },
    ]);
  });

  it('highlights a failover when a crashed worker’s lease moves, and a steal from a live worker', () => {
    const mounted = board();
    const fixture = kclFixture();
    const moved = fixture.leases.map((lease) =>
      lease.leaseKey === 'shardId-000000000001'
        ? { ...lease, leaseOwner: 'worker-1' }
        : lease.leaseKey === 'shardId-000000000004'
          ? { ...lease, leaseOwner: 'worker-1' }
          : lease,
    );
    mounted.update({ consumer: { ...fixture, leases: moved }, nowMs: 52_000 });
    flush();
    const failover = mounted.target.querySelector('[data-lease="shardId-000000000001"]');
    expect(failover?.classList.contains('failover')).toBe(true);
    expect(failover?.textContent).toContain('taken from crashed worker-2');
    const steal = mounted.target.querySelector('[data-lease="shardId-000000000004"]');
    expect(steal?.classList.contains('steal')).toBe(true);
    expect(steal?.textContent).toContain('Stolen from worker-3');
  });

  it('shows the lease-table scan and says KCL workers have no CLI of their own', () => {
    const { target } = board();
    expect(target.textContent).toContain('aws dynamodb scan --table-name clicks-app');
    expect(target.textContent).toContain('No AWS CLI call starts a KCL worker');
  });
});
