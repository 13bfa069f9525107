import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { senderFactsOf } from '../../electron/app/ipc-handlers.ts';
import { checkIpcSender } from '../../electron/security/ipc-sender.ts';

const good = { frameUrl: 'bdlab://app/index.html#/calculators', isMainFrame: true, isAppWindow: true };

describe('checkIpcSender', () => {
  it('accepts the main frame of the app window on the app origin', () => {
    expect(checkIpcSender(good)).toEqual({ ok: true, value: true });
  });

  it.each([
    ['a foreign origin', { ...good, frameUrl: 'https://evil.example/' }, 'accepted only from bdlab://app'],
    [
      'file://',
      { ...good, frameUrl: 'file:///work/main/dist/web/index.html' },
      'accepted only from bdlab://app',
    ],
    [
      'another bdlab host',
      { ...good, frameUrl: 'bdlab://evil/index.html' },
      'accepted only from bdlab://app',
    ],
    [
      'a look-alike with credentials',
      { ...good, frameUrl: 'bdlab://x@app/' },
      'accepted only from bdlab://app',
    ],
    ['about:blank', { ...good, frameUrl: 'about:blank' }, 'accepted only from bdlab://app'],
    ['a subframe', { ...good, isMainFrame: false }, 'top frame'],
    ['another window', { ...good, isAppWindow: false }, 'Big Data Day Lab window'],
    ['a destroyed frame', { ...good, frameUrl: null }, 'no longer exists'],
  ])('refuses %s', (_name, facts, reason) => {
    const result = checkIpcSender(facts);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('IpcSenderRefused');
      expect(result.error.message).toContain(reason);
    }
  });
});

describe('senderFactsOf', () => {
  const appContents = { isDestroyed: () => false } as unknown as WebContents;
  const event = (fields: Record<string, unknown>) => fields as unknown as IpcMainInvokeEvent;

  it('reads the frame URL, whether it is a top frame, and whether it is the app window', () => {
    const top = { url: 'bdlab://app/index.html', parent: null };
    expect(senderFactsOf(event({ sender: appContents, senderFrame: top }), appContents)).toEqual(
      good && {
        frameUrl: 'bdlab://app/index.html',
        isMainFrame: true,
        isAppWindow: true,
      },
    );
    const child = { url: 'bdlab://app/frame.html', parent: top };
    expect(senderFactsOf(event({ sender: appContents, senderFrame: child }), appContents).isMainFrame).toBe(
      false,
    );
    const other = { isDestroyed: () => false } as unknown as WebContents;
    expect(senderFactsOf(event({ sender: other, senderFrame: top }), appContents).isAppWindow).toBe(false);
    expect(senderFactsOf(event({ sender: appContents, senderFrame: top }), undefined).isAppWindow).toBe(
      false,
    );
  });

  it('treats a disposed frame as gone', () => {
    const disposed = {
      sender: appContents,
      get senderFrame() {
        throw new Error('Render frame was disposed');
      },
    };
    expect(senderFactsOf(disposed as unknown as IpcMainInvokeEvent, appContents).frameUrl).toBeNull();
    expect(senderFactsOf(event({ sender: appContents, senderFrame: null }), appContents).frameUrl).toBeNull();
  });
});
