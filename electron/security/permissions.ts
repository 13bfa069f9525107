/**
 * Web permissions the app grants. None: the simulator needs no camera, microphone, notifications,
 * geolocation, clipboard-read, MIDI, USB, serial, HID or anything else a page can request.
 */
export const GRANTED_PERMISSIONS: readonly string[] = [];

/** Answers `setPermissionRequestHandler` and `setPermissionCheckHandler`: granted only if listed (never). */
export function decidePermission(permission: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission);
}
