// One bulk export in a process of its own (fhir-export-bench.ts starts it), so that its peak
// memory is the export's alone: `node fhir-export-child.js DATABASE_URL DIR` exports the only
// clinic to DIR with `knotwork export --ndjson`'s function and prints one JSON line: patients,
// resources, seconds, the process's peak resident set (getrusage maxRSS) and peak heap (sampled).
import { exportClinicNdjson, openDatabase } from '@knotwork/server';

const [databaseUrl, dir] = process.argv.slice(2);
if (!databaseUrl || !dir) throw new Error('usage: fhir-export-child DATABASE_URL DIR');

let peakHeap = 0;
const sample = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const sampler = setInterval(sample, 20);
const database = await openDatabase({ databaseUrl, dataDir: dir, poolSize: 2 });
try {
  const t0 = performance.now();
  const result = await exportClinicNdjson(database, {
    dir,
    publicBaseUrl: 'http://localhost:8080',
    now: Date.now,
    by: 'bench',
    onPage: sample,
  });
  const seconds = (performance.now() - t0) / 1000;
  sample();
  const resources = result.files.reduce((n, f) => n + f.count, 0);
  console.log(
    JSON.stringify({
      patients: result.patients,
      resources,
      seconds,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 1024 / 1024,
    }),
  );
} finally {
  clearInterval(sampler);
  await database.close();
}
