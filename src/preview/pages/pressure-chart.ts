import type { PopulationSummary } from '../../watch/population-summary.js';
import { formatShare } from '../describe.js';
import { html, type SafeHtml } from '../html.js';

const width = 680;
const height = 300;
const margin = { top: 36, right: 16, bottom: 44, left: 56 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/** The tops of the value axis to choose from: the first above the tallest bar. */
const axisTops = [0.05, 0.1, 0.2, 0.25, 0.5, 0.75, 1];

/**
 * The weekly contact pressure as an inline SVG bar chart: for each count
 * of messages a week (0 to 5+), the share of member-weeks, for all
 * messages and for marketing only, with the over-contact limit marked.
 */
export function pressureChart(summary: PopulationSummary): SafeHtml {
  const { all, marketing } = summary.pressure;
  const buckets = all.histogram.map((bar, index) => ({
    bucket: bar.bucket,
    all: bar.share,
    marketing: marketing.histogram[index]?.share ?? 0,
  }));
  const tallest = Math.max(
    ...buckets.flatMap((bar) => [bar.all, bar.marketing]),
  );
  const top = axisTops.find((candidate) => candidate >= tallest) ?? 1;
  const y = (share: number) => margin.top + plotHeight * (1 - share / top);
  const slot = plotWidth / Math.max(buckets.length, 1);
  const barWidth = Math.min(34, slot * 0.36);
  const slotLeft = (index: number) => margin.left + slot * index;
  const limitX = slotLeft(Math.min(all.limit + 1, buckets.length));

  const bar = (share: number, x: number, style: string) =>
    html`<rect
        class="${style}"
        x="${x.toFixed(1)}"
        y="${y(share).toFixed(1)}"
        width="${barWidth.toFixed(1)}"
        height="${(margin.top + plotHeight - y(share)).toFixed(1)}"
        ><title>${formatShare(share)}</title></rect
      ><text
        x="${(x + barWidth / 2).toFixed(1)}"
        y="${(y(share) - 4).toFixed(1)}"
        text-anchor="middle"
        >${barLabel(share)}</text
      >`;

  return html`<svg
    class="chart"
    viewBox="0 0 ${width} ${height}"
    role="img"
    aria-labelledby="chart-title"
  >
    <title id="chart-title">
      Share of member-weeks by messages received in the week
    </title>
    ${[0, 0.25, 0.5, 0.75, 1].map((step) => {
      const value = top * step;
      return html`<line
          class="grid"
          x1="${margin.left}"
          x2="${width - margin.right}"
          y1="${y(value).toFixed(1)}"
          y2="${y(value).toFixed(1)}"
        /><text
          x="${margin.left - 8}"
          y="${(y(value) + 4).toFixed(1)}"
          text-anchor="end"
          >${Math.round(value * 100)} %</text
        >`;
    })}
    <line
      class="axis"
      x1="${margin.left}"
      x2="${width - margin.right}"
      y1="${margin.top + plotHeight}"
      y2="${margin.top + plotHeight}"
    />
    ${buckets.map((bucket, index) => {
      const middle = slotLeft(index) + slot / 2;
      return html`${bar(bucket.all, middle - barWidth - 2, 'bar-all')}
        ${bar(bucket.marketing, middle + 2, 'bar-marketing')}
        <text
          x="${middle.toFixed(1)}"
          y="${margin.top + plotHeight + 18}"
          text-anchor="middle"
          >${bucket.bucket}</text
        >`;
    })}
    <text
      x="${margin.left + plotWidth / 2}"
      y="${height - 6}"
      text-anchor="middle"
    >
      messages in a week
    </text>
    ${
      all.limit + 1 < buckets.length &&
      html`<line
          class="limit"
          x1="${limitX.toFixed(1)}"
          x2="${limitX.toFixed(1)}"
          y1="${margin.top - 8}"
          y2="${margin.top + plotHeight}"
        /><text x="${(limitX + 6).toFixed(1)}" y="${margin.top - 12}"
          >over ${all.limit} a week →</text
        >`
    }
    <rect class="bar-all" x="${margin.left}" y="8" width="12" height="12" />
    <text x="${margin.left + 18}" y="18">all messages</text>
    <rect
      class="bar-marketing"
      x="${margin.left + 130}"
      y="8"
      width="12"
      height="12"
    />
    <text x="${margin.left + 148}" y="18">marketing only</text>
  </svg>`;
}

/** A bar's value in percent; tiny shares are not rounded away to 0.0. */
function barLabel(share: number): string {
  if (share === 0) return '';
  return share < 0.0005 ? '<0.1' : (share * 100).toFixed(1);
}
