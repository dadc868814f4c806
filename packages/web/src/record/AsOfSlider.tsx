/** The as-of slider: a day between the record's first entry and the scenario's own day, by keyboard or pointer. */
import { useId } from "react";

const DAY = 86_400_000;
const toNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);
const words = (iso: string): string => new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function AsOfSlider({ first, last, value, onChange }: { first: string; last: string; value: string; onChange: (day: string) => void }) {
  const id = useId();
  const min = toNumber(first);
  const max = toNumber(last);
  return (
    <div className="as-of-slider">
      <label htmlFor={id}>As of</label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={1}
        value={Math.min(max, Math.max(min, toNumber(value)))}
        aria-valuetext={words(value)}
        onChange={(e) => onChange(toIso(Number(e.target.value)))}
      />
      <output htmlFor={id} aria-live="polite">
        {words(value)}
      </output>
      {value !== last && (
        <button type="button" onClick={() => onChange(last)}>
          Back to {words(last)}
        </button>
      )}
    </div>
  );
}
