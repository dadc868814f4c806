/**
 * A choice of one option's value — either, one of its alternatives, or taken / not taken —
 * used to filter states and to name a target by option values.
 */
import type { OptionSummary } from "@concord/app";

export function OptionValuePick({
  option: o,
  owner,
  value,
  onChange,
  words,
  described = false,
}: {
  option: OptionSummary;
  owner: string;
  value: string;
  onChange: (value: string) => void;
  /** How a yes/no option's two values read. */
  words: { readonly yes: string; readonly no: string };
  /** Give the label a tooltip and the list a name that says whose option it is. */
  described?: boolean;
}) {
  return (
    <label {...(described ? { title: o.label } : {})}>
      <span>
        {owner}: {o.label}
      </span>
      <select value={value} onChange={(e) => onChange(e.target.value)} {...(described ? { "aria-label": `${o.label} (${owner})` } : {})}>
        <option value="">either</option>
        {o.alternatives ? (
          o.alternatives.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))
        ) : (
          <>
            <option value="Y">{words.yes}</option>
            <option value="N">{words.no}</option>
          </>
        )}
      </select>
    </label>
  );
}
