/**
 * The Pareto frontier as each party's gain over no agreement. Two parties: a scatter (one
 * party's gain across, the other's up; no agreement at the origin, the fairest package
 * ringed). More parties: a bar per party for each package. Points are numbered like the
 * table below, which is the chart's text alternative.
 */
import type { SettlePackage, SettleResult } from "@concord/app";

const W = 420;
const H = 310;
const PAD = 44;

export function FrontierChart({ s, numbered }: { s: SettleResult; numbered: readonly { p: SettlePackage; n: number }[] }) {
  const parties = s.parties;
  if (numbered.length === 0) return <p>No package is on the frontier.</p>;
  if (parties.length !== 2) return <Bars s={s} numbered={numbered} />;
  const [a, b] = [parties[0]!, parties[1]!];
  const xs = numbered.map(({ p }) => p.gains[a.id] ?? 0);
  const ys = numbered.map(({ p }) => p.gains[b.id] ?? 0);
  const span = (v: readonly number[]): [number, number] => [Math.min(0, ...v), Math.max(1, ...v)];
  const [x0, x1] = span(xs);
  const [y0, y1] = span(ys);
  const X = (v: number): number => PAD + ((v - x0) / (x1 - x0)) * (W - 2 * PAD);
  const Y = (v: number): number => H - PAD - ((v - y0) / (y1 - y0)) * (H - 2 * PAD);
  const fair = numbered.find(({ p }) => p.nash || p.kalaiSmorodinsky);
  const label = `The frontier: ${numbered.map(({ p, n }) => `package ${n}, ${a.label} gains ${p.gains[a.id] ?? 0} and ${b.label} ${p.gains[b.id] ?? 0}${p.stableUnder.length ? ", would hold" : ""}`).join("; ")}.`;
  const path = [...numbered].sort((u, v) => (u.p.gains[a.id] ?? 0) - (v.p.gains[a.id] ?? 0)).map(({ p }) => `${X(p.gains[a.id] ?? 0)},${Y(p.gains[b.id] ?? 0)}`);
  return (
    <figure className="frontier" data-testid="frontier-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} width={W} height={H}>
        <line x1={X(0)} y1={PAD / 2} x2={X(0)} y2={H - PAD} className="axis" />
        <line x1={PAD} y1={Y(0)} x2={W - PAD / 2} y2={Y(0)} className="axis" />
        <text x={W - PAD / 2} y={Y(0) + 16} textAnchor="end">
          {a.label}'s gain →
        </text>
        <text x={X(0) + 6} y={PAD / 2 + 4}>
          ↑ {b.label}'s gain
        </text>
        <text x={X(0) + 4} y={Y(0) + 30}>
          0 = no agreement
        </text>
        <polyline points={path.join(" ")} className="frontier-line" />
        {fair ? <circle cx={X(fair.p.gains[a.id] ?? 0)} cy={Y(fair.p.gains[b.id] ?? 0)} r={12} className="fair" /> : null}
        {numbered.map(({ p, n }) => {
          const cx = X(p.gains[a.id] ?? 0);
          const cy = Y(p.gains[b.id] ?? 0);
          // Shape as well as colour: a square holds (under some concept), a circle does not.
          return (
            <g key={n}>
              {p.stableUnder.length ? <rect x={cx - 5} y={cy - 5} width={10} height={10} className="holds" /> : <circle cx={cx} cy={cy} r={5} className="fails" />}
              <text x={cx + 9} y={cy - 8}>
                {n}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Each package on the frontier by what each side gains over no agreement (numbered as in the table below). Squares would hold, circles would not; the ring marks the
        fairest package (Nash and Kalai–Smorodinsky).
      </figcaption>
    </figure>
  );
}

function Bars({ s, numbered }: { s: SettleResult; numbered: readonly { p: SettlePackage; n: number }[] }) {
  const top = Math.max(1, ...numbered.flatMap(({ p }) => s.parties.map((q) => p.gains[q.id] ?? 0)));
  return (
    <figure data-testid="frontier-chart">
      <figcaption>What each side gains over no agreement, package by package (numbered as in the table below).</figcaption>
      {numbered.map(({ p, n }) => (
        <div key={n}>
          <h3>Package {n}</h3>
          <ul className="bars">
            {s.parties.map((q) => {
              const g = p.gains[q.id] ?? 0;
              return (
                <li key={q.id}>
                  <span>{q.label}</span>
                  <span className="bar" role="img" aria-label={`${q.label} gains ${g}`}>
                    <span style={{ width: `${Math.max(0, Math.round((g / top) * 100))}%` }} />
                  </span>
                  <span>{g}</span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </figure>
  );
}
