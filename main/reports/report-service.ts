import type { RenderedReport } from '@shared/reports/formats';
import type { Report } from '@shared/reports/model';
import type { Scenario } from '@shared/scenario/schema';
import type { CatalogService } from '../catalog/catalog-service';
import type { PriceBookService } from '../pricing/price-book-service';
import { buildScenarioReport } from './build';
import type { PdfRenderer } from './pdf';
import { renderReport, type RenderedFile, type RenderOptions } from './render';

/** Reports over the catalog: build the model, render it in a format (PDF through the injected renderer). */
export function createReportService(deps: {
  catalog: CatalogService;
  priceBook: PriceBookService;
  renderPdf: PdfRenderer;
}) {
  const file = (scenario: Scenario, opts: RenderOptions): Promise<RenderedFile> =>
    renderReport(buildScenarioReport(scenario, deps), opts, deps.renderPdf);
  return {
    build: (scenario: Scenario, producedAt?: Date): Report => buildScenarioReport(scenario, deps, producedAt),
    /** The file's bytes (CLI). */
    file,
    /** The contract's shape: base64 for a Blob download in the renderer. */
    async render(scenario: Scenario, opts: RenderOptions): Promise<RenderedReport> {
      const f = await file(scenario, opts);
      return { fileName: f.fileName, mimeType: f.mimeType, base64: f.bytes.toString('base64') };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
