// The console's stats chart: grouped bars (held, approved, denied) per time bucket, drawn as
// SVG elements built one by one (no markup strings, no library). Colours come from classes
// in console.css.
const SVG = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * @param {HTMLElement} host   emptied and filled with one <svg>
 * @param {{buckets: {start, end, held, approved, denied}[]}} stats  from computeStats()
 * @param {{label: string, names: {held, approved, denied}, time: (ms) => string}} text
 */
export function drawChart(host, stats, { label, names, time }) {
  const W = 640, H = 220, L = 36, B = 28, T = 10, R = 8;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', class: 'chart-svg' });
  svg.append(el('title', {}, label));
  const rows = stats.buckets;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.held, r.approved, r.denied)));
  const plotW = W - L - R, plotH = H - T - B;
  const slot = plotW / rows.length;
  const bar = Math.max(2, (slot - 6) / 3);
  // Grid and y axis: 0, half, max.
  for (const f of [0, 0.5, 1]) {
    const y = T + plotH - f * plotH;
    svg.append(el('line', { x1: L, x2: W - R, y1: y, y2: y, class: 'grid' }));
    svg.append(el('text', { x: L - 4, y: y + 4, class: 'axis', 'text-anchor': 'end' }, String(Math.round(f * max))));
  }
  rows.forEach((r, i) => {
    const x0 = L + i * slot + 3;
    ['held', 'approved', 'denied'].forEach((kind, k) => {
      const h = (r[kind] / max) * plotH;
      const rect = el('rect', { x: x0 + k * bar, y: T + plotH - h, width: bar - 1, height: Math.max(0, h), class: `bar ${kind}` });
      rect.append(el('title', {}, `${time(r.start)}: ${names[kind]} ${r[kind]}`));
      svg.append(rect);
    });
  });
  // x axis: the first, middle and last bucket's start time.
  for (const i of [0, Math.floor(rows.length / 2), rows.length - 1]) {
    const anchor = i === 0 ? 'start' : i === rows.length - 1 ? 'end' : 'middle';
    const x = i === rows.length - 1 ? W - R : L + i * slot + (i === 0 ? 0 : slot / 2);
    svg.append(el('text', { x, y: H - 8, class: 'axis', 'text-anchor': anchor }, time(i === rows.length - 1 ? rows[i].end : rows[i].start)));
  }
  host.replaceChildren(svg);
  return svg;
}
