import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/transport/http/bridge';
import { useServedPage } from '../support/serve-process';

const served = useServedPage({ beforeAll, afterAll, beforeEach, afterEach }, () => inject('catalogPath'));
const page = () => served.page();

interface Violation {
  directive: string;
  blocked: string;
}

/** Violations the page reported since the last call (collected by a listener set before any script). */
const violations = () =>
  page().evaluate(() => {
    const w = window as unknown as { __csp: Violation[] };
    return w.__csp.splice(0);
  });

describe('the Content-Security-Policy without unsafe-inline styles', () => {
  it('is what serve sends', async () => {
    const res = await page().goto(served.url());
    expect(res?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('is never violated on any screen, charts and tooltips included', async () => {
    const created = await served.api<{ id: string }>('scenarios.create', {
      document: {
        name: 'CSP mix',
        lines: [
          {
            id: 'web',
            name: 'Web',
            instanceType: 'm5.large',
            region: 'us-east-1',
            os: 'linux',
            usage: { pattern: 'constant', count: 4 },
            purchase: { model: 'on-demand' },
            volumes: [{ volumeType: 'gp3', sizeGiB: 100, count: 1 }],
          },
        ],
      },
    });
    await served.chooseScenario(created.id);
    await page().addInitScript(() => {
      const w = window as unknown as { __csp: Violation[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        w.__csp.push({ directive: e.violatedDirective, blocked: e.blockedURI }),
      );
    });
    const seen: Violation[] = [];

    await page().goto(served.url());
    await page().getByTestId('region-select').selectOption('us-east-1');
    await page().getByTestId('family-select').selectOption('m5');
    await page().getByTestId('instance-row').first().click();
    await page().getByTestId('price-options').waitFor();
    seen.push(...(await violations()));

    await page().goto(`${served.url()}#ebs`);
    await page().getByTestId('ebs-region').selectOption('us-east-1');
    for (const [id, value] of [
      ['ebs-capacity', '500'],
      ['ebs-iops', '12000'],
      ['ebs-throughput', '250'],
    ] as const) {
      await page().getByTestId(id).fill(value);
      await page().getByTestId(id).press('Tab');
    }
    await page().getByTestId('ebs-fit-chart').locator('svg path').first().waitFor();
    await page().getByTestId('ebs-fit-chart').hover();
    seen.push(...(await violations()));

    for (const screen of ['workloads', 'compare', 'plan']) {
      await page().goto(`${served.url()}#${screen}`);
      const chart = page().locator('svg.recharts-surface').first();
      await chart.waitFor();
      await chart.hover();
      seen.push(...(await violations()));
    }
    await page().goto(`${served.url()}#data`);
    await page().getByTestId('data-status').waitFor();
    seen.push(...(await violations()));

    // zod probes once whether eval is allowed (it is not: script-src 'self') and works without it.
    expect(seen.filter((v) => !(v.directive === 'script-src' && v.blocked === 'eval'))).toEqual([]);
  });
});
