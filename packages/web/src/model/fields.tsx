/** Form fields for the model editor: a text field that commits while you type (debounced) and shows the validator's messages for its place. */
import { useEffect, useId, useRef, useState } from "react";
import type { Problem } from "@concord/app";

export function TextField({ label, value, onCommit, problems, hint, wide }: { label: string; value: string; onCommit: (v: string) => void; problems: readonly Problem[]; hint?: string; wide?: boolean }) {
  const id = useId();
  const [v, setV] = useState(value);
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  // Follow the model when it changes from elsewhere, not while the user types here.
  useEffect(() => {
    if (!focused.current) setV(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (): void => {
    clearTimeout(timer.current);
    if (pending.current !== null && pending.current !== value) onCommit(pending.current);
    pending.current = null;
  };
  const invalid = problems.length > 0;
  return (
    <div className={`field${wide ? " wide" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={v}
        spellCheck={false}
        aria-invalid={invalid}
        aria-describedby={invalid || hint ? `${id}-msg` : undefined}
        onFocus={() => (focused.current = true)}
        onBlur={() => {
          focused.current = false;
          commit();
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
        onChange={(e) => {
          setV(e.target.value);
          pending.current = e.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(commit, 80);
        }}
      />
      {invalid || hint ? (
        <span id={`${id}-msg`} className={invalid ? "field-error" : "muted"} role={invalid ? "alert" : undefined}>
          {invalid ? problems.map((p) => p.message).join("; ") : hint}
        </span>
      ) : null}
    </div>
  );
}

/** "model.decisionMakers[0].preferences[2]" style keys, to match problems to the fields they concern. */
export const pathKey = (path: readonly (string | number)[]): string => path.map(String).join("\u0001");

/** The problems at `path` or inside it. */
export function problemsAt(problems: readonly Problem[], path: readonly (string | number)[]): Problem[] {
  const key = pathKey(path);
  return problems.filter((p) => {
    const k = pathKey(p.path);
    return k === key || k.startsWith(key + "\u0001");
  });
}
