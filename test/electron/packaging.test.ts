import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config.ts';

const root = resolve(import.meta.dirname, '../..');
const builderConfig = JSON.parse(readFileSync(resolve(root, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
> & { electronFuses: Record<string, boolean>; files: string[] };
const packageJson = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { main: string };

describe('electron-builder.json', () => {
  it('flips every Electron fuse the security model relies on', () => {
    expect(builderConfig.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(builderConfig.asar).toBe(true);
  });

  it('packages only the built shell and renderer', () => {
    expect(builderConfig.files).toEqual(
      expect.arrayContaining(['out/**/*', 'dist/web/**/*', '!node_modules/**/*']),
    );
    expect(builderConfig.files.filter((pattern) => !pattern.startsWith('!'))).toEqual([
      'out/**/*',
      'dist/web/**/*',
    ]);
  });

  it('names the product and builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(builderConfig.productName).toBe('Big Data Day Lab');
    expect(builderConfig.appId).toMatch(/^[a-z]+(\.[a-z0-9]+)+$/);
    expect(builderConfig.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(builderConfig.mac).toMatchObject({ target: ['dmg'] });
    expect(builderConfig.win).toMatchObject({ target: ['nsis'] });
  });

  it('is accepted by electron-builder’s own schema (a misspelt fuse would be refused)', async () => {
    const requireFromBuilder = createRequire(
      createRequire(import.meta.url).resolve('electron-builder/package.json'),
    );
    const { validateConfiguration } = requireFromBuilder('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = requireFromBuilder('builder-util') as {
      DebugLogger: new (enabled: boolean) => unknown;
    };
    await expect(validateConfiguration(builderConfig, new DebugLogger(false))).resolves.toBeUndefined();
    const misspelt = { ...builderConfig, electronFuses: { ...builderConfig.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow('electronFuses');
  }, 20_000);
});

describe('electron.vite.config.ts', () => {
  type Build = {
    outDir?: string;
    externalizeDeps?: boolean;
    rolldownOptions?: { output?: Record<string, unknown> };
  };
  const config = electronViteConfig as {
    main?: { build?: Build };
    preload?: { build?: Build };
    renderer?: unknown;
  };

  it('builds main to the file package.json names as the entry point', () => {
    expect(config.main?.build?.outDir).toBe('out/main');
    expect(config.main?.build?.rolldownOptions?.output).toMatchObject({ entryFileNames: '[name].js' });
    expect(packageJson.main).toBe('out/main/main.js');
    expect(config.main?.build?.externalizeDeps).toBe(false);
  });

  it('builds the preload as one self-contained CommonJS file, as a sandboxed preload must be', () => {
    expect(config.preload?.build?.outDir).toBe('out/preload');
    expect(config.preload?.build?.externalizeDeps).toBe(false);
    expect(config.preload?.build?.rolldownOptions?.output).toMatchObject({
      format: 'cjs',
      entryFileNames: '[name].cjs',
      codeSplitting: false,
    });
    expect(readFileSync(resolve(root, 'electron/main.ts'), 'utf8')).toContain("'preload', 'preload.cjs'");
  });

  it('leaves the renderer to the shared vite build', () => {
    expect(config.renderer).toBeUndefined();
  });
});
