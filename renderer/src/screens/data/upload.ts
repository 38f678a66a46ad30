import type { CallResult } from '@shared/contract';

/**
 * Serve mode: the browser has no file paths, so the file is streamed to main (POST ./upload, same
 * token cookie, as application/octet-stream: the server refuses other types) and resolves to the
 * upload id the server answers, which import.start takes as its `path` over HTTP (the server never
 * tells a browser its file paths). XHR, because fetch cannot report upload progress.
 */
export function uploadFile(
  file: File,
  onProgress: (sentBytes: number, totalBytes: number) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `./upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || file.size);
    xhr.onload = () => {
      try {
        const body = JSON.parse(xhr.responseText) as CallResult<{ uploadId: string }>;
        if (body.ok) resolve(body.value.uploadId);
        else reject(new Error(body.error.message));
      } catch {
        reject(new Error(`upload failed: HTTP ${xhr.status}`));
      }
    };
    xhr.onerror = () => reject(new Error('upload failed: the connection to the planner was lost'));
    xhr.onabort = () => reject(new Error('upload cancelled; the catalog was not changed'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/**
 * The date the person's file has (File.lastModified, which a browser sets to now when it knows none),
 * for import.start: the saved upload is dated the day it was uploaded.
 */
export function fileDate(file: File): { fileModifiedAt?: string } {
  const ms = file.lastModified;
  return Number.isFinite(ms) && ms > 0 ? { fileModifiedAt: new Date(ms).toISOString() } : {};
}
