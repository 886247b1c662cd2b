// "Requests per day" drawn with uPlot (vendored): the requests as bars and the quota as a line.
import uPlot from './vendor/uplot/uPlot.esm.js';

let plot = null;
let resizing = null;

/** Draws `days` (yyyy-MM-dd), `requests` and `quota` (null where there is none) into `container`. */
export function drawRequests(container, days, requests, quota, labels) {
  const times = days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000);
  const width = Math.max(280, container.clientWidth || 600);
  const options = {
    width,
    height: 260,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(5, max * 1.1)] } },
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    series: [
      { label: labels.date },
      { label: labels.requests, stroke: '#6d28d9', fill: 'rgba(109, 40, 217, 0.25)', width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } },
      { label: labels.quota, stroke: '#be123c', width: 2, dash: [6, 4], points: { show: false } },
    ],
    axes: [{}, { label: labels.requests }],
  };
  if (plot) plot.destroy();
  container.replaceChildren();
  plot = new uPlot(options, [times, requests, quota], container);
  if (!resizing) {
    resizing = new ResizeObserver(() => {
      if (plot && container.clientWidth > 0) plot.setSize({ width: Math.max(280, container.clientWidth), height: 260 });
    });
    resizing.observe(container);
  }
  container.dataset.requests = JSON.stringify(requests);
  container.dataset.quota = JSON.stringify(quota);
}
