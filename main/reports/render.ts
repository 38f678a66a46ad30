import type { Report } from '@shared/reports/model';
import { MIME_TYPES, type PaperSize, type ReportFormat, reportFileName } from '@shared/reports/formats';
import { reportCsv } from './csv';
import { reportJson } from './json';
import type { PdfRenderer } from './pdf';

export interface RenderOptions {
  format: ReportFormat;
  paper?: PaperSize;
  csvBom?: boolean;
}

export interface RenderedFile {
  fileName: string;
  mimeType: string;
  bytes: Buffer;
}

/**
 * One report model, any format; the exporters only render what the model holds. The XLSX writer
 * (exceljs) and the HTML/SVG-chart pages for PDF are loaded on first use, so a process that never
 * renders one (a CLI price lookup, serve until someone exports) does not load them.
 */
export async function renderReport(
  report: Report,
  opts: RenderOptions,
  renderPdf: PdfRenderer,
): Promise<RenderedFile> {
  const base = {
    fileName: reportFileName(report.scenarioName, report.producedAt, opts.format),
    mimeType: MIME_TYPES[opts.format],
  };
  switch (opts.format) {
    case 'json':
      return { ...base, bytes: Buffer.from(reportJson(report), 'utf8') };
    case 'csv':
      return { ...base, bytes: Buffer.from(reportCsv(report, { bom: opts.csvBom ?? false }), 'utf8') };
    case 'xlsx': {
      const { reportXlsx } = await import('./xlsx');
      return { ...base, bytes: await reportXlsx(report) };
    }
    case 'pdf': {
      const { footerTemplate, reportHtml } = await import('./html');
      const paper = opts.paper ?? 'a4';
      return { ...base, bytes: await renderPdf(reportHtml(report, paper), paper, footerTemplate(report)) };
    }
  }
}
