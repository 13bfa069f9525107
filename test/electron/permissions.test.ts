import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { BLOCKED_REQUEST_URL_PATTERNS, hardenSession } from '../../electron/app/harden.ts';
import { decidePermission, GRANTED_PERMISSIONS } from '../../electron/security/permissions.ts';

const permissions = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'midiSysex',
  'display-capture',
  'fileSystem',
  'unknown',
];

describe('permissions', () => {
  it('grants nothing', () => {
    expect(GRANTED_PERMISSIONS).toEqual([]);
    for (const permission of permissions) expect(decidePermission(permission)).toBe(false);
  });

  it('wires the session so requests, checks, devices and the network are all refused', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const onBeforeRequest = vi.fn();
    const session = {
      setPermissionRequestHandler: (h: (...args: never[]) => unknown) => (handlers.request = h),
      setPermissionCheckHandler: (h: (...args: never[]) => unknown) => (handlers.check = h),
      setDevicePermissionHandler: (h: (...args: never[]) => unknown) => (handlers.device = h),
      webRequest: { onBeforeRequest },
    } as unknown as Session;
    hardenSession(session);

    for (const permission of permissions) {
      const callback = vi.fn();
      (handlers.request as (c: null, p: string, cb: (granted: boolean) => void) => void)(
        null,
        permission,
        callback,
      );
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        (handlers.check as (c: null, p: string, o: string) => boolean)(null, permission, 'bdlab://app'),
      ).toBe(false);
    }
    expect((handlers.device as () => boolean)()).toBe(false);

    const [filter, listener] = onBeforeRequest.mock.calls[0] as [
      { urls: string[] },
      (details: unknown, callback: (response: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual([...BLOCKED_REQUEST_URL_PATTERNS]);
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'file://*/*']));
    const callback = vi.fn();
    listener({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
