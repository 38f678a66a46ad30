/**
 * The largest price file the importer is offered: AWS's EC2 offer files run from about 0.5 GB (one
 * region) to about 9 GB (every region in one file; see scanner.ts), so 10 GiB admits every real file.
 * Serve mode refuses bigger uploads with 413 (main/transport/http/bodies.ts).
 */
export const MAX_PRICE_FILE_BYTES = 10 * 2 ** 30;
