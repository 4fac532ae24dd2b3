// Shared wrapper for every email: plain, with no case content, names or links that
// would tell someone reading over a shoulder what the email is about.
export type Email = { subject: string; text: string; html: string };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderEmail(subject: string, paragraphs: string[]): Email {
  const text = `${paragraphs.join('\n\n')}\n`;
  const html = `<!doctype html><html lang="en"><body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</body></html>`;
  return { subject, text, html };
}
