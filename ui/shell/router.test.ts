// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { Router } from './router.svelte';

describe('Router', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '#/');
  });

  it('follows the hash as the learner navigates', () => {
    const router = new Router(window);
    expect(router.route.page).toBe('agenda');
    window.location.hash = '#/settings';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(router.route.page).toBe('settings');
  });

  it('replaces the current page’s parameters without a new history entry', () => {
    window.history.replaceState(null, '', '#/calculators');
    const router = new Router(window);
    const entries = window.history.length;
    router.replaceParams('calculators', { calc: 'emr', 'emr.instanceCount': '10' });
    expect(window.location.hash).toBe('#/calculators?calc=emr&emr.instanceCount=10');
    expect(router.route.params).toEqual({ calc: 'emr', 'emr.instanceCount': '10' });
    expect(window.history.length).toBe(entries);
  });

  it('ignores parameters meant for a page that is no longer shown', () => {
    window.history.replaceState(null, '', '#/settings');
    const router = new Router(window);
    router.replaceParams('calculators', { calc: 'emr' });
    expect(window.location.hash).toBe('#/settings');
  });
});
