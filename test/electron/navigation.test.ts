import type { WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents } from '../../electron/app/harden.ts';
import { decideNavigation, WINDOW_OPEN_RESPONSE } from '../../electron/security/navigation.ts';

describe('decideNavigation', () => {
  it('keeps the window on its page for every URL, the app’s own included', () => {
    for (const url of [
      'bdlab://app/index.html',
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:void 0',
    ]) {
      expect(decideNavigation(url).allowInApp).toBe(false);
    }
  });

  it('hands allow-listed https links to the system browser and nothing else', () => {
    expect(decideNavigation('https://docs.aws.amazon.com/kinesis/')).toEqual({
      allowInApp: false,
      openExternally: 'https://docs.aws.amazon.com/kinesis/',
    });
    expect(decideNavigation('https://example.com/')).toEqual({ allowInApp: false });
    expect(decideNavigation('http://docs.aws.amazon.com/')).toEqual({ allowInApp: false });
  });

  it('answers window.open with deny', () => {
    expect(WINDOW_OPEN_RESPONSE).toEqual({ action: 'deny' });
  });
});

/** A stand-in webContents that records the handlers main installs. */
function fakeContents() {
  const listeners = new Map<string, (event: unknown) => void>();
  let windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
      windowOpenHandler = handler;
    },
    on: (name: string, listener: (event: unknown) => void) => {
      listeners.set(name, listener);
      return contents;
    },
  };
  const emit = (name: string, fields: Record<string, unknown>) => {
    const event = { preventDefault: vi.fn(), ...fields };
    listeners.get(name)?.(event);
    return event.preventDefault;
  };
  return {
    contents: contents as unknown as WebContents,
    emit,
    open: (url: string) => windowOpenHandler?.({ url }),
  };
}

describe('hardenWebContents', () => {
  it('denies window.open and opens allow-listed links externally', () => {
    const openExternal = vi.fn(async () => undefined);
    const fake = fakeContents();
    hardenWebContents(fake.contents, openExternal);
    expect(fake.open('https://aws.amazon.com/emr/')).toEqual({ action: 'deny' });
    expect(fake.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://aws.amazon.com/emr/']]);
  });

  it('prevents every navigation and redirect, and only opens allow-listed links', () => {
    const openExternal = vi.fn(async () => undefined);
    const fake = fakeContents();
    hardenWebContents(fake.contents, openExternal);
    expect(fake.emit('will-navigate', { url: 'https://evil.example/' })).toHaveBeenCalled();
    expect(fake.emit('will-navigate', { url: 'bdlab://app/other.html' })).toHaveBeenCalled();
    expect(fake.emit('will-navigate', { url: 'https://docs.aws.amazon.com/' })).toHaveBeenCalled();
    expect(fake.emit('will-redirect', { url: 'bdlab://app/index.html' })).toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([['https://docs.aws.amazon.com/']]);
  });

  it('prevents subframe navigation and refuses to attach a <webview>', () => {
    const fake = fakeContents();
    hardenWebContents(
      fake.contents,
      vi.fn(async () => undefined),
    );
    expect(
      fake.emit('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false }),
    ).toHaveBeenCalled();
    expect(fake.emit('will-attach-webview', {})).toHaveBeenCalled();
  });
});
