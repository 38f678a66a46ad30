/** Export formats, their file extensions and MIME types; shared by the contract, the CLI and the dialog. */
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export const MIME_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** What `reports.render` returns: the file's bytes as base64, ready for a Blob download. */
export interface RenderedReport {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The format a file name asks for by its extension, or null for any other. */
export function formatFromFileName(fileName: string): ReportFormat | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (REPORT_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as ReportFormat) : null;
}

/** "web-and-batch-2026-11-24.pdf": safe on every file system. */
export function reportFileName(scenarioName: string, producedAt: string, format: ReportFormat): string {
  const slug =
    scenarioName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '-')
      .slice(0, 60)
      .replace(/-+$/, '') || 'scenario';
  return `${slug}-cost-report-${producedAt.slice(0, 10)}.${format}`;
}
