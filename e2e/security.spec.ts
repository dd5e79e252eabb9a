import { expect, test } from './fixtures';

test.describe('browser mode API', () => {
  test.skip(({ shell }) => shell !== 'browser', 'browser mode only');

  test('refuses requests without the token, with a wrong token, and with a foreign Host or Origin', async ({ app, request }) => {
    const { origin, token } = app.server!;
    const noToken = await request.get(`${origin}/api/info`);
    expect(noToken.status()).toBe(401);
    expect((await noToken.json()).message).toContain('token');

    const wrong = await request.get(`${origin}/api/info`, { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status()).toBe(401);

    const ok = await request.get(`${origin}/api/info`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    const info = await ok.json();
    expect(info.databasePath).toBe(app.dbFile);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);

    const foreignHost = await request.get(`${origin}/api/info`, {
      headers: { Authorization: `Bearer ${token}`, Host: 'evil.example:80' },
    });
    expect(foreignHost.status()).toBe(403);

    const foreignOrigin = await request.post(`${origin}/api/runs.list`, {
      headers: { Authorization: `Bearer ${token}`, Origin: 'http://evil.example' },
      data: {},
    });
    expect(foreignOrigin.status()).toBe(403);

    const bad = await request.post(`${origin}/api/runs.rename`, {
      headers: { Authorization: `Bearer ${token}` },
      data: { id: 'x', name: '' },
    });
    expect(bad.status()).toBe(400);
    const body = await bad.json();
    expect(body.issues.map((i: { field: string }) => i.field).sort()).toEqual(['id', 'name']);
  });

  test('the page strips the token from the address bar and keeps working', async ({ app }) => {
    await expect(app.page.getByRole('heading', { name: 'Start by bringing in a run or a schedule' })).toBeVisible();
    expect(app.page.url()).not.toContain('token=');
    await app.page.reload();
    await expect(app.page.getByRole('heading', { name: 'Start by bringing in a run or a schedule' })).toBeVisible();
  });
});
