/**
 * The demo's public pages: the verifier, the catalogue, the issuer's page and a credential's
 * PDF certificate, each fetched as a browser would to show it answers, and returned as
 * absolute URLs on the running platform.
 */
export async function demoPages(
  baseUrl: string,
  institutionId: string,
  credentials: readonly { id: string; url: string; status: string }[],
  log: (message: string) => void,
): Promise<{ verify: string; catalogue: string; issuer: string; certificate: string | null }> {
  const active = credentials.find((credential) => credential.status === 'ACTIVE');
  const pages = {
    verify: `${baseUrl}/verify`,
    catalogue: `${baseUrl}/`,
    issuer: `${baseUrl}/issuers/${encodeURIComponent(institutionId)}`,
    certificate: active ? `${active.url}/certificate.pdf` : null,
  };
  for (const [name, url] of Object.entries(pages)) {
    if (!url) continue;
    const response = await fetch(url, { headers: { accept: 'text/html' } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`The ${name} page answered ${response.status} at ${url}`);
  }
  log(`public pages: ${pages.catalogue} (catalogue), ${pages.verify} (verifier)`);
  return pages;
}
