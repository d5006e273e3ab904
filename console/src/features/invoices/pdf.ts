import { session } from '../../lib/session.ts';

/**
 * Downloads a PDF the API serves at `path` (an invoice's or a credit note's) as `filename`: fetched
 * with the session's token, which a plain link could not send. Returns the HTTP status of a refusal,
 * or null once downloaded.
 */
export async function downloadPdf(path: string, filename: string): Promise<number | null> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  if (!response.ok) return response.status;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return null;
}
