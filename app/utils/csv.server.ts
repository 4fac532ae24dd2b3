// CSV files for spreadsheet programs, written by csv-stringify: UTF-8 with a byte order
// mark (so Excel reads "’" and "é" right) and every cell that a spreadsheet would run as a
// formula (starting = + - @, tab or return) prefixed with a quote. Rows come in batches
// from `next`, so a large file is streamed, never held whole.
import { stringify } from 'csv-stringify/sync';

export function csvResponse<T extends Record<string, string>>(
  fileName: string,
  columns: { key: keyof T & string; header: string }[],
  next: () => T[] | null,
): Response {
  let first = true;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const rows = next();
      if (rows === null && !first) return controller.close();
      controller.enqueue(encoder.encode(stringify(rows ?? [], { header: first, bom: first, columns, escape_formulas: true, record_delimiter: 'windows' })));
      first = false;
      if (rows === null) controller.close();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** A small file whose rows are all made already: sent in one batch. */
export function csvOf<T extends Record<string, string>>(fileName: string, columns: { key: keyof T & string; header: string }[], rows: T[]): Response {
  let left: T[] | null = rows;
  return csvResponse(fileName, columns, () => {
    const out = left;
    left = null;
    return out;
  });
}
