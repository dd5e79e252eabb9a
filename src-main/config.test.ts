import { describe, expect, it } from 'vitest';
import { databasePath, userDataDir } from './config';

// The folders the README names, for each platform, whatever platform the test runs on.
describe('the user-data folder', () => {
  it('Linux: ~/.config/lrscope, or under $XDG_CONFIG_HOME', () => {
    expect(databasePath(undefined, { platform: 'linux', env: {}, home: '/home/ada' })).toBe('/home/ada/.config/lrscope/lrscope.sqlite');
    expect(userDataDir({ platform: 'linux', env: { XDG_CONFIG_HOME: '/data/cfg' }, home: '/home/ada' })).toBe('/data/cfg/lrscope');
  });

  it('macOS: ~/Library/Application Support/lrscope', () => {
    expect(databasePath(undefined, { platform: 'darwin', env: {}, home: '/Users/ada' })).toBe('/Users/ada/Library/Application Support/lrscope/lrscope.sqlite');
  });

  it('Windows: %APPDATA%\\lrscope, with backslashes', () => {
    const env = { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' };
    expect(databasePath(undefined, { platform: 'win32', env, home: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\lrscope\\lrscope.sqlite');
    expect(userDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ada' })).toBe('C:\\Users\\ada\\AppData\\Roaming\\lrscope');
  });

  it('--db wins over $LRSCOPE_DB, which wins over the folder; LRSCOPE_USER_DATA moves the folder', () => {
    const machine = { platform: 'linux' as const, env: { LRSCOPE_DB: '/tmp/env.sqlite' }, home: '/home/ada' };
    expect(databasePath('D:\\runs.sqlite', machine)).toBe('D:\\runs.sqlite');
    expect(databasePath(undefined, machine)).toBe('/tmp/env.sqlite');
    expect(databasePath(undefined, { platform: 'darwin', env: { LRSCOPE_USER_DATA: '/tmp/u' }, home: '/Users/ada' })).toBe('/tmp/u/lrscope.sqlite');
  });
});
