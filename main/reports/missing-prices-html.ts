import type { Report } from '@shared/reports/model';
import { escapeHtml as e } from './escape';

/**
 * The report's missing prices: one item per family, with its scopes, its way out (on the app's Data
 * screen), the lines it concerns and what it leaves unpriced, each named once.
 */
export function missingPricesSection(report: Report): string {
  if (report.missingPrices.length === 0) return '';
  const items = report.missingPrices.map(
    (m) =>
      `<li data-family="${e(m.family)}"><strong>${e(m.title)}</strong> (${e(m.scopes)}) — ${e(m.wayOut)} (on the app's Data screen).${m.lineNames.length ? ` Lines: ${e(m.lineNames.join(', '))}.` : ''}${
        m.options.length
          ? ` ${m.family === 'instance-type' ? 'Types' : 'Not priced'}: ${e(m.options.join('; '))}.`
          : ''
      }</li>`,
  );
  return `<h2>Prices not in this catalog</h2>\n<ul class="warnings">${items.join('\n')}</ul>`;
}
