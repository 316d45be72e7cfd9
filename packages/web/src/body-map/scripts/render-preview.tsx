// Renders the body map and the site list to a static HTML page, to look at the drawing in a
// browser (or headless Chromium) without the app. Not part of the app or the tests:
//   npx esbuild packages/web/src/body-map/scripts/render-preview.tsx --bundle --platform=node \
//     --format=cjs --jsx=automatic --loader:.css=empty --outfile=/tmp/bm-preview.cjs
//   node /tmp/bm-preview.cjs /tmp/bm.html [both|front|back]   (from the repository root)
//   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/bm.png --window-size=1024,768 file:///tmp/bm.html
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { BodyMap, type BodyMapView } from '../BodyMap';
import { SiteList } from '../SiteList';
import type { PlanSite } from '../sites';

const [out = '/tmp/bm.html', view = 'both', cssDir = 'packages/web/src'] = process.argv.slice(2);
const sites: PlanSite[] = [
  { muscle: 'trapezius-upper', side: 'both' },
  { muscle: 'gluteus-medius-minimus', side: 'left' },
  { muscle: 'pectoralis', side: 'right' },
  { muscle: 'piriformis', side: 'right' },
  { muscle: 'temporalis', side: 'left' },
];
const css = ['styles/tokens.css', 'styles/base.css', 'body-map/body-map.css']
  .map((file) => readFileSync(join(cssDir, file), 'utf8'))
  .join('\n');
const body = renderToStaticMarkup(
  <main className="preview">
    <BodyMap
      sites={sites}
      onToggle={() => undefined}
      {...(view === 'both' ? {} : { view: view as BodyMapView })}
      highlight={(m) => (m === 'gluteus-medius-minimus' ? 'caution' : 'none')}
    />
    <SiteList sites={sites} onChange={() => undefined} />
  </main>,
);
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Body map preview</title>
<style>${css}
${view === 'both' ? '.preview { display: grid; grid-template-columns: 1fr 22rem; gap: 1rem; padding: 0.75rem; }' : '.bm-view { max-height: none; } .bm-figure-frame { max-width: none; } .bm-sites { display: none; }'}
</style></head><body>${body}</body></html>`;
writeFileSync(out, page);
console.log(`wrote ${out}`);
