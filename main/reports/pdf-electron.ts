import { BrowserWindow } from 'electron';
import type { PdfRenderer } from './pdf';

const MM_PER_INCH = 25.4;
const inches = (mm: number) => mm / MM_PER_INCH;

/**
 * The desktop app's PDF renderer: Electron's own Chromium prints the report HTML in a hidden,
 * sandboxed window with no preload and JavaScript off (the report has no scripts).
 */
export const renderPdfWithElectron: PdfRenderer = async (html, paper, footerTemplate) => {
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  try {
    await win.loadURL('data:text/html;charset=utf-8,' + encodeURIComponent(html));
    return await win.webContents.printToPDF({
      pageSize: paper === 'a4' ? 'A4' : 'Letter',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate,
      margins: { top: inches(14), bottom: inches(16), left: inches(12), right: inches(12) },
    });
  } finally {
    win.destroy();
  }
};
