// Bar charts drawn on the server as SVG: no chart script reaches the browser. d3-scale does
// the arithmetic (bar lengths, rounded axis steps). Each chart has a title and a
// description screen readers announce, and the same figures in a table beside it.
import { scaleLinear } from 'd3-scale';

export type Bar = { label: string; value: number | null; text: string };

// Drawn 400 wide and scaled to the column (at most 520 px, CSS): text stays readable from a
// 320 px phone (about 11 px) to a desktop (about 19 px).
const WIDTH = 400;
const ROW = 42; // a label line, then the bar
const BAR = 16;
const VALUE_ROOM = 105; // room after the longest bar for its figure ("fewer than 5")
const AXIS = 22;

/** Horizontal bars, each labelled above; a hidden (small) value has no bar, only its words. */
export function BarChart({
  id,
  title,
  description,
  bars,
  valueHeading = 'Number',
}: {
  id: string;
  title: string;
  description: string;
  bars: Bar[];
  valueHeading?: string;
}) {
  if (!bars.length)
    return (
      <>
        <h3 className="govuk-heading-s">{title}</h3>
        <p className="govuk-body">None in this period.</p>
      </>
    );
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  const x = scaleLinear()
    .domain([0, max])
    .nice(4)
    .range([0, WIDTH - VALUE_ROOM]);
  const ticks = x.ticks(4).filter(Number.isInteger);
  const height = bars.length * ROW + AXIS;
  return (
    <figure className="app-chart">
      <svg
        className="app-chart__svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t} aria-hidden="true">
            <line x1={x(t)} x2={x(t)} y1={0} y2={height - AXIS + 4} className="app-chart__grid" />
            <text x={x(t)} y={height - 6} textAnchor={t === 0 ? 'start' : 'middle'} className="app-chart__tick">
              {t.toLocaleString('en-GB')}
            </text>
          </g>
        ))}
        {bars.map((b, i) => {
          const y = i * ROW;
          const length = b.value === null ? 0 : x(b.value);
          return (
            <g key={b.label} aria-hidden="true">
              <text x={0} y={y + 15} className="app-chart__label">
                {b.label}
              </text>
              {length > 0 ? <rect x={0} y={y + 20} width={length} height={BAR} className="app-chart__bar" /> : null}
              <text x={length + 5} y={y + 33} className={b.value === null ? 'app-chart__value app-chart__value--hidden' : 'app-chart__value'}>
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="govuk-details app-chart__table">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Show the figures as a table</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  What
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  {valueHeading}
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {bars.map((b) => (
                <tr key={b.label} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">
                    {b.label}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{b.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
