const { aggregateReturns } = await import('/work/main/dist/src/pipeline.js');
const t = performance.now();
const r = await aggregateReturns([process.argv[2]], { levels: ['district','province'], prefer: 'built', byYear: false });
console.log('aggregateReturns', (performance.now() - t).toFixed(0), 'ms', process.memoryUsage().rss / 2**20 | 0, 'MiB rss', process.memoryUsage().heapUsed / 2**20 | 0, 'MiB heap');
