/** A labelled select of the filter bars: the caption above, the choices, optionally "any" first. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField<V extends string>({
  label,
  value,
  choices,
  any,
  onChange,
  testid,
}: {
  label: string;
  value: V | '';
  choices: readonly Choice[];
  /** The label of the empty value (no filter); without it there is no empty choice. */
  any?: string;
  onChange: (value: V) => void;
  testid: string;
}) {
  return (
    <label className="qx-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as V)} data-testid={testid}>
        {any !== undefined && <option value="">{any}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
