/** How every report format shows a figure that could not be priced: "n/a", never 0. */
export const NA = 'n/a';
/** The same in HTML, styled as missing. */
export const NA_HTML = `<span class="na">${NA}</span>`;
/** A spreadsheet cell: the figure as a number, or n/a. */
export const numberOrNa = (v: string | null): number | string => (v === null ? NA : Number(v));
