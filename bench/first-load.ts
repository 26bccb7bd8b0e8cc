/** JavaScript a browser downloads to show the home page: every script response, gzipped as a server would send it. */
import { gzipSync } from 'node:zlib';
import { launchBrowser, newPage } from '../e2e/helpers/browser.js';

export async function firstLoadJavaScript(base: string): Promise<{ kbGzip: number; files: number }> {
  const browser = await launchBrowser();
  try {
    const { page } = await newPage(browser, base);
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body());
    });
    await page.goto(`${base}/`, { waitUntil: 'networkidle' });
    const sizes = (await Promise.all(bodies)).map((body) => gzipSync(body).length);
    return { kbGzip: Math.round(sizes.reduce((a, b) => a + b, 0) / 102.4) / 10, files: sizes.length };
  } finally {
    await browser.close();
  }
}
